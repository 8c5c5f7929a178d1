import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policies" ADD COLUMN "require_second_approval" boolean DEFAULT false;
  ALTER TABLE "policy_versions" ADD COLUMN "approved_by_id" integer;
  ALTER TABLE "policy_versions" ADD COLUMN "approved_at" timestamp(3) with time zone;
  ALTER TABLE "policy_versions" ADD COLUMN "approval_digest" varchar;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_approved_by_id" integer;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_approval_digest" varchar;
  ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_versions_v" ADD CONSTRAINT "_policy_versions_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "policy_versions_approved_by_idx" ON "policy_versions" USING btree ("approved_by_id");
  CREATE INDEX "_policy_versions_v_version_version_approved_by_idx" ON "_policy_versions_v" USING btree ("version_approved_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policy_versions" DROP CONSTRAINT "policy_versions_approved_by_id_users_id_fk";
  
  ALTER TABLE "_policy_versions_v" DROP CONSTRAINT "_policy_versions_v_version_approved_by_id_users_id_fk";
  
  DROP INDEX "policy_versions_approved_by_idx";
  DROP INDEX "_policy_versions_v_version_version_approved_by_idx";
  ALTER TABLE "policies" DROP COLUMN "require_second_approval";
  ALTER TABLE "policy_versions" DROP COLUMN "approved_by_id";
  ALTER TABLE "policy_versions" DROP COLUMN "approved_at";
  ALTER TABLE "policy_versions" DROP COLUMN "approval_digest";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_approved_by_id";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_approved_at";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_approval_digest";`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_policy_versions_rules_acceptance_mode" AS ENUM('clickwrap', 'continued-use');
  CREATE TYPE "public"."enum__policy_versions_v_version_rules_acceptance_mode" AS ENUM('clickwrap', 'continued-use');
  ALTER TYPE "public"."enum_ledger_entries_kind" ADD VALUE 'publication';
  ALTER TYPE "public"."enum_ledger_entries_kind" ADD VALUE 'policy-rules';
  ALTER TYPE "public"."enum_ledger_entries_kind" ADD VALUE 'key-rotation';
  CREATE TABLE "policies_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "policy_versions" ADD COLUMN "rules_acceptance_mode" "enum_policy_versions_rules_acceptance_mode";
  ALTER TABLE "policy_versions" ADD COLUMN "rules_notice_period_days" numeric;
  ALTER TABLE "policy_versions" ADD COLUMN "rules_require_second_approval" boolean;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_rules_acceptance_mode" "enum__policy_versions_v_version_rules_acceptance_mode";
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_rules_notice_period_days" numeric;
  ALTER TABLE "_policy_versions_v" ADD COLUMN "version_rules_require_second_approval" boolean;
  ALTER TABLE "policies_texts" ADD CONSTRAINT "policies_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "policies_texts_order_parent" ON "policies_texts" USING btree ("order","parent_id");`)
  // Data backfill (hand-written): versions published before rules were frozen get their policy's
  // current rules, the best record there is of what they were published under.
  await db.execute(sql`
  UPDATE "policy_versions" v SET
    "rules_acceptance_mode" = p."acceptance_mode"::text::"enum_policy_versions_rules_acceptance_mode",
    "rules_notice_period_days" = p."notice_period_days",
    "rules_require_second_approval" = coalesce(p."require_second_approval", false)
    FROM "policies" p WHERE p."id" = v."policy_id" AND v."published_at" IS NOT NULL;
  UPDATE "_policy_versions_v" v SET
    "version_rules_acceptance_mode" = p."acceptance_mode"::text::"enum__policy_versions_v_version_rules_acceptance_mode",
    "version_rules_notice_period_days" = p."notice_period_days",
    "version_rules_require_second_approval" = coalesce(p."require_second_approval", false)
    FROM "policies" p WHERE p."id" = v."version_policy_id" AND v."version_published_at" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "policies_texts" CASCADE;
  ALTER TABLE "ledger_entries" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_ledger_entries_kind";
  CREATE TYPE "public"."enum_ledger_entries_kind" AS ENUM('acceptance', 'notice');
  ALTER TABLE "ledger_entries" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_ledger_entries_kind" USING "kind"::"public"."enum_ledger_entries_kind";
  ALTER TABLE "policy_versions" DROP COLUMN "rules_acceptance_mode";
  ALTER TABLE "policy_versions" DROP COLUMN "rules_notice_period_days";
  ALTER TABLE "policy_versions" DROP COLUMN "rules_require_second_approval";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_rules_acceptance_mode";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_rules_notice_period_days";
  ALTER TABLE "_policy_versions_v" DROP COLUMN "version_rules_require_second_approval";
  DROP TYPE "public"."enum_policy_versions_rules_acceptance_mode";
  DROP TYPE "public"."enum__policy_versions_v_version_rules_acceptance_mode";`)
}

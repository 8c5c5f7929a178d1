import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "banner_template" ADD COLUMN "intro" varchar;
  ALTER TABLE "banner_template" ADD COLUMN "changes_link_label" varchar;
  ALTER TABLE "banner_template" ADD COLUMN "full_text_label" varchar;
  ALTER TABLE "banner_template" ADD COLUMN "consent_lead" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "banner_template" DROP COLUMN "intro";
  ALTER TABLE "banner_template" DROP COLUMN "changes_link_label";
  ALTER TABLE "banner_template" DROP COLUMN "full_text_label";
  ALTER TABLE "banner_template" DROP COLUMN "consent_lead";`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "banner_template" DROP COLUMN "html";
  ALTER TABLE "banner_template" DROP COLUMN "text";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "banner_template" ADD COLUMN "html" varchar;
  ALTER TABLE "banner_template" ADD COLUMN "text" varchar;`)
}

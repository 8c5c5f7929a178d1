import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "banner_template_translations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"locale" varchar NOT NULL,
  	"intro" varchar,
  	"changes_link_label" varchar,
  	"full_text_label" varchar,
  	"consent_lead" varchar
  );
  
  ALTER TABLE "banner_template_translations" ADD CONSTRAINT "banner_template_translations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."banner_template"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "banner_template_translations_order_idx" ON "banner_template_translations" USING btree ("_order");
  CREATE INDEX "banner_template_translations_parent_id_idx" ON "banner_template_translations" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "banner_template_translations" CASCADE;`)
}

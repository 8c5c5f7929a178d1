import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

// Written by hand, data only: entries recorded before ledger entries named their subject get it
// from their own body, so a subject's entries are found by index.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`update ledger_entries set subject = cast(json_extract(body, '$.record.subject') as text) where kind in ('acceptance', 'notice') and subject is null`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {}

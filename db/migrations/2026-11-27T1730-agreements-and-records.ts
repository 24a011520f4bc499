// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The agreement a completed cycle issues (a PDF with its certificate of completion, kept in `files`), and what a
// county's records management files a cycle and its documents under: diary number, publicity, retention.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycles.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addColumn('ledger_seq', 'integer', (c) => c.notNull())
    .addColumn('ledger_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`grant select, insert on agreements to sopu_app`.execute(db);
  for (const table of ['cycles', 'documents']) {
    await db.schema
      .alterTable(table)
      .addColumn('diary_number', 'text')
      .addColumn('publicity', 'text', (c) =>
        c
          .notNull()
          .defaultTo('public')
          .check(sql`publicity in ('public', 'secret')`),
      )
      .addColumn('secrecy_ground', 'text')
      .addColumn('retention', 'text', (c) => c.notNull().defaultTo('permanent'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['cycles', 'documents'])
    await db.schema
      .alterTable(table)
      .dropColumn('diary_number')
      .dropColumn('publicity')
      .dropColumn('secrecy_ground')
      .dropColumn('retention')
      .execute();
  await db.schema.dropTable('agreements').execute();
}

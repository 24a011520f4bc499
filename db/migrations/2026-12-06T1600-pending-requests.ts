// Frozen: never import application code here, never edit after release; add a new dated file instead.
// A secretariat's request to a cycle that Temporal had not confirmed when the page had to answer: kept until a page
// learns its outcome, so that "what needs doing now" can say it is not confirmed yet.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_requests')
    .addColumn('update_id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('control', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('pending_requests_cycle').on('pending_requests').column('cycle_id').execute();
  await sql`grant select, insert, delete on pending_requests to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_requests').execute();
}

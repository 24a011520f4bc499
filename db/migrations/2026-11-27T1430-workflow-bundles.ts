// Frozen: never import application code here, never edit after release; add a new dated file instead.
// Every workflow bundle a worker ran, kept once by its SHA-256 (the hash Temporal records as each workflow task's
// build id), so that an audit replays each history with the code that made it and old patches can be retired.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workflow_bundles')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`grant select, insert on workflow_bundles to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workflow_bundles').execute();
}

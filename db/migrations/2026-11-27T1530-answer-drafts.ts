// Frozen: never import application code here, never edit after release; add a new dated file instead.
// A participant's answer saved as a draft before it is sent: the form as filled, one per task and person. Not part
// of the record (nothing was answered yet): the web server keeps it, and drops it once the answer is recorded.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('answer_drafts')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('participant_email', 'text', (c) => c.notNull())
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('answer_drafts_pk', ['task_id', 'participant_email'])
    .execute();
  await sql`grant select, insert, update, delete on answer_drafts to sopu_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_drafts').execute();
}

// Frozen: never import application code here, never edit after release; add a new dated file instead.
// What each outgoing message was (task assigned, reminder, …), for the secretariat's view of mail.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('emails')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('task-assigned'))
    .execute();
  await db.schema.createIndex('emails_cycle_idx').on('emails').columns(['cycle_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('emails_cycle_idx').execute();
  await db.schema.alterTable('emails').dropColumn('kind').execute();
}

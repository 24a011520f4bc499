// Frozen: never import application code here, never edit after release; add a new dated file instead.
// What a scheduled start found missing, as data beside its English sentences: the compliance page says it in its
// reader's language. Runs recorded before this have only the sentences.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('schedule_runs')
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('schedule_runs').dropColumn('problems').execute();
}

// Whether the database answers at all: for readiness checks.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export async function databaseAnswers(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

// Frozen: never import application code here, never edit after release; add a new dated file instead.
// The application role keeps only the rights the engine uses: on the record rows that never change once written
// (what people answered and signed, each status change, the plan, the meeting and its minutes) it may insert and
// read, not update or delete. Accidents stop here; the ledger and its signed checkpoints detect the rest.
import { sql, type Kysely } from 'kysely';

const INSERT_ONLY = sql.raw(
  'responses, signoffs, task_status_changes, deadlines, meetings, meeting_attendees, minutes, sign_in_attempts',
);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`revoke update, delete, truncate on ${INSERT_ONLY} from sopu_app`.execute(db);
  // Rows that change (a task's status, a party's position, an email's delivery) are never deleted.
  await sql`revoke delete, truncate on cycles, parties, participants, tasks, documents, emails from sopu_app`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`grant update, delete on ${INSERT_ONLY} to sopu_app`.execute(db);
  await sql`grant delete on cycles, parties, participants, tasks, documents, emails to sopu_app`.execute(db);
}

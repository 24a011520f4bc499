// Frozen: never import application code here, never edit after release; add a new dated file instead.
// A request id is the request's own within its task, not across the whole database: an answer, a sign-off or a
// registration is unique by (task, request id). Unique by request id alone, a second party's request that reused an
// id (a form sent again on another link, a command's --request-id) was taken for the first party's.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropConstraint('responses_update_id_key').execute();
  await db.schema
    .alterTable('responses')
    .addUniqueConstraint('responses_task_update_unique', ['task_id', 'update_id'])
    .execute();
  await db.schema.alterTable('signoffs').dropConstraint('signoffs_update_id_key').execute();
  await db.schema
    .alterTable('signoffs')
    .addUniqueConstraint('signoffs_task_update_unique', ['task_id', 'update_id'])
    .execute();
  await db.schema.alterTable('meeting_attendees').dropConstraint('meeting_attendees_update_position_unique').execute();
  await db.schema
    .alterTable('meeting_attendees')
    .addUniqueConstraint('meeting_attendees_party_update_position_unique', [
      'cycle_id',
      'party_code',
      'update_id',
      'position',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('meeting_attendees')
    .dropConstraint('meeting_attendees_party_update_position_unique')
    .execute();
  await db.schema
    .alterTable('meeting_attendees')
    .addUniqueConstraint('meeting_attendees_update_position_unique', ['update_id', 'position'])
    .execute();
  await db.schema.alterTable('signoffs').dropConstraint('signoffs_task_update_unique').execute();
  await db.schema.alterTable('signoffs').addUniqueConstraint('signoffs_update_id_key', ['update_id']).execute();
  await db.schema.alterTable('responses').dropConstraint('responses_task_update_unique').execute();
  await db.schema.alterTable('responses').addUniqueConstraint('responses_update_id_key', ['update_id']).execute();
}

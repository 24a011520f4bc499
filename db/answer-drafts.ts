// Answers saved as drafts on the task page: the form's fields as filled, until the answer is sent.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export type DraftForm = Record<string, string>;

export async function saveDraft(db: Kysely<Database>, taskId: string, email: string, form: DraftForm): Promise<void> {
  await db
    .insertInto('answer_drafts')
    .values({ task_id: taskId, participant_email: email, form: JSON.stringify(form) })
    .onConflict((oc) =>
      oc.columns(['task_id', 'participant_email']).doUpdateSet({ form: JSON.stringify(form), saved_at: sql`now()` }),
    )
    .execute();
}

export async function draftOf(
  db: Kysely<Database>,
  taskId: string,
  email: string,
): Promise<{ form: DraftForm; savedAt: Date } | undefined> {
  const row = await db
    .selectFrom('answer_drafts')
    .select(['form', 'saved_at as savedAt'])
    .where('task_id', '=', taskId)
    .where('participant_email', '=', email)
    .executeTakeFirst();
  return row && { form: row.form as DraftForm, savedAt: row.savedAt };
}

export async function dropDraft(db: Kysely<Database>, taskId: string, email: string): Promise<void> {
  await db.deleteFrom('answer_drafts').where('task_id', '=', taskId).where('participant_email', '=', email).execute();
}

// What an audit reads of a cycle: the ledger rows with their chain, the signed checkpoints, the archived histories
// and the record an export summarises.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export function ledgerRows(db: Kysely<Database>, cycleId: string) {
  return db.selectFrom('audit_events').selectAll().where('cycle_id', '=', cycleId).orderBy('seq').execute();
}

/** Everything `sopu audit export` writes, read in one place. Undefined when the cycle is not in the database. */
export async function auditRecord(db: Kysely<Database>, cycleId: string) {
  const cycle = await db.selectFrom('cycles').selectAll().where('id', '=', cycleId).executeTakeFirst();
  if (!cycle) return undefined;
  return {
    cycle,
    events: await db
      .selectFrom('audit_events')
      .select(['canonical', 'prev_hash', 'hash'])
      .where('cycle_id', '=', cycleId)
      .orderBy('seq')
      .execute(),
    checkpoints: await db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('seq')
      .execute(),
    histories: await db
      .selectFrom('cycle_histories')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('workflow_id')
      .execute(),
    documents: await db
      .selectFrom('documents')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('version')
      .execute(),
    agreement: await db.selectFrom('agreements').selectAll().where('cycle_id', '=', cycleId).executeTakeFirst(),
    /** The files answers came with, and the answer (its Update id) each came with. */
    attachments: await db
      .selectFrom('answer_attachments')
      .innerJoin('responses', 'responses.id', 'answer_attachments.response_id')
      .innerJoin('tasks', 'tasks.id', 'responses.task_id')
      .select([
        'responses.update_id as updateId',
        'tasks.id as taskId',
        'answer_attachments.position',
        'answer_attachments.file_sha256 as sha256',
        'answer_attachments.file_name as name',
        'answer_attachments.media_type as mediaType',
        'answer_attachments.size',
      ])
      .where('tasks.cycle_id', '=', cycleId)
      .orderBy('responses.id')
      .orderBy('answer_attachments.position')
      .execute(),
    /** The stored originals of the cycle's documents and attachments, by SHA-256. */
    files: await db
      .selectFrom('files')
      .select(['sha256', 'content'])
      .where((eb) =>
        eb.or([
          eb('sha256', 'in', db.selectFrom('documents').select('file_sha256').where('cycle_id', '=', cycleId)),
          eb('sha256', 'in', db.selectFrom('agreements').select('file_sha256').where('cycle_id', '=', cycleId)),
          eb(
            'sha256',
            'in',
            db
              .selectFrom('answer_attachments')
              .innerJoin('responses', 'responses.id', 'answer_attachments.response_id')
              .innerJoin('tasks', 'tasks.id', 'responses.task_id')
              .select('answer_attachments.file_sha256')
              .where('tasks.cycle_id', '=', cycleId),
          ),
        ]),
      )
      .execute(),
  };
}

/** The record rows a secretariat reads that the ledger also holds, to compare row by row (`audit verify --live`). */
export async function recordRows(db: Kysely<Database>, cycleId: string) {
  const tasksOf = db.selectFrom('tasks').select('id').where('cycle_id', '=', cycleId);
  return {
    responses: await db
      .selectFrom('responses')
      .select(['id', 'task_id as taskId', 'body', 'update_id as updateId', 'kind', 'received_at as receivedAt', 'late'])
      .where('task_id', 'in', tasksOf)
      .orderBy('id')
      .execute(),
    signoffs: await db
      .selectFrom('signoffs')
      .select([
        'id',
        'task_id as taskId',
        'decision',
        'decision_reference as decisionReference',
        'reason',
        'document_sha256 as documentSha256',
        'update_id as updateId',
        'signed_at as signedAt',
      ])
      .where('task_id', 'in', tasksOf)
      .orderBy('id')
      .execute(),
    parties: await db
      .selectFrom('parties')
      .select(['code', 'position'])
      .where('cycle_id', '=', cycleId)
      .orderBy('code')
      .execute(),
    tasks: await db
      .selectFrom('tasks')
      .select(['id', 'status', 'nominal_deadline as deadline'])
      .where('cycle_id', '=', cycleId)
      .orderBy('id')
      .execute(),
    cycle: await db
      .selectFrom('cycles')
      .select(['status', 'outcome'])
      .where('id', '=', cycleId)
      .executeTakeFirstOrThrow(),
  };
}

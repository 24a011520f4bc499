// The secretariat's view of mail: which messages went to whom and when, and which failed. Read from the outbox.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface MailLogEntry {
  createdAt: Date;
  sentAt: Date | null;
  status: string;
  kind: string;
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  taskId: string | null;
}

export async function mailLog(
  db: Kysely<Database>,
  cycleId: string,
  options: { failedOnly?: boolean; pendingSince?: Date } = {},
): Promise<MailLogEntry[]> {
  let query = db
    .selectFrom('emails')
    .select([
      'created_at as createdAt',
      'sent_at as sentAt',
      'status',
      'kind',
      'recipient',
      'subject',
      'attempts',
      'last_error as lastError',
      'task_id as taskId',
    ])
    .where('cycle_id', '=', cycleId)
    .orderBy('created_at')
    .orderBy('id');
  if (options.failedOnly) query = query.where('status', '=', 'failed');
  // Still not delivered, and waiting since before `pendingSince`: the mail server is down, or refusing for now.
  if (options.pendingSince)
    query = query.where('status', '=', 'pending').where('created_at', '<', options.pendingSince);
  return query.execute();
}

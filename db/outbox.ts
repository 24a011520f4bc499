// The mail outbox: a row per message, keyed by what the message is about, claimed before sending and marked after.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface OutboxEntry {
  idempotencyKey: string;
  kind: string;
  cycleId: string | null;
  taskId: string | null;
  recipient: string;
  subject: string;
  messageId: string;
}

/** Adds the message unless its key is there already. */
export async function addToOutbox(db: Kysely<Database>, entry: OutboxEntry): Promise<void> {
  await db
    .insertInto('emails')
    .values({
      idempotency_key: entry.idempotencyKey,
      kind: entry.kind,
      cycle_id: entry.cycleId,
      task_id: entry.taskId,
      recipient: entry.recipient,
      subject: entry.subject,
      message_id: entry.messageId,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** Claims a pending message for one attempt; undefined when it was already sent or refused. */
export function claimPending(db: Kysely<Database>, idempotencyKey: string) {
  return db
    .updateTable('emails')
    .set({ attempts: sql`attempts + 1` })
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 'pending')
    .returning(['id', 'attempts'])
    .executeTakeFirst();
}

export function outboxState(db: Kysely<Database>, idempotencyKey: string) {
  return db
    .selectFrom('emails')
    .select(['status', 'last_error', 'attempts'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirstOrThrow();
}

export async function markSent(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('emails')
    .set({ status: 'sent', sent_at: new Date(), last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db.updateTable('emails').set({ status: 'failed', last_error: error }).where('id', '=', id).execute();
}

/** Keeps the error of an attempt that will be retried. */
export async function noteAttemptError(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db.updateTable('emails').set({ last_error: error }).where('id', '=', id).execute();
}

/** The kind of the notice that tells a secretariat its cycle's mail waits. */
export const LATE_MAIL_NOTICE = 'mail-late';

/** A cycle's messages in the last day (notices about mail left out) that waited longer than `minutes` for the mail
 * server, and how many of those still wait. */
export async function lateMailCounts(
  db: Kysely<Database>,
  cycleId: string,
  minutes: number,
): Promise<{ waitedLong: number; stillWaiting: number }> {
  const long = sql<boolean>`coalesce(sent_at, now()) - created_at > make_interval(mins => ${minutes})`;
  const row = await db
    .selectFrom('emails')
    .select([
      sql<string>`count(*) filter (where ${long})`.as('waited'),
      sql<string>`count(*) filter (where ${long} and status = 'pending')`.as('still'),
    ])
    .where('cycle_id', '=', cycleId)
    .where('kind', '!=', LATE_MAIL_NOTICE)
    .where('status', '!=', 'failed')
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  return { waitedLong: Number(row.waited), stillWaiting: Number(row.still) };
}

/** The latest such notice of a cycle, sent or still waiting itself. */
export function latestLateMailNotice(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('emails')
    .select(['idempotency_key as key', 'status', 'created_at as createdAt'])
    .where('cycle_id', '=', cycleId)
    .where('kind', '=', LATE_MAIL_NOTICE)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

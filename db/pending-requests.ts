// Requests to a cycle sent but not confirmed by Temporal when the page answered: kept until their outcome is known.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export async function recordPending(
  db: Kysely<Database>,
  request: { updateId: string; cycleId: string; control: string; by: string },
): Promise<void> {
  await db
    .insertInto('pending_requests')
    .values({ update_id: request.updateId, cycle_id: request.cycleId, control: request.control, by: request.by })
    .onConflict((oc) => oc.column('update_id').doNothing())
    .execute();
}

export function pendingRequests(db: Kysely<Database>, cycleIds: string[]) {
  if (!cycleIds.length) return Promise.resolve([]);
  return db
    .selectFrom('pending_requests')
    .select(['update_id as updateId', 'cycle_id as cycleId', 'control', 'by', 'sent_at as sentAt'])
    .where('cycle_id', 'in', cycleIds)
    .orderBy('sent_at')
    .execute();
}

/** The outcome is known (recorded, refused, or never received): no longer pending. */
export async function settlePending(db: Kysely<Database>, updateId: string): Promise<void> {
  await db.deleteFrom('pending_requests').where('update_id', '=', updateId).execute();
}

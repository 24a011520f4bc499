// Requests the secretariat sent that Temporal had not confirmed when the page answered: asked again by their update
// ids, each settled once its outcome is known (recorded, refused, or never received); what is left is "not confirmed
// yet" under what needs doing now.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { controlBySlug, type ControlName } from '../../../core/requests';
import { pendingRequests, settlePending } from '../../../db/pending-requests';
import type { Database } from '../../../db/schema';
import { controlOutcome } from '../../cycles';

/** How long a page waits for Temporal to say what became of one request. */
const ASK_MS = 1_500;

export interface Pending {
  cycleId: string;
  control: ControlName;
  requestId: string;
}

export async function stillPending(db: Kysely<Database>, client: Client, cycleIds: string[]): Promise<Pending[]> {
  const rows = await pendingRequests(db, cycleIds);
  const left = await Promise.all(
    rows.map(async (row) => {
      const outcome = await controlOutcome(client, row.cycleId, row.updateId, ASK_MS).catch(() => null);
      if (outcome && outcome.state !== 'not-confirmed') {
        await settlePending(db, row.updateId);
        return null;
      }
      const control = controlBySlug(row.control);
      return control ? { cycleId: row.cycleId, control, requestId: row.updateId } : null;
    }),
  );
  return left.filter((p): p is Pending => p !== null);
}

// A cycle row and nothing else: for tests of the record (ledger, outbox) that need no workflow behind it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function insertBareCycle(db: Kysely<Database>, cycleId: string, startedAt = new Date()): Promise<void> {
  await db
    .insertInto('cycles')
    .values({
      id: cycleId,
      kind: 'annual',
      county_code: '06',
      title: cycleId,
      period: '2031',
      secretariat_email: 's@x.fi',
      definition: '{}',
      workflow_id: `cycle/${cycleId}`,
      run_id: 'r',
      started_at: startedAt,
    })
    .execute();
}

// Mail that waits is visible: a message still pending after LATE_MAIL_MINUTES is listed as late, one just queued or
// already sent is not (`sopu mail --pending`, the cycle page).
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { connectDb } from '../../db/connect';
import { mailLog } from '../../db/mail-log';
import type { Database } from '../../db/schema';
import { LATE_MAIL_MINUTES } from '../../core/contracts';
import { insertBareCycle } from '../support/cycle-rows';

let db: Kysely<Database>;
const cycleId = `late-mail-${Date.now()}`;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), 1);
  await insertBareCycle(db, cycleId, minutesAgo(60));
  const mail = (key: string, createdAt: Date, status: 'pending' | 'sent', lastError: string | null = null) => ({
    idempotency_key: `${cycleId}:${key}`,
    kind: 'task-assigned',
    cycle_id: cycleId,
    task_id: null,
    recipient: `${key}@example.fi`,
    subject: key,
    message_id: `<${cycleId}-${key}@sopu>`,
    status,
    last_error: lastError,
    created_at: createdAt,
  });
  await db
    .insertInto('emails')
    .values([
      mail('waiting', minutesAgo(LATE_MAIL_MINUTES + 5), 'pending', 'connect ECONNREFUSED 127.0.0.1:25'),
      mail('fresh', minutesAgo(1), 'pending'),
      mail('delivered', minutesAgo(LATE_MAIL_MINUTES + 5), 'sent'),
    ])
    .execute();
});

afterAll(async () => {
  await db?.destroy();
});

describe('late mail', () => {
  it('lists only what has waited longer than the threshold and is still not delivered', async () => {
    const late = await mailLog(db, cycleId, { pendingSince: minutesAgo(LATE_MAIL_MINUTES) });
    expect(late.map((m) => [m.recipient, m.lastError])).toEqual([
      ['waiting@example.fi', 'connect ECONNREFUSED 127.0.0.1:25'],
    ]);
    expect(await mailLog(db, cycleId)).toHaveLength(3);
  });
});

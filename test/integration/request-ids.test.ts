// A request id is the request's own within its task: two parties' answers that reuse one id (a command's
// --request-id, a crafted request) are each recorded in their own task and ledger line, never the second taken for
// the first; the record still verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCycle } from '../../client/audit/export';
import { verifyExport } from '../../client/audit/verify';
import { partyAction, startCycle } from '../../client/cycles';
import { taskId } from '../../core/contracts';
import { submitAnswerUpdate } from '../../workflows/party/messages';
import { allHaveTask, smallAnnualCycle, stopCycles, waitForCycle } from '../support/cycle-driver';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, TEST_AUDIT_SIGNER, type TestWorker } from '../support/test-worker';

const cycleId = `request-ids-${Date.now()}`;
let smtp: SmtpSink;
let env: TestWorker;

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url });
  const valid = smallAnnualCycle(cycleId);
  await startCycle(env.client, valid, env.taskQueue);
  await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
}, 120_000);

afterAll(async () => {
  await stopCycles(env?.client, [cycleId]);
  await env?.close();
  await smtp?.close();
});

describe('request ids', () => {
  it("records two parties' answers that reuse one request id, each in its own task", async () => {
    const answer = (partyCode: string, email: string) =>
      partyAction(
        env.client,
        cycleId,
        partyCode,
        submitAnswerUpdate,
        { taskId: taskId(cycleId, partyCode, 'preparation'), participantEmail: email, text: `Vastaus ${partyCode}` },
        { updateId: 'shared-request' },
      );
    const askola = await answer('018', 'contact@askola.example.fi');
    const porvoo = await answer('638', 'contact@porvoo.example.fi');
    expect([askola.taskId, porvoo.taskId]).toEqual([
      taskId(cycleId, '018', 'preparation'),
      taskId(cycleId, '638', 'preparation'),
    ]);
    const rows = await env.db
      .selectFrom('responses')
      .innerJoin('tasks', 'tasks.id', 'responses.task_id')
      .select(['tasks.party_code as party', 'responses.body'])
      .where('tasks.cycle_id', '=', cycleId)
      .where('responses.update_id', '=', 'shared-request')
      .orderBy('tasks.party_code')
      .execute();
    expect(rows).toEqual([
      { party: '018', body: 'Vastaus 018' },
      { party: '638', body: 'Vastaus 638' },
    ]);
    const lines = await env.db
      .selectFrom('audit_events')
      .select('source_id')
      .where('cycle_id', '=', cycleId)
      .where('action', '=', 'task.answer')
      .orderBy('seq')
      .execute();
    expect(lines.map((l) => l.source_id)).toEqual([
      `response:${askola.taskId}:shared-request`,
      `response:${porvoo.taskId}:shared-request`,
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'sopu-request-ids-'));
    try {
      await exportCycle(env.db, cycleId, dir);
      expect(
        await verifyExport(dir, { trusted: { keys: [TEST_AUDIT_SIGNER.publicKeyPem], fingerprints: [] } }),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

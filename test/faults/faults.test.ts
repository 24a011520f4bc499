// Faults without lies. A Pirkanmaa term cycle (24 parties, 48 participants) runs on services of the suite's own while
// each fault strikes in turn: the worker killed mid-burst, PostgreSQL stopped and started, the mail server gone and
// back, the Temporal server killed and restarted on its database file. Participants answer throughout, the way the
// web and CLI send (client/cycles.ts), and every outcome they were told is checked against the record:
// - a receipt is recorded exactly once, with the time the receipt gave; a refusal left nothing;
// - every "not confirmed yet" is settled, by asking Temporal with its Update id (and sending it again with that id);
// - no mail is lost, a mail twice only with the same Message-ID;
// - no process is restarted by a person: the worker and web server ride out every outage; only the killed worker is
//   started again, as a process manager does.
// Figures (counts and recovery times) are printed at the end.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { NotConfirmedYet, UserError, control, partyAction, partyActionOutcome, startCycle } from '../../client/cycles';
import {
  cycleWorkflowId,
  partyWorkflowId,
  type CycleInput,
  type CycleStatus,
  type Receipt,
  type SubmitAnswerRequest,
} from '../../core/contracts';
import { publishDraftUpdate } from '../../workflows/cycle/messages';
import { submitAnswerUpdate } from '../../workflows/party/messages';
import { Worker } from '@temporalio/worker';
import { waitFor } from '../../worker/dev/processes';
import { prebuiltWorkflowBundle } from '../../worker/workflow-bundle';
import { allHaveTask, waitForCycle } from '../support/cycle-driver';
import { shippedReference } from '../support/reference';
import { startFaultRig, type FaultRig } from './fault-rig';
import { storedDraft } from '../support/drafts';

interface Sent {
  partyCode: string;
  updateId: string;
  request: SubmitAnswerRequest;
  /** What the participant was told when the request came back. */
  told: 'receipt' | 'refused' | 'not-confirmed';
  /** What it turned out to be. */
  settled?: 'recorded' | 'refused';
  receipt?: Receipt;
}

interface Figures {
  fault: string;
  sent: number;
  receipts: number;
  refusals: number;
  notConfirmed: number;
  recorded: number;
  mails: number;
  /** From the fault to the service back (for the worker: started again). */
  outageSeconds: number;
  /** From the service back to every request settled (for mail: every message sent). */
  recoverySeconds: number;
}

const SECRETARIAT = 'neuvottelut@pirha.example.fi';
const cycleId = `faults-${Date.now()}`;
const figures: Figures[] = [];
let rig: FaultRig;
let input: CycleInput;
let status: CycleStatus;

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Both participants of every party answer, and two requests that must be refused ride along. */
function answers(phaseKey: string, label: string): { partyCode: string; request: SubmitAnswerRequest }[] {
  const requests = input.parties.flatMap((party) =>
    party.participants.map((person) => ({
      partyCode: party.code,
      request: {
        taskId: status.parties.find((p) => p.code === party.code)!.tasks[phaseKey]!.taskId,
        participantEmail: person.email,
        text: `${label}: ${party.name}, ${person.name}`,
      },
    })),
  );
  const [first, second] = requests;
  return [
    ...requests,
    { partyCode: first!.partyCode, request: { ...first!.request, participantEmail: 'intruder@example.invalid' } },
    { partyCode: second!.partyCode, request: { ...second!.request, text: '' } },
  ];
}

/** Sends every request at once, as participants do, and notes what each was told. */
function sendAll(requests: ReturnType<typeof answers>, onReceipt: () => void = () => {}): Promise<Sent[]> {
  return Promise.all(
    requests.map(async ({ partyCode, request }): Promise<Sent> => {
      const updateId = randomUUID();
      const sent = { partyCode, updateId, request };
      try {
        const receipt = await partyAction(rig.client, cycleId, partyCode, submitAnswerUpdate, request, {
          updateId,
          waitMs: 10_000,
        });
        onReceipt();
        return { ...sent, told: 'receipt', settled: 'recorded', receipt };
      } catch (err) {
        if (err instanceof UserError) return { ...sent, told: 'refused', settled: 'refused' };
        if (err instanceof NotConfirmedYet) return { ...sent, told: 'not-confirmed' };
        throw err;
      }
    }),
  );
}

/** Settles every "not confirmed yet" the way the web page and `sopu` do: ask by id, send again with the same id. */
async function settle(sent: Sent[]): Promise<void> {
  const settleOne = async (s: Sent) => {
    const outcome = await partyActionOutcome(rig.client, cycleId, s.partyCode, s.updateId, 3_000);
    if (outcome.state === 'recorded') Object.assign(s, { settled: 'recorded', receipt: outcome.receipt });
    else if (outcome.state === 'refused') s.settled = 'refused';
    else if (outcome.state === 'unknown-request') {
      try {
        const receipt = await partyAction(rig.client, cycleId, s.partyCode, submitAnswerUpdate, s.request, {
          updateId: s.updateId,
          waitMs: 10_000,
        });
        Object.assign(s, { settled: 'recorded', receipt });
      } catch (err) {
        if (err instanceof UserError) s.settled = 'refused';
        else if (!(err instanceof NotConfirmedYet)) throw err;
      }
    }
  };
  await waitFor(
    async () => {
      await Promise.all(sent.filter((x) => !x.settled).map(settleOne));
      const open = sent.filter((x) => !x.settled).length;
      if (open) throw new Error(`${open} requests not settled yet`);
    },
    { timeoutMs: 240_000, what: 'every request settled', intervalMs: 500 },
  );
}

/** The record agrees with what people were told: each recorded request once, with its receipt's time; each refused
 * one nowhere, neither in the tables nor in the ledger. */
async function expectRecordMatches(sent: Sent[]): Promise<number> {
  const ids = sent.map((s) => s.updateId);
  const rows = await rig.db
    .selectFrom('responses')
    .select(['update_id', 'received_at'])
    .where('update_id', 'in', ids)
    .execute();
  const events = await rig.db
    .selectFrom('audit_events')
    .select('event_key')
    .where(
      'event_key',
      'in',
      sent.map((s) => `response:${s.request.taskId}:${s.updateId}`),
    )
    .execute();
  for (const s of sent) {
    const own = rows.filter((r) => r.update_id === s.updateId);
    // The ledger line of an answer is keyed by its task and its request id (a request id is unique per task).
    const ledger = events.filter((e) => e.event_key === `response:${s.request.taskId}:${s.updateId}`);
    const expected = s.settled === 'recorded' ? 1 : 0;
    expect({ id: s.updateId, told: s.told, rows: own.length, ledger: ledger.length }).toEqual({
      id: s.updateId,
      told: s.told,
      rows: expected,
      ledger: expected,
    });
    if (s.receipt) expect(new Date(own[0]!.received_at).toISOString()).toBe(s.receipt.recordedAt);
  }
  // The two requests made to be refused were refused, whatever else happened.
  expect(sent.slice(-2).map((s) => s.settled)).toEqual(['refused', 'refused']);
  return rows.length;
}

function note(
  fault: string,
  sent: Sent[],
  recorded: number,
  mailsBefore: number,
  outageMs: number,
  recoveryMs: number,
) {
  figures.push({
    fault,
    sent: sent.length,
    receipts: sent.filter((s) => s.told === 'receipt').length,
    refusals: sent.filter((s) => s.told === 'refused').length,
    notConfirmed: sent.filter((s) => s.told === 'not-confirmed').length,
    recorded,
    mails: rig.mail.length - mailsBefore,
    outageSeconds: seconds(outageMs),
    recoverySeconds: seconds(recoveryMs),
  });
}

/** Requests that read the database, 16 at a time, until stopped: the web server is serving when a fault strikes. */
function webLoad(base: string): { stop: () => Promise<void> } {
  let running = true;
  const loop = async () => {
    while (running) await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  };
  const loops = Array.from({ length: 16 }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function readiness(base: string): Promise<{ code: number; body: string }> {
  const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return { code: response.status, body: await response.text() };
}

/** The web server and the worker both say they are not ready, and why. */
const bothSay = (code: number, why?: string) =>
  waitFor(
    async () => {
      for (const base of [rig.webUrl, rig.workerHealthUrl]) {
        const ready = await readiness(base);
        expect(ready.code).toBe(code);
        if (why) expect(ready.body).toContain(why);
      }
    },
    { timeoutMs: 30_000, what: `/readyz to answer ${code}` },
  );

/** How long a worker that starts cold takes to replay this cycle's histories, one after another on one thread, as
 * its first tasks after a restart do (docs/operations.md, "Restarts"). */
async function measureReplay(): Promise<void> {
  const ids = [cycleWorkflowId(cycleId), ...input.parties.map((p) => partyWorkflowId(cycleId, p.code))];
  const histories = await Promise.all(
    ids.map(async (workflowId) => ({
      workflowId,
      history: await rig.client.workflow.getHandle(workflowId).fetchHistory(),
    })),
  );
  const times: { workflowId: string; events: number; ms: number }[] = [];
  let last = Date.now();
  const started = last;
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: await prebuiltWorkflowBundle(), replayName: 'faults' },
    histories,
  )) {
    expect(result.error).toBeUndefined();
    const events = histories.find((h) => h.workflowId === result.workflowId)!.history.events!.length;
    times.push({ workflowId: result.workflowId, events, ms: Date.now() - last });
    last = Date.now();
  }
  const longest = times.reduce((a, b) => (b.events > a.events ? b : a));
  console.log(
    `replay: ${times.length} histories, ${times.reduce((n, t) => n + t.events, 0)} events in ${Date.now() - started} ms; longest ${longest.workflowId} (${longest.events} events) ${longest.ms} ms; slowest ${Math.max(...times.map((t) => t.ms))} ms`,
  );
}

let workerPid: number | undefined;
let webPid: number | undefined;

beforeAll(async () => {
  rig = await startFaultRig();
  webPid = rig.web.pid;
  const definition = YAML.parse(readFileSync('examples/pirkanmaa-term.yaml', 'utf8'));
  const valid = toCycleInput({ ...definition, id: cycleId }, new Date(), shippedReference());
  input = valid.input;
  await startCycle(rig.client, valid, rig.taskQueue);
  status = await waitForCycle(rig.client, cycleId, allHaveTask('preparation'), 'preparation tasks', 90_000);
}, 240_000);

afterAll(async () => {
  if (figures.length) console.table(figures);
  await rig?.close();
}, 60_000);

describe('faults without lies', { timeout: 300_000 }, () => {
  it('the worker killed mid-burst: started again by its supervisor, every answer settles', async () => {
    const mailsBefore = rig.mail.length;
    let receipts = 0;
    const burst = sendAll(answers('preparation', 'Ensimmäinen vastaus'), () => receipts++);
    await waitFor(async () => expect(receipts).toBeGreaterThanOrEqual(3), { timeoutMs: 60_000, what: 'receipts' });
    await rig.worker.kill();
    const killedAt = Date.now();
    // What a process manager does (systemd's Restart=on-failure, RestartSec=5): the only start in this suite that a
    // running system would not do by itself.
    await sleep(5_000);
    rig.worker.restarts++;
    await rig.worker.start();
    const backAt = Date.now();
    workerPid = rig.worker.pid;
    const sent = await burst;
    await settle(sent);
    const recovered = Date.now() - backAt;
    const recorded = await expectRecordMatches(sent);
    note('worker SIGKILL mid-burst', sent, recorded, mailsBefore, backAt - killedAt, recovered);
  });

  it('PostgreSQL stopped and started: nothing crashes, /readyz says why, every answer settles', async () => {
    const mailsBefore = rig.mail.length;
    // The web server busy with the database as it goes down: connections checked out mid-request are closed under it.
    const load = webLoad(rig.webUrl);
    await sleep(500);
    await rig.postgres.stop();
    const stoppedAt = Date.now();
    const burst = sendAll(answers('preparation', 'Toinen versio'));
    await bothSay(503, 'PostgreSQL');
    await load.stop();
    const sent = await burst;
    await sleep(Math.max(0, 12_000 - (Date.now() - stoppedAt)));
    await rig.postgres.start();
    const backAt = Date.now();
    await settle(sent);
    const recovered = Date.now() - backAt;
    const recorded = await expectRecordMatches(sent);
    // Each answer's time is when the workflow accepted it, during the outage, not when the write finally went in.
    const times = sent.filter((s) => s.receipt).map((s) => Date.parse(s.receipt!.recordedAt));
    expect(times.filter((t) => t >= backAt)).toEqual([]);
    await bothSay(200);
    expect([rig.worker.running, rig.worker.pid, rig.web.running, rig.web.pid]).toEqual([true, workerPid, true, webPid]);
    expect(rig.worker.output + rig.web.output).not.toMatch(/Unhandled 'error' event/);
    note('PostgreSQL stopped', sent, recorded, mailsBefore, backAt - stoppedAt, recovered);
  });

  it('the mail server gone and back: invitations wait as pending, then go exactly once', async () => {
    const mailsBefore = rig.mail.length;
    await rig.smtp.stop();
    const stoppedAt = Date.now();
    await control(rig.client, cycleId, publishDraftUpdate, {
      by: SECRETARIAT,
      confirm: true,
      title: 'Luonnos 1',
      file: await storedDraft(rig.db, 'Yhteistyösopimuksen luonnos.'),
    });
    status = await waitForCycle(rig.client, cycleId, allHaveTask('round-1'), 'round 1 tasks', 60_000);
    await waitFor(
      async () => {
        const pending = await rig.db
          .selectFrom('emails')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('status', '=', 'pending')
          .where('attempts', '>=', 1)
          .executeTakeFirstOrThrow();
        expect(Number(pending.n)).toBeGreaterThanOrEqual(input.parties.length);
      },
      { timeoutMs: 60_000, what: 'invitations pending while the mail server is away' },
    );
    expect(rig.mail.length).toBe(mailsBefore);
    await sleep(5_000);
    await rig.smtp.start();
    const backAt = Date.now();
    await waitFor(
      async () => {
        const waiting = await rig.db.selectFrom('emails').select('id').where('status', '!=', 'sent').execute();
        expect(waiting).toHaveLength(0);
      },
      { timeoutMs: 240_000, what: 'every message sent', intervalMs: 1_000 },
    );
    note('SMTP server gone', [], 0, mailsBefore, backAt - stoppedAt, Date.now() - backAt);
  });

  it('the Temporal server killed and restarted on its database: the worker reconnects, every answer settles', async () => {
    const mailsBefore = rig.mail.length;
    let receipts = 0;
    const burst = sendAll(answers('round-1', 'Kommentit'), () => receipts++);
    await waitFor(async () => expect(receipts).toBeGreaterThanOrEqual(3), { timeoutMs: 60_000, what: 'receipts' });
    await rig.temporal.kill();
    const killedAt = Date.now();
    await bothSay(503, 'Temporal');
    await sleep(3_000);
    await rig.temporal.start();
    const backAt = Date.now();
    const sent = await burst;
    await settle(sent);
    const recovered = Date.now() - backAt;
    const recorded = await expectRecordMatches(sent);
    await bothSay(200);
    expect([rig.worker.running, rig.worker.pid, rig.web.running, rig.web.pid]).toEqual([true, workerPid, true, webPid]);
    note('Temporal server killed', sent, recorded, mailsBefore, backAt - killedAt, recovered);
  });

  it('no mail lost, none sent twice but with the same Message-ID, and no process restarted by hand', async () => {
    await waitFor(
      async () => {
        const waiting = await rig.db.selectFrom('emails').select('id').where('status', '!=', 'sent').execute();
        expect(waiting).toHaveLength(0);
      },
      { timeoutMs: 240_000, what: 'every message sent', intervalMs: 1_000 },
    );
    const outbox = await rig.db.selectFrom('emails').select(['message_id', 'status']).execute();
    const received = rig.mail.map((m) => m.messageId);
    const outboxIds = new Set(outbox.map((row) => row.message_id));
    expect(received.filter((id) => !outboxIds.has(id!))).toEqual([]);
    expect(new Set(received).size).toBe(outbox.length);
    console.log(
      `mail: ${outbox.length} messages in the outbox, ${received.length} deliveries, ${received.length - outbox.length} duplicates (same Message-ID)`,
    );
    await measureReplay();
    expect(rig.web.restarts).toBe(0);
    expect(rig.worker.restarts).toBe(1);
    expect([rig.worker.running, rig.web.running]).toEqual([true, true]);
  });
});

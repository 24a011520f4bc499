// A whole cycle on the dev server, with real PostgreSQL and a real SMTP server: three parties, one approves,
// one rejects, one never answers.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCycleInput } from '../../client/cycle-file';
import { startCycle } from '../../client/cycles';
import { ErrorType, MAX_ANSWER_LENGTH, cycleWorkflowId, partyWorkflowId, type CycleInput, type CycleResult } from '../../workflows/contracts';
import { partyStatusQuery, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

let smtp: SmtpSink;
let env: TestWorker;

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url });
});

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

function cycleDefinition(id: string, inputSeconds: number, signOffSeconds: number) {
  const at = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const party = (municipality: string, domain: string) => ({
    municipality,
    participants: [
      { name: `Yhteyshenkilö ${municipality}`, email: `contact@${domain}`, role: 'contact' },
      { name: `Kunnanhallitus ${municipality}`, email: `signatory@${domain}`, role: 'signatory' },
    ],
  });
  return toCycleInput({
    id,
    kind: 'term',
    county: '08',
    title: 'Pirkanmaan valtuustokausineuvottelu',
    period: '2025-2029',
    secretariat: { name: 'Sihteeristö', email: 'sihteeristo@pirha.example.fi' },
    deadlines: { input: at(inputSeconds), signOff: at(signOffSeconds) },
    parties: [party('837', 'tampere.example.fi'), party('536', 'nokia.example.fi'), party('211', 'kangasala.example.fi')],
  });
}

async function waitForTask(cycleId: string, partyCode: string, kind: 'input' | 'signoff'): Promise<string> {
  const handle = env.client.workflow.getHandle(partyWorkflowId(cycleId, partyCode));
  for (let i = 0; i < 100; i++) {
    try {
      const task = (await handle.query(partyStatusQuery)).tasks.find((t) => t.kind === kind && t.status === 'open');
      if (task) return task.taskId;
    } catch {
      // the child may not have started yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no open ${kind} task for ${partyCode}`);
}

async function updateFailure(run: () => Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }
  throw new Error('the update was accepted');
}

describe('negotiation cycle', () => {
  let input: CycleInput;
  let result: CycleResult;
  const cycleId = `it-${Date.now()}`;

  beforeAll(async () => {
    input = cycleDefinition(cycleId, 8, 16);
    await startCycle(env.client, input, env.taskQueue);
    const party = (code: string) => env.client.workflow.getHandle(partyWorkflowId(cycleId, code));

    const tampereInput = await waitForTask(cycleId, '837', 'input');
    await party('837').executeUpdate(submitAnswerUpdate, {
      args: [{ taskId: tampereInput, participantEmail: 'contact@tampere.example.fi', text: 'Tavoitteemme: yhteinen hyte-työryhmä.' }],
    });
    const nokiaInput = await waitForTask(cycleId, '536', 'input');
    // Any participant of the party may answer its input task.
    await party('536').executeUpdate(submitAnswerUpdate, {
      args: [{ taskId: nokiaInput, participantEmail: 'SIGNATORY@nokia.example.fi', text: 'Ei lisättävää.' }],
    });

    const tampereSignOff = await waitForTask(cycleId, '837', 'signoff');
    await party('837').executeUpdate(signOffUpdate, {
      args: [{ taskId: tampereSignOff, participantEmail: 'signatory@tampere.example.fi', decision: 'approved', decisionReference: 'Kaupunginhallitus 12.1.2027 § 45' }],
    });
    const nokiaSignOff = await waitForTask(cycleId, '536', 'signoff');
    await party('536').executeUpdate(signOffUpdate, {
      args: [{ taskId: nokiaSignOff, participantEmail: 'signatory@nokia.example.fi', decision: 'rejected', reason: 'Työnjako on kesken.' }],
    });

    result = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
  }, 60_000);

  it('ends agreed by some, with every party position', () => {
    expect(result).toEqual({
      outcome: 'agreed_by_some',
      positions: [
        { partyCode: '837', position: 'approved' },
        { partyCode: '536', position: 'rejected' },
        { partyCode: '211', position: 'no_response' },
      ],
    });
  });

  it('writes the cycle, tasks, answers and sign-offs to Postgres', async () => {
    const cycle = await env.db.selectFrom('cycles').selectAll().where('id', '=', cycleId).executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({ status: 'completed', outcome: 'agreed_by_some', kind: 'term', county_code: '08', workflow_id: cycleWorkflowId(cycleId) });
    expect(cycle.completed_at).toBeInstanceOf(Date);

    const parties = await env.db.selectFrom('parties').select(['code', 'position', 'name']).where('cycle_id', '=', cycleId).orderBy('code').execute();
    expect(parties).toEqual([
      { code: '211', position: 'no_response', name: 'Kangasala' },
      { code: '536', position: 'rejected', name: 'Nokia' },
      { code: '837', position: 'approved', name: 'Tampere' },
    ]);

    const tasks = await env.db.selectFrom('tasks').select(['id', 'status']).where('cycle_id', '=', cycleId).orderBy('id').execute();
    expect(tasks).toEqual([
      { id: `${cycleId}/211/input`, status: 'no_response' },
      { id: `${cycleId}/211/signoff`, status: 'no_response' },
      { id: `${cycleId}/536/input`, status: 'answered' },
      { id: `${cycleId}/536/signoff`, status: 'answered' },
      { id: `${cycleId}/837/input`, status: 'answered' },
      { id: `${cycleId}/837/signoff`, status: 'answered' },
    ]);

    const responses = await env.db
      .selectFrom('responses')
      .innerJoin('participants', 'participants.id', 'responses.participant_id')
      .select(['responses.task_id', 'participants.email', 'responses.body', 'responses.late'])
      .where('participants.cycle_id', '=', cycleId)
      .orderBy('responses.task_id')
      .execute();
    expect(responses).toEqual([
      { task_id: `${cycleId}/536/input`, email: 'signatory@nokia.example.fi', body: 'Ei lisättävää.', late: false },
      { task_id: `${cycleId}/837/input`, email: 'contact@tampere.example.fi', body: 'Tavoitteemme: yhteinen hyte-työryhmä.', late: false },
    ]);

    const signoffs = await env.db
      .selectFrom('signoffs')
      .select(['task_id', 'decision', 'decision_reference', 'reason'])
      .where('task_id', 'like', `${cycleId}/%`)
      .orderBy('task_id')
      .execute();
    expect(signoffs).toEqual([
      { task_id: `${cycleId}/536/signoff`, decision: 'rejected', decision_reference: null, reason: 'Työnjako on kesken.' },
      { task_id: `${cycleId}/837/signoff`, decision: 'approved', decision_reference: 'Kaupunginhallitus 12.1.2027 § 45', reason: null },
    ]);

    const actions = await env.db.selectFrom('audit_events').select('action').where('cycle_id', '=', cycleId).orderBy('id').execute();
    const count = (action: string) => actions.filter((a) => a.action === action).length;
    expect([count('cycle.started'), count('task.opened'), count('task.answered'), count('task.closed')]).toEqual([1, 6, 2, 6]);
    expect([count('signoff.approved'), count('signoff.rejected'), count('cycle.completed')]).toEqual([1, 1, 1]);
    expect(actions.at(-1)?.action).toBe('cycle.completed');
  });

  it("emails each task to the party's contact or signatory, naming the task", async () => {
    const mine = (m: { subject?: string }) => Boolean(m.subject?.includes(cycleId));
    const messages = await smtp.waitForMessages(6, mine);
    const sent = messages.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''} ${m.subject?.match(/\[(.*)\]/)?.[1]}`).sort();
    expect(sent).toEqual([
      `contact@kangasala.example.fi ${cycleId}/211/input`,
      `contact@nokia.example.fi ${cycleId}/536/input`,
      `contact@tampere.example.fi ${cycleId}/837/input`,
      `signatory@kangasala.example.fi ${cycleId}/211/signoff`,
      `signatory@nokia.example.fi ${cycleId}/536/signoff`,
      `signatory@tampere.example.fi ${cycleId}/837/signoff`,
    ]);
    const tampere = messages.find((m) => m.subject?.includes('837/input'))!;
    expect(tampere.subject).toContain('Lähtötiedot neuvotteluun');
    expect(tampere.text).toContain(`http://sopu.test/tasks/${encodeURIComponent(`${cycleId}/837/input`)}`);
    expect(tampere.replyTo?.text).toBe('sihteeristo@pirha.example.fi');

    const outbox = await env.db.selectFrom('emails').select(['status', 'attempts']).where('cycle_id', '=', cycleId).execute();
    expect(outbox).toHaveLength(6);
    expect(outbox.every((e) => e.status === 'sent' && e.attempts === 1)).toBe(true);
  });

  it('round-trips a history through JSON and replays it with the current bundle', async () => {
    for (const workflowId of [cycleWorkflowId(cycleId), partyWorkflowId(cycleId, '837')]) {
      const json = historyToJSON(await env.client.workflow.getHandle(workflowId).fetchHistory());
      const history = historyFromJSON(JSON.parse(json));
      expect(history.events?.length).toBeGreaterThan(10);
      await Worker.runReplayHistory({ workflowBundle: env.bundle }, history, workflowId);
      if (process.env.RECORD_HISTORIES) {
        const dir = path.join(__dirname, '..', 'histories');
        mkdirSync(dir, { recursive: true });
        const kind = workflowId.includes('/party/') ? 'party' : 'cycle';
        writeFileSync(path.join(dir, `${kind}-${process.env.RECORD_HISTORIES}.json`), json);
      }
    }
  });
});

describe('update validators', () => {
  const cycleId = `it-validators-${Date.now()}`;
  let taskId: string;
  const party = () => env.client.workflow.getHandle(partyWorkflowId(cycleId, '837'));

  beforeAll(async () => {
    await startCycle(env.client, cycleDefinition(cycleId, 120, 240), env.taskQueue);
    taskId = await waitForTask(cycleId, '837', 'input');
  });

  afterAll(async () => {
    await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).terminate('test finished');
  });

  it('rejects someone who is not a participant of the party, an oversized answer and a closed task; nothing reaches history or Postgres', async () => {
    const stranger = await updateFailure(() =>
      party().executeUpdate(submitAnswerUpdate, { args: [{ taskId, participantEmail: 'contact@nokia.example.fi', text: 'hei' }] }),
    );
    expect(stranger.type).toBe(ErrorType.notParticipant);

    const oversized = await updateFailure(() =>
      party().executeUpdate(submitAnswerUpdate, { args: [{ taskId, participantEmail: 'contact@tampere.example.fi', text: 'x'.repeat(MAX_ANSWER_LENGTH + 1) }] }),
    );
    expect(oversized.type).toBe(ErrorType.invalidRequest);
    expect(oversized.message).toContain('longer than');

    const signOffTooEarly = await updateFailure(() =>
      party().executeUpdate(signOffUpdate, { args: [{ taskId, participantEmail: 'signatory@tampere.example.fi', decision: 'approved', decisionReference: 'KH § 1' }] }),
    );
    expect(signOffTooEarly.type).toBe(ErrorType.unknownTask);

    await party().executeUpdate(submitAnswerUpdate, { args: [{ taskId, participantEmail: 'contact@tampere.example.fi', text: 'Vastaus' }] });
    const closed = await updateFailure(() =>
      party().executeUpdate(submitAnswerUpdate, { args: [{ taskId, participantEmail: 'contact@tampere.example.fi', text: 'Toinen vastaus' }] }),
    );
    expect(closed.type).toBe(ErrorType.taskNotOpen);

    const history = await party().fetchHistory();
    const accepted = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
    expect(accepted).toHaveLength(1);
    const rows = await env.db.selectFrom('responses').select('body').where('task_id', '=', taskId).execute();
    expect(rows).toEqual([{ body: 'Vastaus' }]);
  });
});

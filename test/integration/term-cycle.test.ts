// A full §14 term cycle for Pirkanmaa (the county and 23 municipalities) on the dev server, with real PostgreSQL
// and a real SMTP server, on an accelerated clock (a nominal day lasts one second). Two consultation rounds, one
// party late, one never answering, one participant replaced, one deadline extended, a meeting with minutes, a
// sign-off recorded on behalf and one rejection: the outcome is "agreed by some".
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { shippedReference } from '../support/reference';
import { control, cycleStatus, partyAction, startCycle } from '../../client/cycles';
import {
  closePhaseUpdate,
  extendDeadlineUpdate,
  publishDraftUpdate,
  recordMinutesUpdate,
  recordOnBehalfUpdate,
  replaceParticipantUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import {
  cycleWorkflowId,
  partyWorkflowId,
  type CycleInput,
  type CycleResult,
  type CycleStatus,
  type Receipt,
} from '../../core/contracts';
import { allHaveTask, waitForCycle } from '../support/cycle-driver';
import { waitFor } from '../../worker/dev/processes';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, TEST_AUDIT_SIGNER, type TestWorker } from '../support/test-worker';
import { exportCycle } from '../../client/audit/export';
import { formatAnswers, groupAnswers, marks } from '../../client/answers';
import { cycleAnswers } from '../../db/answers';
import { verifyAudit, verifyExport } from '../../client/audit/verify';
import { fingerprintOf } from '../../db/ledger';
import { storedDraft } from '../support/drafts';

const DAY_SECONDS = 1;
const LATE = '250'; // Kihniö answers the preparation after its deadline
const SILENT = '291'; // Kuhmoinen never answers
const EXTENDED = '702'; // Ruovesi gets two more working days in round 1
const REPLACED = '837'; // Tampere's contact person changes
const REJECTS = '536'; // Nokia rejects at sign-off
const ON_BEHALF = '887'; // Urjala's approval arrives by post and is recorded by the secretariat
const SECRETARIAT = 'neuvottelut@pirha.example.fi';
const NEW_CONTACT = 'uusi.yhteyshenkilo@tampere.example.fi';

let smtp: SmtpSink;
let env: TestWorker;
const cycleId = `pirkanmaa-it-${Date.now()}`;
let input: CycleInput;
let result: CycleResult;
let lateReceipt: Receipt;
let extendedAnswer: Receipt;
let statusBeforeExtendedAnswer: CycleStatus;
let unknownPartyMinutes: string | null;
/** What verifying the export of the cycle said while it was running (round 1 open). */
let runningExport: { problems: string[]; open: string | null };
const REFUSED_MINUTES = `refused-minutes-${cycleId}`;
const drafts = [
  '# Yhteistyösopimus, luonnos 1\n\nYhteistyön rakenteet…',
  '# Yhteistyösopimus, luonnos 2\n\nTarkennettu työnjako…',
];

const person = (code: string, role: 'contact' | 'signatory') =>
  input.parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;
const codes = () => input.parties.map((p) => p.code);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function answerAll(
  status: CycleStatus,
  phaseKey: string,
  skip: string[],
  text: (code: string) => { text?: string; noComments?: boolean },
) {
  await Promise.all(
    codes()
      .filter((code) => !skip.includes(code))
      .map((code) => {
        const taskId = status.parties.find((p) => p.code === code)!.tasks[phaseKey]!.taskId;
        const email = code === REPLACED && phaseKey !== 'preparation' ? NEW_CONTACT : person(code, 'contact');
        return partyAction(env.client, cycleId, code, submitAnswerUpdate, {
          taskId,
          participantEmail: email,
          ...text(code),
        });
      }),
  );
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: DAY_SECONDS });
  const definition = YAML.parse(readFileSync('examples/pirkanmaa-term.yaml', 'utf8'));
  const valid = toCycleInput(
    {
      ...definition,
      id: cycleId,
      schedule: { preparationDays: 5, roundDays: 3, signOffDays: 3, lateDays: 10, reminderDays: [2, 1] },
    },
    new Date(),
    shippedReference(),
  );
  input = valid.input;
  const { client } = env;
  const by = SECRETARIAT;
  const { runId } = await startCycle(client, valid, env.taskQueue);
  const epoch = (await client.workflow.getHandle(cycleWorkflowId(cycleId), runId).describe()).startTime.getTime();
  const nominalNow = () => epoch + (Date.now() - epoch) * (86_400 / DAY_SECONDS);

  // Preparation: everyone but the late and the silent party answers at once.
  let status = await waitForCycle(client, cycleId, allHaveTask('preparation'), 'preparation tasks');
  await answerAll(status, 'preparation', [LATE, SILENT], (code) => ({ text: `Tavoitteet ja vastinparit: ${code}` }));
  await control(client, cycleId, replaceParticipantUpdate, {
    by,
    partyCode: REPLACED,
    oldEmail: person(REPLACED, 'contact'),
    participant: { name: 'Uusi Yhteyshenkilö', email: NEW_CONTACT, role: 'contact' },
    reason: 'Vastuuhenkilö vaihtui',
  });
  status = await waitForCycle(
    client,
    cycleId,
    (s) => s.parties.find((p) => p.code === LATE)!.tasks.preparation!.status === 'overdue',
    'the late party overdue',
  );
  lateReceipt = await partyAction(client, cycleId, LATE, submitAnswerUpdate, {
    taskId: status.parties.find((p) => p.code === LATE)!.tasks.preparation!.taskId,
    participantEmail: person(LATE, 'contact'),
    text: 'Myöhässä, mutta tässä.',
  });

  // Round 1: one party gets more time; it answers after the others' deadline has passed.
  await control(client, cycleId, publishDraftUpdate, {
    by,
    confirm: true,
    title: 'Luonnos 1',
    file: await storedDraft(env.db, drafts[0]!),
  });
  status = await waitForCycle(client, cycleId, allHaveTask('round-1'), 'round 1 tasks');
  // An auditor may export a running cycle: it verifies as far as it goes, and says what is still open.
  const runningDir = mkdtempSync(path.join(tmpdir(), 'sopu-running-export-'));
  await exportCycle(env.db, cycleId, runningDir);
  const running = await verifyAudit(runningDir, {
    trusted: { keys: [TEST_AUDIT_SIGNER.publicKeyPem], fingerprints: [] },
  });
  runningExport = { problems: running.problems, open: running.stillOpen };
  rmSync(runningDir, { recursive: true, force: true });
  await control(client, cycleId, extendDeadlineUpdate, {
    by,
    partyCode: EXTENDED,
    workingDays: 2,
    reason: 'Kunnanhallitus kokoontuu vasta ensi viikolla',
  });
  await answerAll(status, 'round-1', [SILENT, EXTENDED], (code) =>
    code === REPLACED || code === REJECTS ? { noComments: true } : { text: `Kommentit luonnokseen 1: ${code}` },
  );
  statusBeforeExtendedAnswer = await waitForCycle(
    client,
    cycleId,
    (s) => s.parties.find((p) => p.code === SILENT)!.tasks['round-1']!.status === 'overdue',
    'round 1 overdue',
  );
  extendedAnswer = await partyAction(client, cycleId, EXTENDED, submitAnswerUpdate, {
    taskId: status.parties.find((p) => p.code === EXTENDED)!.tasks['round-1']!.taskId,
    participantEmail: person(EXTENDED, 'contact'),
    text: 'Ajoissa jatketun määräajan puitteissa.',
  });
  await control(client, cycleId, closePhaseUpdate, { by, confirm: true });

  // Round 2, then the meeting (scheduling it closes the round).
  await control(client, cycleId, publishDraftUpdate, {
    by,
    confirm: true,
    title: 'Luonnos 2',
    file: await storedDraft(env.db, drafts[1]!),
  });
  status = await waitForCycle(client, cycleId, allHaveTask('round-2'), 'round 2 tasks');
  await answerAll(status, 'round-2', [SILENT], (code) => ({ text: `Kommentit luonnokseen 2: ${code}` }));
  const meetingAt = nominalNow() + 4 * 86_400_000;
  await control(client, cycleId, scheduleMeetingUpdate, {
    by,
    confirm: true,
    startsAt: new Date(meetingAt).toISOString(),
    location: 'Tampere-talo',
    link: 'https://meet.example.fi/pirkanmaa',
  });
  status = await waitForCycle(client, cycleId, allHaveTask('meeting'), 'meeting registration tasks');
  for (const code of ['08', REPLACED, REJECTS]) {
    await partyAction(client, cycleId, code, registerAttendeesUpdate, {
      taskId: status.parties.find((p) => p.code === code)!.tasks.meeting!.taskId,
      participantEmail: code === REPLACED ? NEW_CONTACT : person(code, 'contact'),
      attendees: [
        { name: `Edustaja ${code}`, role: 'johtaja', organisation: status.parties.find((p) => p.code === code)!.name },
      ],
    });
  }
  // Minutes are taken once the meeting has started (4 nominal days: seconds on this clock).
  await waitFor(async () => void expect(nominalNow()).toBeGreaterThan(meetingAt + 60_000), {
    timeoutMs: 30_000,
    what: 'the meeting to start',
  });
  // Minutes naming a party that is not in the cycle are refused before anything is written.
  unknownPartyMinutes = await control(
    client,
    cycleId,
    recordMinutesUpdate,
    {
      by,
      attendees: [{ partyCode: '999', name: 'Vieras', role: 'x', organisation: 'y' }],
      items: [{ number: 1, title: 'T', conclusion: 'C' }],
    },
    { updateId: REFUSED_MINUTES },
  ).then(
    () => null,
    (err: Error) => err.message,
  );
  await control(client, cycleId, recordMinutesUpdate, {
    by,
    attendees: [
      {
        partyCode: '08',
        name: 'Edustaja 08',
        role: 'hyvinvointialuejohtaja',
        organisation: 'Pirkanmaan hyvinvointialue',
      },
    ],
    items: [
      { number: 1, title: 'Yhteistyö', conclusion: 'Yhteistyörakenteet sovittiin.' },
      { number: 2, title: 'Työnjako', conclusion: 'Työnjako kirjattiin liitteeseen.' },
    ],
  });

  // Sign-off of the second draft: one rejection, one on behalf, one silence; the secretariat closes it.
  const signOff = await control(client, cycleId, startSignOffUpdate, { by, confirm: true });
  status = await waitForCycle(client, cycleId, allHaveTask('signoff'), 'sign-off tasks');
  await Promise.all(
    codes()
      .filter((code) => ![SILENT, ON_BEHALF].includes(code))
      .map((code) =>
        partyAction(client, cycleId, code, signOffUpdate, {
          taskId: status.parties.find((p) => p.code === code)!.tasks.signoff!.taskId,
          participantEmail: person(code, 'signatory'),
          documentSha256: signOff.document!.sha256,
          ...(code === REJECTS
            ? { decision: 'rejected' as const, reason: 'Työnjako ei vastaa valtuuston linjausta.' }
            : { decision: 'approved' as const, decisionReference: `Kunnanhallitus 2.2.2027 § ${code}` }),
        }),
      ),
  );
  await control(client, cycleId, recordOnBehalfUpdate, {
    by,
    partyCode: ON_BEHALF,
    reason: 'Päätös saapui postitse',
    signOff: { decision: 'approved', decisionReference: 'Kunnanhallitus 3.2.2027 § 21' },
  });
  await waitForCycle(
    client,
    cycleId,
    (s) => s.parties.find((p) => p.code === ON_BEHALF)!.tasks.signoff!.decision === 'approved',
    'the on-behalf sign-off',
  );
  await control(client, cycleId, closePhaseUpdate, { by, confirm: true });
  result = await client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
}, 240_000);

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

describe('a Pirkanmaa term cycle', () => {
  it('ends agreed by some, with every party position', () => {
    expect(result.outcome).toBe('agreed_by_some');
    expect(result.cancelled).toBe(false);
    const positions = Object.fromEntries(result.positions.map((p) => [p.partyCode, p.position]));
    expect(positions[REJECTS]).toBe('rejected');
    expect(positions[SILENT]).toBe('no_response');
    expect(Object.values(positions).filter((p) => p === 'approved')).toHaveLength(22);
  });

  it('took the late answer as late, and the extended party in time', () => {
    expect(lateReceipt.late).toBe(true);
    expect(extendedAnswer.late).toBe(false);
    const before = statusBeforeExtendedAnswer.parties.find((p) => p.code === EXTENDED)!.tasks['round-1']!;
    expect(before.status).toBe('open');
  });

  it('records the cycle, parties and every task with each status change', async () => {
    const cycle = await env.db.selectFrom('cycles').selectAll().where('id', '=', cycleId).executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({
      status: 'completed',
      phase: 'completed',
      outcome: 'agreed_by_some',
      kind: 'term',
      period: '2025-2029',
    });

    const parties = await env.db
      .selectFrom('parties')
      .select(['code', 'position'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(parties).toHaveLength(24);
    expect(parties.filter((p) => p.position === 'approved')).toHaveLength(22);

    const tasks = await env.db
      .selectFrom('tasks')
      .select(['party_code', 'phase_key', 'status', 'closed_at'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(tasks).toHaveLength(24 * 5);
    expect(tasks.every((t) => t.closed_at !== null)).toBe(true);
    expect(tasks.filter((t) => t.party_code === SILENT).map((t) => t.status)).toEqual(Array(5).fill('no_response'));
    const registrations = tasks
      .filter((t) => t.phase_key === 'meeting' && t.status === 'answered')
      .map((t) => t.party_code)
      .sort();
    expect(registrations).toEqual(['08', REJECTS, REPLACED].sort());

    const changes = await env.db
      .selectFrom('task_status_changes')
      .select('status')
      .where('task_id', '=', `${cycleId}/${LATE}/preparation`)
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.status)).toEqual(['open', 'overdue', 'answered']);
  });

  it('records answers with lateness, "no comments" and the replaced contact', async () => {
    const responses = await env.db
      .selectFrom('responses')
      .innerJoin('tasks', 'tasks.id', 'responses.task_id')
      .innerJoin('participants', 'participants.id', 'responses.participant_id')
      .select(['tasks.party_code', 'tasks.phase_key', 'responses.kind', 'responses.late', 'participants.email'])
      .where('tasks.cycle_id', '=', cycleId)
      .execute();
    expect(responses.filter((r) => r.phase_key === 'preparation')).toHaveLength(23);
    expect(responses.filter((r) => r.late).map((r) => `${r.party_code} ${r.phase_key}`)).toEqual([
      `${LATE} preparation`,
    ]);
    expect(
      responses
        .filter((r) => r.kind === 'no_comments')
        .map((r) => `${r.party_code} ${r.email}`)
        .sort(),
    ).toEqual([`${REJECTS} ${person(REJECTS, 'contact')}`, `${REPLACED} ${NEW_CONTACT}`].sort());

    const participants = await env.db
      .selectFrom('participants')
      .select(['email', 'active', 'replaced_by'])
      .where('cycle_id', '=', cycleId)
      .where('party_code', '=', REPLACED)
      .execute();
    expect(participants).toEqual(
      expect.arrayContaining([
        { email: person(REPLACED, 'contact'), active: false, replaced_by: NEW_CONTACT },
        { email: NEW_CONTACT, active: true, replaced_by: null },
      ]),
    );
  });

  it('stores both drafts with their SHA-256 and the sign-offs against the final one', async () => {
    const documents = await env.db
      .selectFrom('documents')
      .select(['version', 'sha256', 'is_final'])
      .where('cycle_id', '=', cycleId)
      .orderBy('version')
      .execute();
    expect(documents).toEqual([
      { version: 1, sha256: sha256(drafts[0]!), is_final: false },
      { version: 2, sha256: sha256(drafts[1]!), is_final: true },
    ]);
    const signoffs = await env.db
      .selectFrom('signoffs')
      .innerJoin('tasks', 'tasks.id', 'signoffs.task_id')
      .select([
        'tasks.party_code',
        'signoffs.decision',
        'signoffs.reason',
        'signoffs.decision_reference',
        'signoffs.document_sha256',
        'signoffs.on_behalf_by',
        'signoffs.on_behalf_reason',
      ])
      .where('tasks.cycle_id', '=', cycleId)
      .execute();
    expect(signoffs).toHaveLength(23);
    expect(signoffs.every((s) => s.document_sha256 === sha256(drafts[1]!))).toBe(true);
    expect(signoffs.find((s) => s.party_code === REJECTS)).toMatchObject({
      decision: 'rejected',
      reason: 'Työnjako ei vastaa valtuuston linjausta.',
    });
    expect(signoffs.find((s) => s.party_code === ON_BEHALF)).toMatchObject({
      decision: 'approved',
      decision_reference: 'Kunnanhallitus 3.2.2027 § 21',
      on_behalf_by: SECRETARIAT,
      on_behalf_reason: 'Päätös saapui postitse',
    });
  });

  it('gives the secretariat every answer and decision, per phase, newest first, with marks', async () => {
    const phases = groupAnswers(await cycleAnswers(env.db, cycleId));
    expect(phases.map((p) => p.phaseKey)).toEqual(['preparation', 'round-1', 'round-2', 'signoff']);
    const [preparation] = phases;
    expect(preparation!.parties.map((p) => p.partyCode)).not.toContain(SILENT);
    expect(marks(preparation!.parties.find((p) => p.partyCode === LATE)!.versions[0]!)).toContain('late');
    const signOff = phases.at(-1)!.parties;
    expect(signOff.find((p) => p.partyCode === REJECTS)!.versions[0]!.kind).toBe('rejected');
    expect(signOff.find((p) => p.partyCode === ON_BEHALF)!.versions[0]!.onBehalfBy).toBe(SECRETARIAT);
    expect(formatAnswers(await cycleAnswers(env.db, cycleId, 'round-1'), 'csv')).toContain('Kommentit luonnokseen 1');
  });

  it('stores the plan: every deadline and reminder, and the extension for one party', async () => {
    const plans = await env.db
      .selectFrom('deadlines')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .orderBy('planned_at')
      .execute();
    expect(plans.map((p) => `${p.phase_key}/${p.scope}/v${p.version}`)).toEqual([
      'preparation/*/v1',
      'round-1/*/v1',
      `round-1/${EXTENDED}/v2`,
      'round-2/*/v1',
      'meeting/*/v1',
      'signoff/*/v1',
    ]);
    const preparation = plans[0]!;
    expect((preparation.reminders as { workingDaysBefore: number }[]).map((r) => r.workingDaysBefore)).toEqual([2, 1]);
    const [round1, extended] = [plans[1]!, plans[2]!];
    expect(extended.nominal_due_at.getTime()).toBeGreaterThan(round1.nominal_due_at.getTime() + 2 * 86_400_000 - 1);
    const task = await env.db
      .selectFrom('tasks')
      .select(['deadline_version', 'nominal_deadline'])
      .where('id', '=', `${cycleId}/${EXTENDED}/round-1`)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ deadline_version: 2, nominal_deadline: extended.nominal_due_at });
  });

  it('refused minutes naming an unknown party, with nothing written', async () => {
    expect(unknownPartyMinutes).toBe('party 999 is not a party of this cycle');
    const traces = await env.db
      .selectFrom('audit_events')
      .select('action')
      .where('cycle_id', '=', cycleId)
      .where(sql<boolean>`canonical like ${`%${REFUSED_MINUTES}%`}`)
      .execute();
    expect(traces).toEqual([]);
    const history = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).fetchHistory();
    const accepted = history.events!.filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === REFUSED_MINUTES,
    );
    expect(accepted).toEqual([]);
  });

  it('stores the meeting, the registrations and the minutes', async () => {
    expect(
      await env.db.selectFrom('meetings').select(['version', 'location']).where('cycle_id', '=', cycleId).execute(),
    ).toEqual([{ version: 1, location: 'Tampere-talo' }]);
    const attendees = await env.db
      .selectFrom('meeting_attendees')
      .select(['party_code', 'source'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(attendees.filter((a) => a.source === 'registration')).toHaveLength(3);
    expect(attendees.filter((a) => a.source === 'minutes')).toEqual([{ party_code: '08', source: 'minutes' }]);
    const minutes = await env.db
      .selectFrom('minutes')
      .select('items')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow();
    expect((minutes.items as { number: number }[]).map((i) => i.number)).toEqual([1, 2]);
  });

  it('writes an audit event for every kind of state change', async () => {
    const actions = new Set(
      (await env.db.selectFrom('audit_events').select('action').where('cycle_id', '=', cycleId).execute()).map(
        (a) => a.action,
      ),
    );
    for (const action of [
      'cycle.started',
      'cycle.phase',
      'task.open',
      'task.overdue',
      'task.answered',
      'task.no_response',
      'task.answer',
      'task.no_comments',
      'document.published',
      'document.final',
      'phase.deadline_extended',
      'task.deadline_extended',
      'cycle.participant_replaced',
      'party.participant_replaced',
      'meeting.scheduled',
      'meeting.registration',
      'meeting.minutes',
      'signoff.approved',
      'signoff.rejected',
      'on_behalf.recorded',
      'phase.closed',
      'cycle.completed',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it("ties every control's events to its Update: the id everywhere, and the request's SHA-256 where it acted", async () => {
    const events = await env.db
      .selectFrom('audit_events')
      .select(['seq', 'action', 'payload'])
      .where('cycle_id', '=', cycleId)
      .execute();
    const payload = (e: (typeof events)[number]) => e.payload as { updateId?: string; requestSha256?: string | null };
    const controlEffects = [
      'phase.deadline_extended',
      'cycle.participant_replaced',
      'on_behalf.recorded',
      'phase.closed',
    ];
    for (const e of events.filter((e) => e.action.startsWith('control.') || controlEffects.includes(e.action)))
      expect([e.action, payload(e).requestSha256], `seq ${e.seq}`).toEqual([
        e.action,
        expect.stringMatching(/^[0-9a-f]{64}$/),
      ]);
    const fromControls = ['document.published', 'document.final', 'meeting.scheduled', 'meeting.minutes'];
    for (const e of events.filter((e) => fromControls.includes(e.action)))
      expect([e.action, payload(e).updateId], `seq ${e.seq}`).toEqual([e.action, expect.any(String)]);
  });

  it('emails tasks, reminders, overdue notices and escalations, the replacement and the outcome', async () => {
    const mine = smtp.messages.filter((m) => sopuHeader(m, 'cycle') === cycleId);
    // The minutes reach every party, with their items.
    for (const code of codes()) {
      const contact = code === REPLACED ? NEW_CONTACT : person(code, 'contact');
      const minutes = mine.filter((m) => recipient(m) === contact && sopuHeader(m, 'kind') === 'minutes');
      expect(
        minutes.map((m) => m.text?.includes('§ 1 Yhteistyö: Yhteistyörakenteet sovittiin.')),
        code,
      ).toEqual([true]);
    }
    // Every task mail names the agenda of the cycle file, in the recipient's language.
    const assigned = mine.find((m) => sopuHeader(m, 'kind') === 'task-assigned' && m.text?.includes('Asialista'));
    expect(assigned?.text).toContain('Asialista: Yhteistyö; Tavoitteet; Työnjako; Yhteistyörakenteet; Tiedonkulku');
    const kinds = (email: string) => mine.filter((m) => recipient(m) === email).map((m) => sopuHeader(m, 'kind'));
    expect(kinds(person(SILENT, 'contact'))).toEqual(
      expect.arrayContaining(['task-assigned', 'reminder', 'overdue-escalation', 'round-closed', 'cycle-completed']),
    );
    // A party that did not register for the meeting is not told by mail that it missed it.
    expect(
      mine.filter((m) => sopuHeader(m, 'kind')?.startsWith('overdue') && sopuHeader(m, 'task')?.endsWith('/meeting')),
    ).toEqual([]);
    // One mail per person per missed deadline: the contact's escalation replaces the overdue notice.
    expect(kinds(person(SILENT, 'contact'))).not.toContain('overdue');
    expect(kinds(SECRETARIAT)).toEqual(expect.arrayContaining(['overdue-escalation', 'cycle-completed']));
    expect(kinds(NEW_CONTACT)).toEqual(expect.arrayContaining(['participant-replaced', 'task-assigned']));
    expect(kinds(person(EXTENDED, 'contact'))).toContain('deadline-extended');
    // Every message in the outbox was sent, and the SMTP server received each exactly once.
    const outbox = await env.db
      .selectFrom('emails')
      .select(['status', 'message_id'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(outbox.length).toBeGreaterThanOrEqual(24 * 5);
    expect(outbox.every((e) => e.status === 'sent')).toBe(true);
    const received = mine.map((m) => m.messageId).sort();
    expect(received).toEqual(outbox.map((e) => e.message_id).sort());
  });

  it('keeps every history far inside Temporal limits', async () => {
    const events = async (workflowId: string) =>
      (await env.client.workflow.getHandle(workflowId).fetchHistory()).events!.length;
    const parent = await events(cycleWorkflowId(cycleId));
    const parties = await Promise.all(codes().map((code) => events(partyWorkflowId(cycleId, code))));
    console.log(
      `history events: cycle ${parent}, largest party ${Math.max(...parties)}, Tampere ${parties[codes().indexOf(REPLACED)]}`,
    );
    expect(parent).toBeLessThan(5_000);
    expect(Math.max(...parties)).toBeLessThan(1_000);
    if (process.env.RECORD_HISTORIES) {
      const dir = path.join(__dirname, '..', 'histories');
      mkdirSync(dir, { recursive: true });
      const idsFile = path.join(dir, 'workflow-ids.json');
      const ids = JSON.parse(readFileSync(idsFile, 'utf8')) as Record<string, string>;
      for (const [name, id] of [
        ['cycle', cycleWorkflowId(cycleId)],
        ['party', partyWorkflowId(cycleId, REPLACED)],
      ] as const) {
        const file = `${name}-${process.env.RECORD_HISTORIES}.json`;
        writeFileSync(path.join(dir, file), historyToJSON(await env.client.workflow.getHandle(id).fetchHistory()));
        ids[file] = id;
      }
      writeFileSync(idsFile, `${JSON.stringify(ids, null, 2)}\n`);
    }
  });

  it(
    'exports an audit record that verifies with every check, against the county key',
    { timeout: 120_000 },
    async () => {
      await env.client.workflow.getHandle(`${cycleWorkflowId(cycleId)}/archive`).result();
      // KEEP_AUDIT_EXPORT=<dir> keeps the export, and the county's public key beside it, to time `sopu audit verify`.
      const kept = process.env.KEEP_AUDIT_EXPORT;
      const dir = kept ?? mkdtempSync(path.join(tmpdir(), 'sopu-term-export-'));
      if (kept) writeFileSync(`${kept}.pub.pem`, TEST_AUDIT_SIGNER.publicKeyPem);
      try {
        let started = Date.now();
        await exportCycle(env.db, cycleId, dir);
        const exportMs = Date.now() - started;
        started = Date.now();
        const problems = await verifyExport(dir, {
          workflowBundle: env.bundle,
          trusted: { keys: [], fingerprints: [fingerprintOf(TEST_AUDIT_SIGNER.publicKeyPem)] },
        });
        console.log(
          `audit of a 24-party term cycle: export ${exportMs} ms, verify with replay ${Date.now() - started} ms`,
        );
        expect(problems).toEqual([]);
        const last = readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8').trim().split('\n').at(-1)!;
        expect(JSON.parse(last).event.action).toBe('ledger.closed');
      } finally {
        if (!kept) rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('verifies the export of a running cycle as far as it goes, and says that its histories come at its end', () => {
    expect(runningExport).toEqual({
      problems: [],
      open: expect.stringContaining('the cycle is still running'),
    });
  });

  it('answers status queries after completion', async () => {
    const status = await cycleStatus(env.client, cycleId);
    expect(status.phase).toBe('completed');
    expect(status.documents).toHaveLength(2);
    expect(status.finalDocument?.version).toBe(2);
  });
});

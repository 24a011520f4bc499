// An annual §7 cycle for East Uusimaa with other actors (HUS, a parish union, an NGO network) on the dev server:
// languages, every validator refusal leaving no trace, and cancellation.
import { readFileSync } from 'node:fs';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { shippedReference } from '../support/reference';
import { control, partyAction, startCycle, UserError } from '../../client/cycles';
import {
  cancelCycleUpdate,
  extendDeadlineUpdate,
  publishDraftUpdate,
  recordMinutesUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import {
  cycleWorkflowId,
  MAX_ANSWER_LENGTH,
  partyWorkflowId,
  type CycleInput,
  type CycleResult,
  type CycleStatus,
} from '../../core/contracts';
import { NO_MEETING, allHaveTask, waitForCycle } from '../support/cycle-driver';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';
import { storedDraft } from '../support/drafts';

let smtp: SmtpSink;
let env: TestWorker;
let input: CycleInput;
const cycleId = `ita-uusimaa-it-${Date.now()}`;
const by = 'hyte@itauusimaa.example.fi';
const person = (code: string, role: 'contact' | 'signatory') =>
  input.parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;

/** The refusal's message, and proof that it was a refusal rather than another failure. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('it was accepted');
}

const acceptedUpdates = async (workflowId: string) =>
  (await env.client.workflow.getHandle(workflowId).fetchHistory()).events!.filter(
    (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
  ).length;

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 1 });
  const definition = YAML.parse(readFileSync('examples/east-uusimaa-annual.yaml', 'utf8'));
  const valid = toCycleInput(
    { ...definition, id: cycleId, schedule: { preparationDays: 30, roundDays: 30, signOffDays: 30, lateDays: 30 } },
    new Date(),
    shippedReference(),
  );
  input = valid.input;
  await startCycle(env.client, valid, env.taskQueue);
});

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

describe('an annual East Uusimaa cycle', () => {
  let status: CycleStatus;
  const task = (code: string, phase: string) => status.parties.find((p) => p.code === code)!.tasks[phase]!.taskId;

  it('opens a task for the county, every municipality and every other actor, each in its language', async () => {
    status = await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
    expect(status.kind).toBe('annual');
    expect(status.parties.map((p) => p.code)).toEqual([
      '01',
      '018',
      '407',
      '434',
      '504',
      '616',
      '638',
      '753',
      'hus',
      'porvoon-seurakuntayhtyma',
      'itu-jarjestot',
    ]);
    const to = (code: string) => (m: ParsedMail) =>
      recipient(m) === person(code, 'contact') && sopuHeader(m, 'cycle') === cycleId;
    const [loviisa] = await smtp.waitForMessages(1, to('434'));
    expect(loviisa!.subject).toMatch(
      // The county and the cycle by their Swedish names.
      /^Begäran: underlag för förhandlingen – Östra Nylands välfärdsområde: förhandling om främjande av hälsa och välfärd \d{4} – tidsfrist (mån|tis|ons|tors|fre) \d+\.\d+\.20\d\d kl\. 16\.00$/,
    );
    const [hus] = await smtp.waitForMessages(1, to('hus'));
    expect(hus!.subject).toMatch(
      /^Pyyntö: lähtötiedot neuvotteluun – .* – määräaika (ma|ti|ke|to|pe) \d+\.\d+\.20\d\d klo 16\.00$/,
    );
  });

  it('takes answers from other actors and replaces an answer until the phase closes', async () => {
    await partyAction(env.client, cycleId, 'hus', submitAnswerUpdate, {
      taskId: task('hus', 'preparation'),
      participantEmail: person('hus', 'contact'),
      text: 'HUS:n tavoitteet',
    });
    await partyAction(env.client, cycleId, 'hus', submitAnswerUpdate, {
      taskId: task('hus', 'preparation'),
      participantEmail: person('hus', 'contact'),
      text: 'HUS:n tavoitteet, korjattu',
    });
    const rows = await env.db
      .selectFrom('responses')
      .select('body')
      .where('task_id', '=', task('hus', 'preparation'))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['HUS:n tavoitteet', 'HUS:n tavoitteet, korjattu']);
  });

  it('refuses a stranger, an oversized answer, "no comments" to the preparation and a control in the wrong phase; none reaches history or Postgres', async () => {
    const before = {
      party: await acceptedUpdates(partyWorkflowId(cycleId, '638')),
      cycle: await acceptedUpdates(cycleWorkflowId(cycleId)),
    };
    const answer = (request: object) => () =>
      partyAction(env.client, cycleId, '638', submitAnswerUpdate, {
        taskId: task('638', 'preparation'),
        ...request,
      } as never);

    expect(await refusal(answer({ participantEmail: person('hus', 'contact'), text: 'Hei' }))).toBe(
      `${person('hus', 'contact')} is not a participant of party 638`,
    );
    expect(
      await refusal(answer({ participantEmail: person('638', 'contact'), text: 'x'.repeat(MAX_ANSWER_LENGTH + 1) })),
    ).toBe(`text: is longer than ${MAX_ANSWER_LENGTH} characters`);
    expect(await refusal(answer({ participantEmail: person('638', 'contact'), noComments: true }))).toBe(
      '"no comments" is an answer to a consultation round only',
    );
    expect(await refusal(() => control(env.client, cycleId, startSignOffUpdate, { by }))).toBe(
      'startSignOff is not possible before a draft is published',
    );
    expect(
      await refusal(() =>
        control(env.client, cycleId, recordMinutesUpdate, {
          by,
          attendees: [{ partyCode: '01', name: 'A', role: 'B', organisation: 'C' }],
          items: [{ number: 1, title: 'T', conclusion: 'C' }],
        }),
      ),
    ).toBe('recordMinutes is not possible before a meeting is scheduled');
    expect(
      await refusal(() =>
        control(env.client, cycleId, publishDraftUpdate, { by, confirm: true, title: 'Tyhjä', content: 'Tekstinä' }),
      ),
    ).toBe('content: store the draft first and send it as file (the cycle page and the CLI do)');
    expect(
      await refusal(() =>
        control(env.client, cycleId, extendDeadlineUpdate, { by, partyCode: '999', workingDays: 2, reason: 'x' }),
      ),
    ).toBe('party 999 is not a party of this cycle');

    expect(await acceptedUpdates(partyWorkflowId(cycleId, '638'))).toBe(before.party);
    expect(await acceptedUpdates(cycleWorkflowId(cycleId))).toBe(before.cycle);
    expect(
      await env.db.selectFrom('responses').select('id').where('task_id', '=', task('638', 'preparation')).execute(),
    ).toEqual([]);
    expect(await env.db.selectFrom('documents').select('version').where('cycle_id', '=', cycleId).execute()).toEqual(
      [],
    );
  });

  it('refuses an answer to a closed task, a sign-off by a non-signatory and one against another version', async () => {
    await control(env.client, cycleId, publishDraftUpdate, {
      by,
      confirm: true,
      title: 'Hyte-suunnitelma 2027',
      file: await storedDraft(env.db, 'Tavoitteet ja toimenpiteet'),
    });
    await waitForCycle(
      env.client,
      cycleId,
      (s) => s.parties.every((p) => p.tasks.preparation?.closed),
      'preparation closed',
    );
    expect(
      await refusal(() =>
        partyAction(env.client, cycleId, '638', submitAnswerUpdate, {
          taskId: task('638', 'preparation'),
          participantEmail: person('638', 'contact'),
          text: 'Myöhässä',
        }),
      ),
    ).toBe(`task ${task('638', 'preparation')} is closed`);
    const signOff = await control(env.client, cycleId, startSignOffUpdate, {
      by,
      confirm: true,
      noMeetingReason: NO_MEETING,
    });
    status = await waitForCycle(env.client, cycleId, allHaveTask('signoff'), 'sign-off tasks');
    const sign = (email: string, sha: string) => () =>
      partyAction(env.client, cycleId, '638', signOffUpdate, {
        taskId: task('638', 'signoff'),
        participantEmail: email,
        documentSha256: sha,
        decision: 'approved',
        decisionReference: 'Kaupunginhallitus § 1',
      });
    expect(await refusal(sign(person('638', 'contact'), signOff.document!.sha256))).toBe(
      `${person('638', 'contact')} is not a signatory of party 638`,
    );
    expect(await refusal(sign(person('638', 'signatory'), 'a'.repeat(64)))).toBe(
      `the final version's SHA-256 is ${signOff.document!.sha256}, not ${'a'.repeat(64)}`,
    );
    await sign(person('638', 'signatory'), signOff.document!.sha256)();
  });

  it('cancels: open tasks are cancelled, answered ones kept, everyone told in their language', async () => {
    await control(env.client, cycleId, cancelCycleUpdate, {
      by,
      confirm: true,
      reason: 'Neuvottelu siirretään ensi vuoteen',
    });
    const result: CycleResult = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
    expect(result.cancelled).toBe(true);
    expect(result.outcome).toBeNull();

    const cycle = await env.db
      .selectFrom('cycles')
      .select(['status', 'phase', 'cancel_reason'])
      .where('id', '=', cycleId)
      .executeTakeFirstOrThrow();
    expect(cycle).toEqual({
      status: 'cancelled',
      phase: 'cancelled',
      cancel_reason: 'Neuvottelu siirretään ensi vuoteen',
    });
    const signoffs = await env.db
      .selectFrom('tasks')
      .select(['party_code', 'status'])
      .where('cycle_id', '=', cycleId)
      .where('phase_key', '=', 'signoff')
      .execute();
    expect(signoffs.find((t) => t.party_code === '638')!.status).toBe('answered');
    expect(signoffs.filter((t) => t.status === 'cancelled')).toHaveLength(10);
    const told = await smtp.waitForMessages(
      1,
      (m) => recipient(m) === person('434', 'contact') && sopuHeader(m, 'kind') === 'cycle-cancelled',
    );
    expect(told[0]!.subject).toMatch(/^Förhandlingen har ställts in – /);
    expect(told[0]!.text).toContain('Neuvottelu siirretään ensi vuoteen');
  });
});

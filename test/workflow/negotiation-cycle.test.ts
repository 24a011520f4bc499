// The cycle workflow itself on the time-skipping server, with stub activities: a phase closes by itself when its
// late period ends, and the cycle completes by itself once every party has decided.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiationCycle } from '../../workflows/cycle/negotiation-cycle';
import {
  cycleStatusQuery,
  publishDraftUpdate,
  recordMinutesUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../../workflows/cycle/messages';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { signOffUpdate } from '../../workflows/party/messages';
import { cycleWorkflowId, partyWorkflowId, taskId, type CycleInput, type Notification } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import { sharedBundle } from '../support/bundle';
import { NO_MEETING } from '../support/cycle-driver';
import { stubActivities } from '../support/stub-activities';
import { timeSkippingEnvironment } from '../support/time-skipping';
import { draftRef } from '../support/drafts';

const taskQueue = 'workflow-tier';
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const notices: Notification[] = [];

beforeAll(async () => {
  env = await timeSkippingEnvironment();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: sharedBundle(),
    activities: stubActivities(notices),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

function cycle(cycleId: string): CycleInput {
  return {
    cycleId,
    kind: 'annual',
    countyCode: '01',
    title: 'Itä-Uusimaa 2027',
    period: '2027',
    secretariat: { name: 'Hyte', email: 'hyte@itauusimaa.example.fi', language: 'fi' },
    agenda: ['goals'],
    schedule: {
      preparationDays: 10,
      roundDays: 10,
      signOffDays: 10,
      lateDays: 5,
      reminderDays: [1],
      closingTime: '16:00',
    },
    parties: ['01', '018'].map((code) => ({
      code,
      kind: code === '01' ? ('county' as const) : ('municipality' as const),
      name: code === '01' ? 'Itä-Uusimaa' : 'Askola',
      language: 'fi' as const,
      participants: [
        { name: 'Yhteys', email: `contact@${code}.example.fi`, role: 'contact' as const, language: 'fi' as const },
        { name: 'Hallitus', email: `board@${code}.example.fi`, role: 'signatory' as const, language: 'fi' as const },
      ],
    })),
  };
}

describe('negotiationCycle', () => {
  it('closes the preparation by itself when its late period has ended: silent parties become "no response"', async () => {
    const handle = await env.client.workflow.start(negotiationCycle, {
      taskQueue,
      workflowId: cycleWorkflowId('ts-close'),
      args: [cycle('ts-close')],
    });
    await waitFor(
      async () => {
        if ((await handle.query(cycleStatusQuery)).openPhaseKey !== 'preparation') throw new Error('not open yet');
      },
      { timeoutMs: 20_000, what: 'the preparation phase to open' },
    );
    // 10 working days, then 5 more of late answers: a month covers both whatever the holidays.
    await env.sleep('31 days');
    const status = await handle.query(cycleStatusQuery);
    expect(status.openPhaseKey).toBeNull();
    expect(status.phase).toBe('preparation');
    expect(status.parties.map((p) => [p.code, p.tasks.preparation?.status, p.tasks.preparation?.closed])).toEqual([
      ['01', 'no_response', true],
      ['018', 'no_response', true],
    ]);
    expect(
      notices
        .filter((n) => n.kind === 'overdue-escalation' && n.task.taskId.startsWith('ts-close/'))
        .map((n) => n.recipient.email)
        .sort(),
    ).toEqual([
      'contact@01.example.fi',
      'contact@018.example.fi',
      'hyte@itauusimaa.example.fi',
      'hyte@itauusimaa.example.fi',
    ]);
    expect(notices.filter((n) => n.kind === 'overdue' && n.task.taskId.startsWith('ts-close/'))).toEqual([]);
  });

  it('completes by itself once every party has decided, before the sign-off deadline', async () => {
    const cycleId = 'ts-done';
    const handle = await env.client.workflow.start(negotiationCycle, {
      taskQueue,
      workflowId: cycleWorkflowId(cycleId),
      args: [cycle(cycleId)],
    });
    const by = 'hyte@itauusimaa.example.fi';
    const { document } = await handle.executeUpdate(publishDraftUpdate, {
      args: [{ by, confirm: true, title: 'Luonnos', file: draftRef('Sopimus') }],
    });
    await handle.executeUpdate(startSignOffUpdate, { args: [{ by, confirm: true, noMeetingReason: NO_MEETING }] });
    const decisions = { '01': 'approved', '018': 'rejected' } as const;
    for (const [code, decision] of Object.entries(decisions)) {
      const party = env.client.workflow.getHandle(partyWorkflowId(cycleId, code));
      await party.executeUpdate(signOffUpdate, {
        args: [
          {
            taskId: taskId(cycleId, code, 'signoff'),
            participantEmail: `board@${code}.example.fi`,
            decision,
            documentSha256: document!.sha256,
            ...(decision === 'approved' ? { decisionReference: 'Hallitus 1.2.2027 § 3' } : { reason: 'Ei hyväksytä' }),
          },
        ],
      });
    }
    const result = await handle.result();
    expect(result).toEqual({
      outcome: 'agreed_by_some',
      positions: [
        { partyCode: '01', position: 'approved' },
        { partyCode: '018', position: 'rejected' },
      ],
      cancelled: false,
    });
    // Completed on the last decision, not at the sign-off deadline 10 working days later.
    const { closeTime, startTime } = await handle.describe();
    expect(closeTime!.getTime() - startTime.getTime()).toBeLessThan(24 * 3600 * 1000);
  });

  it('keeps the record true: no meeting in the past or by a non-https link, no minutes before it, no sign-off without minutes or a reason, no early close without a yes; a refusal leaves nothing in history', async () => {
    const cycleId = 'ts-honest';
    const handle = await env.client.workflow.start(negotiationCycle, {
      taskQueue,
      workflowId: cycleWorkflowId(cycleId),
      args: [cycle(cycleId)],
    });
    const by = 'hyte@itauusimaa.example.fi';
    const refusal = (run: () => Promise<unknown>) =>
      run().then(
        () => 'accepted',
        (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause as Error).message : String(err)),
      );
    // The server's clock, which earlier tests moved on: the workflow's now.
    const serverNow = await env.currentTimeMs();
    const inDays = (days: number) => new Date(serverNow + days * 86_400_000).toISOString();
    await waitFor(
      async () => {
        if ((await handle.query(cycleStatusQuery)).openPhaseKey !== 'preparation') throw new Error('not open yet');
      },
      { timeoutMs: 20_000, what: 'the preparation phase to open' },
    );
    const meeting = (request: object) => () =>
      handle.executeUpdate(scheduleMeetingUpdate, { args: [{ by, location: 'Porvoo', ...request }] as never });
    expect(await refusal(meeting({ startsAt: '2020-02-10T11:00:00Z', confirm: true }))).toBe(
      'the meeting cannot be scheduled in the past (2020-02-10T11:00:00Z)',
    );
    expect(await refusal(meeting({ startsAt: inDays(30), link: 'javascript:alert(1)', confirm: true }))).toBe(
      'link: must be an https:// address',
    );
    expect(await refusal(meeting({ startsAt: inDays(30) }))).toMatch(
      /^2 of 2 parties have not answered in preparation \(01, 018\); their tasks close as no response; confirm to go on$/,
    );
    const startsAt = inDays(30);
    await meeting({ startsAt, confirm: true })();
    const minutes = () =>
      handle.executeUpdate(recordMinutesUpdate, {
        args: [
          {
            by,
            attendees: [{ partyCode: '01', name: 'A', role: 'johtaja', organisation: 'Itä-Uusimaa' }],
            items: [{ number: 1, title: 'Tavoitteet', conclusion: 'Sovittiin' }],
          },
        ],
      });
    expect(await refusal(minutes)).toBe(
      `the minutes can be recorded once the meeting has started (${new Date(startsAt).toISOString()})`,
    );
    // (Taken once the meeting has started: the term cycle test records them then.)
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    expect(accepted).toBe(1); // the meeting; none of the refusals
  });

  it('goes to sign-off without a meeting only with the reason, and only on a yes', async () => {
    const cycleId = 'ts-no-meeting';
    const handle = await env.client.workflow.start(negotiationCycle, {
      taskQueue,
      workflowId: cycleWorkflowId(cycleId),
      args: [cycle(cycleId)],
    });
    const by = 'hyte@itauusimaa.example.fi';
    await handle.executeUpdate(publishDraftUpdate, {
      args: [{ by, confirm: true, title: 'Luonnos', file: draftRef('Sopimus') }],
    });
    const signOff = (request: object) =>
      handle.executeUpdate(startSignOffUpdate, { args: [{ by, ...request }] }).then(
        () => 'accepted',
        (err: unknown) => (err as WorkflowUpdateFailedError).cause!.message,
      );
    expect(await signOff({ confirm: true })).toBe(
      'sign-off follows the minutes of the meeting; to go to sign-off without a meeting, give the reason (noMeetingReason)',
    );
    expect(await signOff({ noMeetingReason: NO_MEETING })).toMatch(
      /^starting the sign-off asks all 2 parties to decide/,
    );
    expect(await signOff({ noMeetingReason: NO_MEETING, confirm: true })).toBe('accepted');
  });
});

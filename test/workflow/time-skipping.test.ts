// The time-skipping test server starts here and skips a month of a party's task: reminders 5 and 1 working days
// before the deadline, then overdue with its notices, without waiting. Stub activities; real workflow code.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { planDeadline } from '../../core/domain/deadline-plan';
import { closeTaskSignal, finishSignal, openTaskSignal } from '../../workflows/party/messages';
import type { Notification, PartyWorkflowInput, TaskStatus } from '../../core/contracts';
import { reportsQuery } from '../fixtures/report-sink';
import { sharedBundle } from '../support/bundle';
import { timeSkippingEnvironment } from '../support/time-skipping';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await timeSkippingEnvironment();
});

afterAll(async () => {
  await env?.teardown();
});

describe('time-skipping server', () => {
  const noticeOf = (n: Notification) =>
    `${n.kind}${n.kind === 'reminder' ? `:${n.workingDaysBefore}` : ''} ${n.recipient.email}`;

  it('skips a 20-working-day deadline: two reminders, then overdue with notices to the contact and the secretariat', async () => {
    const notices: string[] = [];
    const statuses: TaskStatus[] = [];
    const stub: Partial<Activities> = {
      openTask: async () => {},
      setTaskStatus: async (_ref, status) => void statuses.push(status),
      closeTask: async () => {},
      notify: async (n: Notification) => {
        notices.push(noticeOf(n));
        return 'sent';
      },
      notifyEach: async (ns: Notification[]) => {
        notices.push(...ns.map(noticeOf));
        return [];
      },
    };
    const workflowBundle = sharedBundle();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping',
      workflowBundle,
      activities: stub,
    });

    await worker.runUntil(async () => {
      const sink = await env.client.workflow.start('reportSink', {
        taskQueue: 'time-skipping',
        workflowId: 'ts-cycle',
      });
      const input: PartyWorkflowInput = {
        cycleId: 'ts',
        cycleTitle: 'Aikahyppy',
        cycleWorkflowId: 'ts-cycle',
        secretariat: { name: 'Sihteeristö', email: 'sihteeristo@example.fi', language: 'fi' },
        party: {
          code: '837',
          kind: 'municipality',
          name: 'Tampere',
          language: 'fi',
          participants: [{ name: 'A', email: 'a@example.fi', role: 'contact', language: 'fi' }],
        },
      };
      const party = await env.client.workflow.start('partyNegotiation', {
        taskQueue: 'time-skipping',
        workflowId: 'ts-party',
        args: [input],
      });
      const openedAt = new Date(await env.currentTimeMs()).toISOString();
      const deadline = planDeadline(
        { speed: 1 },
        {
          cycleId: 'ts',
          epoch: openedAt,
          phaseKey: 'preparation',
          scope: '*',
          version: 1,
          openedAt,
          due: { workingDays: 20 },
          schedule: { lateDays: 5, reminderDays: [5, 1], closingTime: '16:00' },
        },
      );
      await party.signal(openTaskSignal, {
        taskId: 'ts/837/preparation',
        kind: 'input',
        phaseKey: 'preparation',
        deadline,
        document: null,
        meeting: null,
      });

      await env.sleep('35 days');
      expect(Date.parse(deadline.at) - Date.parse(openedAt)).toBeGreaterThan(25 * 86_400_000);
      const reports = await sink.query(reportsQuery);
      expect(reports.at(-1)).toMatchObject({ taskId: 'ts/837/preparation', status: 'overdue', closed: false });

      await party.signal(closeTaskSignal, { taskId: 'ts/837/preparation', reason: 'phase-closed' });
      await party.signal(finishSignal, { outcome: 'not_agreed', cancelReason: null });
      await party.result();
    });

    expect(statuses).toEqual(['overdue', 'no_response']);
    expect(notices.slice(0, 3)).toEqual([
      'task-assigned a@example.fi',
      'reminder:5 a@example.fi',
      'reminder:1 a@example.fi',
    ]);
    // The contact and the secretariat are told at the same time, in either order: one mail each, the escalation
    // replacing the overdue notice the contact would also have had.
    expect(notices.slice(3, 5).sort()).toEqual([
      'overdue-escalation a@example.fi',
      'overdue-escalation sihteeristo@example.fi',
    ]);
    expect(notices.slice(5)).toEqual(['cycle-completed a@example.fi']);
  });
});

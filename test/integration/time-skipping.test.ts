// The time-skipping test server starts here and skips a month: a party that never answers has its input and
// sign-off tasks closed as "no response" 30 and 60 days later, with stub activities and no waiting.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Activities } from '../../activities';
import type { PartyWorkflowInput } from '../../workflows/contracts';
import { partyNegotiation } from '../../workflows';
import { bundleWorkflows } from '../support/test-worker';

const DAY = 24 * 3600 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
});

afterAll(async () => {
  await env?.teardown();
});

describe('time-skipping server', () => {
  it('skips 30-day deadlines and closes unanswered tasks', async () => {
    const closed: string[] = [];
    const stub: Partial<Activities> = {
      openTask: async () => {},
      closeTask: async (ref, status) => void closed.push(`${ref.taskId} ${status}`),
      notifyTaskAssigned: async () => 'sent',
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping',
      workflowBundle: await bundleWorkflows(),
      activities: stub,
    });
    const start = await env.currentTimeMs();
    const input: PartyWorkflowInput = {
      cycleId: 'ts',
      cycleTitle: 'Aikahyppy',
      secretariatEmail: 'sihteeristo@example.fi',
      deadlines: { input: new Date(start + 30 * DAY).toISOString(), signOff: new Date(start + 60 * DAY).toISOString() },
      party: {
        code: '837',
        kind: 'municipality',
        name: 'Tampere',
        language: 'fi',
        participants: [{ name: 'A', email: 'a@example.fi', role: 'contact', language: 'fi' }],
      },
    };
    const result = await worker.runUntil(
      env.client.workflow.execute(partyNegotiation, { taskQueue: 'time-skipping', workflowId: 'ts-party', args: [input] }),
    );
    expect(result).toEqual({ partyCode: '837', position: 'no_response' });
    expect(closed).toEqual(['ts/837/input no_response', 'ts/837/signoff no_response']);
    expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(60 * DAY);
  });
});

// What people outside Temporal do with cycles: start one, read its state, steer it, act on a party's task.
// The CLI and the web server share these so that they phrase the same errors the same way.
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { cycleStatusQuery } from '../workflows/cycle/messages';
import { partyStatusQuery } from '../workflows/party/messages';
import {
  TASK_QUEUE,
  cycleWorkflowId,
  partyWorkflowId,
  type ControlReceipt,
  type CycleStatus,
  type PartyStatus,
  type Receipt,
} from '../workflows/contracts';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import type { ValidCycle } from '../activities/domain/cycle-definition';
import { negotiationCycle } from '../workflows/cycle/negotiation-cycle';

/** A refusal meant for the person who asked: shown as is, without a stack trace. `type` is the workflow's
 * error type (ErrorType), so a page can say it in the user's language. */
/** The `type` of a UserError about something that does not exist: pages answer it with 404. */
export const NOT_FOUND = 'NotFound';

export class UserError extends Error {
  constructor(
    message: string,
    readonly type?: string,
  ) {
    super(message);
  }
}

export async function startCycle(
  client: Client,
  { input, startsAt }: ValidCycle,
  taskQueue = TASK_QUEUE,
): Promise<{ workflowId: string; runId: string }> {
  const workflowId = cycleWorkflowId(input.cycleId);
  try {
    const handle = await client.workflow.start(negotiationCycle, {
      taskQueue,
      workflowId,
      args: [input],
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.kind, value: input.kind },
        { key: SEARCH_ATTRIBUTES.county, value: input.countyCode },
        { key: SEARCH_ATTRIBUTES.period, value: input.period },
        { key: SEARCH_ATTRIBUTES.phase, value: 'preparation' },
      ],
      ...(startsAt ? { startDelay: startsAt.getTime() - Date.now() } : {}),
    });
    return { workflowId, runId: handle.firstExecutionRunId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw new UserError(`cycle '${input.cycleId}' already exists; give the file another 'id' to start a new one`);
    }
    throw err;
  }
}

/** Turns the SDK's errors for a missing workflow or a refused Update into a plain sentence. */
async function plainly<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new UserError(`${what} not found`, NOT_FOUND);
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
      throw new UserError(err.cause.message, err.cause.type ?? undefined);
    throw err;
  }
}

export function cycleStatus(client: Client, cycleId: string): Promise<CycleStatus> {
  return plainly(`cycle '${cycleId}'`, () =>
    client.workflow.getHandle(cycleWorkflowId(cycleId)).query(cycleStatusQuery),
  );
}

export function partyStatus(client: Client, cycleId: string, partyCode: string): Promise<PartyStatus> {
  return plainly(`party ${partyCode} of cycle '${cycleId}'`, () =>
    client.workflow.getHandle(partyWorkflowId(cycleId, partyCode)).query(partyStatusQuery),
  );
}

export async function listCycles(client: Client): Promise<{ workflowId: string; status: string; startTime: Date }[]> {
  const cycles = [];
  for await (const wf of client.workflow.list({ query: `WorkflowType = '${negotiationCycle.name}'` })) {
    cycles.push({ workflowId: wf.workflowId, status: wf.status.name, startTime: wf.startTime });
  }
  return cycles;
}

/** Runs a secretariat control (an Update on the cycle workflow). The same `updateId` sent again — a double click, a
 * refreshed page, a retried command — returns the first receipt instead of acting twice. */
export function control<Req>(
  client: Client,
  cycleId: string,
  update: UpdateDefinition<ControlReceipt, [Req]>,
  request: Req,
  updateId?: string,
): Promise<ControlReceipt> {
  return plainly(`cycle '${cycleId}'`, () =>
    client.workflow.getHandle(cycleWorkflowId(cycleId)).executeUpdate(update, { args: [request], updateId }),
  );
}

/** The receipt of a control sent before, asked of Temporal by its update id. */
export function controlOutcome(client: Client, cycleId: string, updateId: string): Promise<ControlReceipt> {
  return plainly(`cycle '${cycleId}'`, () =>
    client.workflow.getHandle(cycleWorkflowId(cycleId)).getUpdateHandle<ControlReceipt>(updateId).result(),
  );
}

/** Runs a participant's action (an Update on the party workflow). */
export function partyAction<Req>(
  client: Client,
  cycleId: string,
  partyCode: string,
  update: UpdateDefinition<Receipt, [Req]>,
  request: Req,
  updateId?: string,
): Promise<Receipt> {
  return plainly(`party ${partyCode} of cycle '${cycleId}'`, () =>
    client.workflow.getHandle(partyWorkflowId(cycleId, partyCode)).executeUpdate(update, { args: [request], updateId }),
  );
}

/** The receipt of a participant's action sent before, asked of Temporal by its update id. */
export function partyActionOutcome(
  client: Client,
  cycleId: string,
  partyCode: string,
  updateId: string,
): Promise<Receipt> {
  return plainly(`party ${partyCode} of cycle '${cycleId}'`, () =>
    client.workflow.getHandle(partyWorkflowId(cycleId, partyCode)).getUpdateHandle<Receipt>(updateId).result(),
  );
}

/** The party's task that currently takes answers, or a clear refusal. */
export async function openTask(
  client: Client,
  cycleId: string,
  partyCode: string,
): Promise<PartyStatus['tasks'][number]> {
  const status = await partyStatus(client, cycleId, partyCode);
  const task = status.tasks.filter((t) => !t.closed).at(-1);
  if (!task) throw new UserError(`party ${partyCode} has no open task in cycle '${cycleId}'`);
  return task;
}

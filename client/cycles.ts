// What people outside Temporal do with cycles: start one, read its state, act on a party's task. The CLI and
// the web server share these so that they phrase the same errors the same way.
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { negotiationCycle, partyNegotiation } from '../workflows';
import { cycleStatusQuery } from '../workflows/cycle/messages';
import { partyStatusQuery, signOffUpdate, submitAnswerUpdate } from '../workflows/party/messages';
import {
  TASK_QUEUE,
  cycleWorkflowId,
  partyWorkflowId,
  type CycleInput,
  type CycleStatus,
  type PartyStatus,
  type Receipt,
  type SignOffRequest,
  type SubmitAnswerRequest,
} from '../workflows/contracts';

/** A refusal meant for the person who asked: printed as is, without a stack trace. */
export class UserError extends Error {}

export async function startCycle(client: Client, input: CycleInput, taskQueue = TASK_QUEUE): Promise<{ workflowId: string; runId: string }> {
  const workflowId = cycleWorkflowId(input.cycleId);
  try {
    const handle = await client.workflow.start(negotiationCycle, { taskQueue, workflowId, args: [input] });
    return { workflowId, runId: handle.firstExecutionRunId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw new UserError(`cycle '${input.cycleId}' already exists; give the file another 'id' to start a new one`);
    }
    throw err;
  }
}

async function notFoundAsUserError<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new UserError(`${what} not found`);
    throw err;
  }
}

export async function cycleStatus(client: Client, cycleId: string): Promise<{ cycle: CycleStatus; parties: PartyStatus[] }> {
  const cycle = await notFoundAsUserError(`cycle '${cycleId}'`, () =>
    client.workflow.getHandle<typeof negotiationCycle>(cycleWorkflowId(cycleId)).query(cycleStatusQuery),
  );
  const parties = cycle.phase === 'starting' ? [] : await Promise.all(
    cycle.parties.map((p) => client.workflow.getHandle<typeof partyNegotiation>(p.workflowId).query(partyStatusQuery)),
  );
  return { cycle, parties };
}

async function partyUpdate(client: Client, cycleId: string, partyCode: string, run: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<Receipt>): Promise<Receipt> {
  const handle = client.workflow.getHandle(partyWorkflowId(cycleId, partyCode));
  try {
    return await notFoundAsUserError(`party ${partyCode} of cycle '${cycleId}'`, () => run(handle));
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) throw new UserError(err.cause.message);
    throw err;
  }
}

export function submitAnswer(client: Client, cycleId: string, partyCode: string, request: SubmitAnswerRequest): Promise<Receipt> {
  return partyUpdate(client, cycleId, partyCode, (h) => h.executeUpdate(submitAnswerUpdate, { args: [request] }));
}

export function signOff(client: Client, cycleId: string, partyCode: string, request: SignOffRequest): Promise<Receipt> {
  return partyUpdate(client, cycleId, partyCode, (h) => h.executeUpdate(signOffUpdate, { args: [request] }));
}

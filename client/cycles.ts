// What people outside Temporal do with cycles: start one, read its state, steer it, act on a party's task.
// The CLI and the web server share these so that they phrase the same errors the same way.
import { randomUUID } from 'node:crypto';
import {
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { cycleStatusQuery } from '../workflows/cycle/messages';
import { partyStatusQuery } from '../workflows/party/messages';
import {
  TASK_QUEUE,
  WORKFLOW_TASK_TIMEOUT,
  WORKFLOW_TYPE,
  cycleWorkflowId,
  partyWorkflowId,
  type ControlReceipt,
  type CycleStatus,
  type PartyStatus,
  type Receipt,
  type Refusal,
  type RefusalDetails,
} from '../core/contracts';
import { SEARCH_ATTRIBUTES } from '../core/contracts/search-attributes';
import { CycleFileError, type ValidCycle } from '../core/domain/cycle-definition';
import { refusalIssues } from '../core/requests';
import { NOT_FOUND, NotConfirmedYet, UserError } from './user-error';

export { NOT_FOUND, NotConfirmedYet, UserError };
import type { negotiationCycle } from '../workflows/cycle/negotiation-cycle';

export async function startCycle(
  client: Client,
  { input, startsAt }: ValidCycle,
  taskQueue = TASK_QUEUE,
): Promise<{ workflowId: string; runId: string }> {
  const workflowId = cycleWorkflowId(input.cycleId);
  try {
    const handle = await client.workflow.start<typeof negotiationCycle>(WORKFLOW_TYPE.cycle, {
      taskQueue,
      workflowId,
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
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
      throw new CycleFileError([{ field: 'id', key: 'cycleExists', id: input.cycleId }]);
    }
    throw err;
  }
}

/** The `type` of a refusal that will pass by itself: the party's first task has not opened yet. */
export const TASK_OPENING = 'TaskOpening';

/** The cycle's reason as data, when the failure carries one (workflows/validation.ts). */
function refusalOf(details: readonly unknown[] | null | undefined): Refusal | null {
  const first = details?.[0] as Partial<RefusalDetails> | undefined;
  return first?.refusal && typeof first.refusal.key === 'string' ? first.refusal : null;
}

/** Turns the SDK's errors for a missing workflow or a refused Update into a plain sentence. */
async function plainly<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new UserError(`${what} not found`, NOT_FOUND);
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
      throw new UserError(
        err.cause.message,
        err.cause.type ?? undefined,
        refusalIssues(err.cause.details),
        refusalOf(err.cause.details),
      );
    throw err;
  }
}

/** gRPC's FAILED_PRECONDITION: what Temporal answers a query to a workflow that has not had its first task. */
const FAILED_PRECONDITION = 9;
/** gRPC's DEADLINE_EXCEEDED and CANCELLED: no answer in the time given (no worker runs the cycle just now). */
const DEADLINE_EXCEEDED = 4;
const CANCELLED = 1;

/** The cycle did not answer in the time a page can wait: its worker is down or behind. Nothing is known of it. */
export class NotAnswering extends Error {
  constructor(readonly cycleId: string) {
    super(`cycle '${cycleId}' does not answer just now`);
  }
}

/** A cycle started to begin on a later day: Temporal holds it, and it answers no query until then. */
export class StartsLater extends Error {
  constructor(
    readonly cycleId: string,
    readonly startsAt: Date,
  ) {
    super(`cycle '${cycleId}' starts at ${startsAt.toISOString()}`);
  }
}

/** The cycle's state; with `waitMs`, NotAnswering when it does not answer within that time. */
export async function cycleStatus(client: Client, cycleId: string, waitMs?: number): Promise<CycleStatus> {
  const handle = client.workflow.getHandle(cycleWorkflowId(cycleId));
  const query = () => plainly(`cycle '${cycleId}'`, () => handle.query(cycleStatusQuery));
  try {
    return await (waitMs ? client.connection.withDeadline(Date.now() + waitMs, query) : query());
  } catch (err) {
    const code = err instanceof ServiceError ? (err.cause as { code?: number } | undefined)?.code : undefined;
    // The deadline passes as DEADLINE_EXCEEDED, or as CANCELLED when the client gives up on the call itself.
    if (waitMs && (code === DEADLINE_EXCEEDED || code === CANCELLED)) throw new NotAnswering(cycleId);
    // A delayed start has no workflow task to answer a query: it is waiting for its day, not broken.
    if (err instanceof ServiceError && (err.cause as { code?: number } | undefined)?.code === FAILED_PRECONDITION) {
      const { executionTime } = await handle.describe();
      if (executionTime && executionTime.getTime() > Date.now()) throw new StartsLater(cycleId, executionTime);
    }
    throw err;
  }
}

export function partyStatus(client: Client, cycleId: string, partyCode: string): Promise<PartyStatus> {
  return plainly(`party ${partyCode} of cycle '${cycleId}'`, () =>
    client.workflow.getHandle(partyWorkflowId(cycleId, partyCode)).query(partyStatusQuery),
  );
}

export async function listCycles(client: Client): Promise<{ workflowId: string; status: string; startTime: Date }[]> {
  const cycles = [];
  for await (const wf of client.workflow.list({ query: `WorkflowType = '${WORKFLOW_TYPE.cycle}'` })) {
    cycles.push({ workflowId: wf.workflowId, status: wf.status.name, startTime: wf.startTime });
  }
  return cycles;
}

/** How long a person waits for Temporal's answer before being told "not confirmed yet". */
export const DEFAULT_WAIT_MS = 20_000;

/** What Temporal says of a request sent before, asked by its id. */
export type Outcome<R> =
  | { state: 'recorded'; receipt: R }
  | { state: 'refused'; error: UserError }
  | { state: 'not-confirmed' }
  | { state: 'unknown-request' };

export interface SendOptions {
  /** Makes the request safe to repeat; a fresh one when not given. */
  updateId?: string;
  waitMs?: number;
}

/** Sends an Update and reports only what is known: the receipt, the refusal, or NotConfirmedYet. */
async function send<R, Req>(
  client: Client,
  handle: WorkflowHandle,
  what: string,
  update: UpdateDefinition<R, [Req]>,
  request: Req,
  options: SendOptions,
): Promise<R> {
  const updateId = options.updateId ?? randomUUID();
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  try {
    return await plainly(what, () =>
      client.withDeadline(Date.now() + waitMs, () => handle.executeUpdate(update, { args: [request], updateId })),
    );
  } catch (err) {
    if (err instanceof UserError) throw err;
    // A timeout, a lost connection, a workflow task in a failed state: it may have been recorded all the same.
    const outcome = await ask<R>(client, handle, what, updateId, Math.min(5_000, waitMs));
    if (outcome.state === 'recorded') return outcome.receipt;
    if (outcome.state === 'refused') throw outcome.error;
    throw new NotConfirmedYet(updateId);
  }
}

async function ask<R>(
  client: Client,
  handle: WorkflowHandle,
  what: string,
  updateId: string,
  waitMs: number,
): Promise<Outcome<R>> {
  try {
    const receipt = await plainly(what, () =>
      client.withDeadline(Date.now() + waitMs, () => handle.getUpdateHandle<R>(updateId).result()),
    );
    return { state: 'recorded', receipt };
  } catch (err) {
    if (err instanceof UserError)
      return err.type === NOT_FOUND ? { state: 'unknown-request' } : { state: 'refused', error: err };
    return { state: 'not-confirmed' };
  }
}

const cycleHandle = (client: Client, cycleId: string) => client.workflow.getHandle(cycleWorkflowId(cycleId));
const partyHandle = (client: Client, cycleId: string, partyCode: string) =>
  client.workflow.getHandle(partyWorkflowId(cycleId, partyCode));

/** Runs a secretariat control (an Update on the cycle workflow). The same `updateId` sent again — a double click, a
 * refreshed page, a retried command — returns the first receipt instead of acting twice. */
export function control<Req>(
  client: Client,
  cycleId: string,
  update: UpdateDefinition<ControlReceipt, [Req]>,
  request: Req,
  options: SendOptions = {},
): Promise<ControlReceipt> {
  return send(client, cycleHandle(client, cycleId), `cycle '${cycleId}'`, update, request, options);
}

/** What became of a control sent before, asked of Temporal by its update id. */
export function controlOutcome(
  client: Client,
  cycleId: string,
  updateId: string,
  waitMs = 5_000,
): Promise<Outcome<ControlReceipt>> {
  return ask(client, cycleHandle(client, cycleId), `cycle '${cycleId}'`, updateId, waitMs);
}

/** Runs a participant's action (an Update on the party workflow), safe to repeat with the same `updateId`. */
export function partyAction<Req>(
  client: Client,
  cycleId: string,
  partyCode: string,
  update: UpdateDefinition<Receipt, [Req]>,
  request: Req,
  options: SendOptions = {},
): Promise<Receipt> {
  const what = `party ${partyCode} of cycle '${cycleId}'`;
  return send(client, partyHandle(client, cycleId, partyCode), what, update, request, options);
}

/** What became of a participant's action sent before, asked of Temporal by its update id. */
export function partyActionOutcome(
  client: Client,
  cycleId: string,
  partyCode: string,
  updateId: string,
  waitMs = 5_000,
): Promise<Outcome<Receipt>> {
  const what = `party ${partyCode} of cycle '${cycleId}'`;
  return ask(client, partyHandle(client, cycleId, partyCode), what, updateId, waitMs);
}

/** How many parties have their first task open: a started cycle opens them within seconds, one party workflow each.
 * Waits up to `waitMs` for all of them, so that whoever started the cycle can be told its tasks are open. */
export async function firstTasksOpen(
  client: Client,
  cycleId: string,
  waitMs: number,
): Promise<{ open: number; of: number }> {
  const until = Date.now() + waitMs;
  for (;;) {
    const status = await cycleStatus(client, cycleId);
    const open = status.parties.filter((p) => Object.keys(p.tasks).length > 0).length;
    if (open === status.parties.length || Date.now() >= until) return { open, of: status.parties.length };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The party's task that currently takes answers, or a clear refusal; a party whose first task is still opening
 * (right after the start) is told to try again in a moment, not that it has none. */
export async function openTask(
  client: Client,
  cycleId: string,
  partyCode: string,
): Promise<PartyStatus['tasks'][number]> {
  const status = await partyStatus(client, cycleId, partyCode);
  const task = status.tasks.filter((t) => !t.closed).at(-1);
  if (!task && !status.tasks.length && !status.finished)
    throw new UserError(
      `party ${partyCode}'s first task in cycle '${cycleId}' is still opening: try again in a moment`,
      TASK_OPENING,
    );
  if (!task) throw new UserError(`party ${partyCode} has no open task in cycle '${cycleId}'`);
  return task;
}

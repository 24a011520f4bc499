// What the ledger says, checked against what Temporal's histories say happened, field by field: an edit to the ledger
// that keeps its hash fields (and is re-chained) still differs from the accepted Update or the activity's input.
import type { temporal } from '@temporalio/proto';
import { defaultPayloadConverter } from '@temporalio/common';
import { canonicalJson, sha256Hex, type LedgerEvent } from '../../db/ledger';
import { outcomeOf } from '../../core/domain/outcome';
import type { Position, SubmitAnswerRequest } from '../../core/contracts';
import { PARTICIPANT_REQUESTS, parseRequest } from '../../core/requests';

type History = temporal.api.history.v1.IHistory;
type Args = Record<string, unknown>;

export interface HistoryFacts {
  /** Each accepted Update's first argument, by Update id. */
  updates: Map<string, Args>;
  /** Each completed activity's type and first argument, by `<workflowId>/<activityId>`. */
  activities: Map<string, { type: string; input: Args }>;
  /** Each Update that completed with a result (not a refusal): its name and the history it is in, by Update id. */
  completedUpdates: Map<string, { name: string; file: string }>;
  /** Each timer a party's workflow started: when it was to fire (its workflow task's time plus its duration). */
  partyTimers: { partyCode: string; file: string; eventId: string; firesAt: number }[];
}

type Instant = { seconds?: unknown; nanos?: number | null } | null | undefined;
/** Milliseconds as the workflow read its clock: seconds and whole milliseconds, as the SDK converts. */
const msOf = (t: Instant): number => Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);

const firstArg = (payloads: temporal.api.common.v1.IPayload[] | null | undefined): Args =>
  (payloads?.[0] ? defaultPayloadConverter.fromPayload(payloads[0]) : {}) as Args;

export function historyFacts(histories: { workflowId: string; history: History; file: string }[]): HistoryFacts {
  const updates = new Map<string, Args>();
  const activities = new Map<string, { type: string; input: Args }>();
  const completedUpdates = new Map<string, { name: string; file: string }>();
  const partyTimers: HistoryFacts['partyTimers'] = [];
  for (const { workflowId, history, file } of histories) {
    const scheduled = new Map<string, { activityId: string; type: string; input: Args }>();
    const names = new Map<string, string>();
    const partyCode = /\/party\/([^/]+)$/.exec(workflowId)?.[1];
    let taskTime = 0;
    for (const event of history.events ?? []) {
      if (event.workflowTaskStartedEventAttributes) taskTime = msOf(event.eventTime as Instant);
      const timer = event.timerStartedEventAttributes;
      if (timer && partyCode)
        partyTimers.push({
          partyCode,
          file,
          eventId: String(event.eventId),
          firesAt: taskTime + msOf(timer.startToFireTimeout as Instant),
        });
      const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
      if (accepted?.acceptedRequest?.meta?.updateId) {
        updates.set(accepted.acceptedRequest.meta.updateId, firstArg(accepted.acceptedRequest.input?.args?.payloads));
        names.set(accepted.acceptedRequest.meta.updateId, accepted.acceptedRequest.input?.name ?? '');
      }
      const completed = event.workflowExecutionUpdateCompletedEventAttributes;
      const id = completed?.meta?.updateId;
      if (id && completed.outcome?.success) completedUpdates.set(id, { name: names.get(id) ?? '', file });
      const s = event.activityTaskScheduledEventAttributes;
      if (s?.activityId)
        scheduled.set(String(event.eventId), {
          activityId: s.activityId,
          type: s.activityType?.name ?? '',
          input: firstArg(s.input?.payloads),
        });
      const done = event.activityTaskCompletedEventAttributes;
      const activity = done && scheduled.get(String(done.scheduledEventId));
      if (activity) activities.set(`${workflowId}/${activity.activityId}`, activity);
    }
  }
  return { updates, activities, completedUpdates, partyTimers };
}

/** The answer as the party workflow's validator read it; null when it does not read (then the fields differ). */
function parsedAnswer(request: Args): SubmitAnswerRequest | null {
  try {
    return parseRequest(PARTICIPANT_REQUESTS.submitAnswer.schema, request);
  } catch {
    return null;
  }
}

export const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const email = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Each field the ledger recorded, against the request it came from. */
function requestProblems(event: LedgerEvent, request: Args): string[] {
  const p = event.payload as Args;
  const differs: string[] = [];
  const compare = (field: string, recorded: unknown, requested: unknown) => {
    if (!same(recorded, requested)) differs.push(field);
  };
  if (event.action.startsWith('signoff.')) {
    compare('decision', event.action.slice('signoff.'.length), request.decision);
    compare('signatory', email(p.signatory), email(request.participantEmail));
    compare('documentSha256', p.documentSha256, request.documentSha256);
    compare('decisionReference', p.decisionReference, request.decisionReference);
    compare('reason', p.reason, request.reason);
    compare('taskId', p.taskId, request.taskId);
  } else if (event.action === 'task.answer' || event.action === 'task.no_comments') {
    // The workflow records what its validator made of the request (text trimmed): so does this check.
    const answer = parsedAnswer(request);
    compare('kind of answer', event.action === 'task.no_comments', request.noComments === true);
    compare('participant', email(p.participant), email(request.participantEmail));
    compare('taskId', p.taskId, request.taskId);
    if (p.textSha256 !== undefined) compare('textSha256', p.textSha256, sha256Hex(answer?.text ?? ''));
    if (p.followUpSha256 !== undefined || answer?.followUp?.length)
      compare(
        'followUpSha256',
        p.followUpSha256,
        answer?.followUp?.length ? sha256Hex(canonicalJson(answer.followUp)) : undefined,
      );
    if (p.attachments !== undefined || answer?.attachments?.length)
      compare('attachments', p.attachments, answer?.attachments?.length ? answer.attachments : undefined);
    if (p.areasSha256 !== undefined || answer?.areas?.length)
      compare('areasSha256', p.areasSha256, answer?.areas?.length ? sha256Hex(canonicalJson(answer.areas)) : undefined);
  } else if (event.action.startsWith('control.')) {
    const { content: _content, ...rest } = request;
    compare('request', (p as { request?: unknown }).request, rest);
    compare('actor', event.actor, request.by);
  }
  return differs;
}

/** The ledger against the histories: requests, the recipients and kinds of mail, and the outcome. */
export function contentProblems(chain: LedgerEvent[], facts: HistoryFacts): string[] {
  const problems: string[] = [];
  for (const event of chain) {
    const p = event.payload as Args & { updateId?: string; requestSha256?: string | null; activityId?: string };
    const at = `ledger seq ${event.seq} (${event.action})`;
    if (p.updateId && p.requestSha256) {
      const request = facts.updates.get(p.updateId);
      if (!request) problems.push(`${at}: no accepted Update ${p.updateId} in the histories`);
      else {
        if (sha256Hex(canonicalJson(request)) !== p.requestSha256)
          problems.push(`${at}: Update ${p.updateId} in the history has other content`);
        const differs = requestProblems(event, request);
        if (differs.length)
          problems.push(
            `${at}: ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''} from Update ${p.updateId}`,
          );
      }
    }
    // A draft stored first: the version the ledger recorded is the file the publishing Update named.
    if (event.action === 'document.published' && p.updateId) {
      const file = (facts.updates.get(p.updateId) as { file?: { sha256?: string } } | undefined)?.file;
      if (file && file.sha256 !== p.sha256)
        problems.push(`${at}: SHA-256 ${String(p.sha256)} is not the file Update ${p.updateId} named`);
    }
    if ((event.action === 'email.sent' || event.action === 'email.failed') && p.activityId) {
      const activity = facts.activities.get(`${event.workflowId}/${p.activityId}`);
      if (!activity && event.action === 'email.sent')
        problems.push(`${at}: no completed activity ${p.activityId} in ${event.workflowId}'s history`);
      else if (activity?.type === 'notify') {
        const input = activity.input as { kind?: string; recipient?: { email?: string } };
        if (email(input.recipient?.email) !== email(p.to))
          problems.push(`${at}: recipient ${String(p.to)} is not the activity's (${input.recipient?.email})`);
        if (input.kind !== p.kind) problems.push(`${at}: kind ${String(p.kind)} is not the activity's (${input.kind})`);
      } else if (activity?.type === 'notifyEach') {
        // One notice to several people in one activity: this message must be among its, to this recipient and kind.
        const inputs = activity.input as unknown as { kind?: string; recipient?: { email?: string } }[];
        if (!inputs.some((n) => email(n.recipient?.email) === email(p.to) && n.kind === p.kind))
          problems.push(`${at}: no ${String(p.kind)} message to ${String(p.to)} among the activity's`);
      }
    }
  }
  // The other way round: an Update the workflow accepted and answered with a receipt changed the record, so the
  // ledger has a line for it; one without is a line dropped.
  const recorded = new Set(chain.map((e) => (e.payload as { updateId?: string } | null)?.updateId).filter(Boolean));
  for (const [updateId, { name, file }] of facts.completedUpdates)
    if (!recorded.has(updateId))
      problems.push(`${file}: Update ${updateId} (${name}) was accepted and completed, but no ledger line records it`);
  problems.push(...timerProblems(chain, facts.partyTimers));
  problems.push(...outcomeProblems(chain));
  return problems;
}

/** Every timer a party's workflow set waits for a time the ledger planned for that party: a deadline or a reminder
 * of one of its tasks (opening lines and extensions carry them since they do; parties without are not compared). */
function timerProblems(chain: LedgerEvent[], timers: HistoryFacts['partyTimers']): string[] {
  const planned = new Map<string, Set<number>>();
  for (const e of chain) {
    const p = e.payload as { partyCode?: string; deadlineAt?: string; reminders?: string[] };
    if (!p.partyCode || !p.deadlineAt) continue;
    const times = planned.get(p.partyCode) ?? new Set<number>();
    for (const at of [p.deadlineAt, ...(p.reminders ?? [])]) times.add(Date.parse(at));
    planned.set(p.partyCode, times);
  }
  const problems: string[] = [];
  for (const t of timers) {
    const times = planned.get(t.partyCode);
    if (times && !times.has(t.firesAt))
      problems.push(
        `${t.file}: the timer of event ${t.eventId} fires at ${new Date(t.firesAt).toISOString()}, no deadline or reminder the ledger planned for party ${t.partyCode}`,
      );
  }
  return problems;
}

/** The outcome and each party's position, recomputed from the sign-offs recorded before it. */
function outcomeProblems(chain: LedgerEvent[]): string[] {
  const completed = chain.find((e) => e.action === 'cycle.completed');
  if (!completed) return [];
  const recorded = completed.payload as { outcome: string; positions: { partyCode: string; position: Position }[] };
  const decided = new Map<string, Position>();
  for (const e of chain) {
    if (e.seq > completed.seq) break;
    if (e.action === 'signoff.approved' || e.action === 'signoff.rejected')
      decided.set(String((e.payload as Args).partyCode), e.action.slice('signoff.'.length) as Position);
  }
  const problems: string[] = [];
  const at = `ledger seq ${completed.seq} (cycle.completed)`;
  const positions = recorded.positions.map((p) => ({
    partyCode: p.partyCode,
    position: decided.get(p.partyCode) ?? 'no_response',
  }));
  for (const [i, p] of positions.entries())
    if (p.position !== recorded.positions[i]!.position)
      problems.push(
        `${at}: party ${p.partyCode} is recorded as ${recorded.positions[i]!.position}, its sign-offs say ${p.position}`,
      );
  for (const code of decided.keys())
    if (!positions.some((p) => p.partyCode === code))
      problems.push(`${at}: party ${code} signed off but has no position`);
  const outcome = outcomeOf(positions);
  if (outcome !== recorded.outcome) problems.push(`${at}: outcome ${recorded.outcome}, the sign-offs give ${outcome}`);
  return problems;
}

// Names and bounds: the task queue, the time zone, workflow and task ids, the limits that keep histories small,
// and the `type` of every business failure.
import { CYCLE_KINDS, type CycleKind } from './vocabulary';

export const TASK_QUEUE = 'sopu-cycles';

/** The workflow types, as clients start and find them by name (workflow code stays out of client processes). */
export const WORKFLOW_TYPE = {
  cycle: 'negotiationCycle',
  party: 'partyNegotiation',
  scheduledCycle: 'scheduledCycle',
  thlFigures: 'thlFigures',
} as const;

export const TIME_ZONE = 'Europe/Helsinki';

/** Every Sopu workflow is started with this workflow-task timeout instead of Temporal's 10 s: a worker that restarts
 * replays each open history on its first task, and a slow replay must not fail the task and the Updates waiting on
 * it. Longer is not better: a task a killed worker held is given to another only after this long. Measured in
 * docs/operations.md ("Restarts"). */
export const WORKFLOW_TASK_TIMEOUT = '20 seconds';

/** `type` of the ApplicationFailures that validators and activities throw for business errors. */
export const ErrorType = {
  invalidRequest: 'InvalidRequest',
  notParticipant: 'NotParticipant',
  notSignatory: 'NotSignatory',
  taskNotOpen: 'TaskNotOpen',
  unknownTask: 'UnknownTask',
  unknownParty: 'UnknownParty',
  wrongPhase: 'WrongPhase',
  documentMismatch: 'DocumentMismatch',
  limitReached: 'LimitReached',
  /** The control has consequences the sender has not confirmed (it closes open tasks, ends the cycle). */
  confirmationNeeded: 'ConfirmationNeeded',
  permanentMailFailure: 'PermanentMailFailure',
} as const;

/** Mail still not delivered after this many minutes is late (the mail server is down or refusing for now): the
 * secretariat is shown it. */
export const LATE_MAIL_MINUTES = 10;

export const MAX_ANSWER_LENGTH = 20_000;

/** Goals one party may set in one cooperation area in one answer. */
export const MAX_GOALS_PER_AREA = 20;

export const MAX_DOCUMENT_LENGTH = 1_000_000;

/** Files are stored in PostgreSQL before any workflow names them (claim check), so these bound the database and the
 * web server's memory, not a history: a draft (a county's Word or PDF with its appendices) up to 25 MB, and up to
 * ten attachments of 25 MB on an answer (a welfare report with its figures). */
export const MAX_DRAFT_BYTES = 25 * 1_048_576;
export const MAX_ATTACHMENT_BYTES = 25 * 1_048_576;
export const MAX_ATTACHMENTS = 10;

/** Bounds that keep every history far inside Temporal's limits (51,200 events, 2,000 Updates per run). */
export const MAX_ROUNDS = 20;

export const MAX_ANSWERS_PER_TASK = 20;

export const cycleWorkflowId = (cycleId: string): string => `cycle/${cycleId}`;

export const partyWorkflowId = (cycleId: string, partyCode: string): string => `cycle/${cycleId}/party/${partyCode}`;

export const taskId = (cycleId: string, partyCode: string, phaseKey: string): string =>
  `${cycleId}/${partyCode}/${phaseKey}`;

export const roundKey = (round: number): string => `round-${round}`;

/** The calendar's schedule of a kind of negotiation for a county (Helsinki's with HUS: `sopu-hus-90`). */
export const scheduleId = (kind: CycleKind, countyCode: string): string => `sopu-${kind}-${countyCode}`;

/** The kind and county a schedule id names, or null for an id `scheduleId` did not make. */
export function scheduleOf(id: string): { kind: CycleKind; countyCode: string } | null {
  const [, kind, countyCode] = /^sopu-([a-z]+)-(\d{2})$/.exec(id) ?? [];
  return kind && countyCode && (CYCLE_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as CycleKind, countyCode }
    : null;
}

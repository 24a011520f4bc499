// The contracts every room shares: workflow inputs and results, query state, messages, error types and
// identifiers. Plain types and constants only, so workflow code, activities, the worker and clients can all import it.

export const TASK_QUEUE = 'sopu-cycles';
export const TIME_ZONE = 'Europe/Helsinki';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CYCLE_KINDS = ['term', 'annual'] as const;
/** `term`: hyvinvointialuelaki 611/2021 §14, once per council term. `annual`: 612/2021 §7, every year. */
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const PARTY_KINDS = ['county', 'municipality', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const ROLES = ['contact', 'signatory', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** input: preparation; comment: a consultation round; meeting: attendee registration; signoff: approval. */
export type TaskKind = 'input' | 'comment' | 'meeting' | 'signoff';
/**
 * open → answered (may be replaced until the phase closes) | overdue (deadline passed, late answers still taken).
 * Closing the phase turns open and overdue into no_response; cancelling the cycle turns them into cancelled.
 */
export type TaskStatus = 'open' | 'overdue' | 'answered' | 'no_response' | 'cancelled';

export type Decision = 'approved' | 'rejected';
export type Position = Decision | 'no_response';
export type Outcome = 'agreed_by_all' | 'agreed_by_some' | 'not_agreed';
export type CyclePhase = 'preparation' | 'consultation' | 'meeting' | 'signoff' | 'completed' | 'cancelled';

export interface ParticipantInput {
  name: string;
  email: string;
  role: Role;
  language: Language;
}

export interface PartyInput {
  code: string;
  kind: PartyKind;
  name: string;
  language: Language;
  participants: ParticipantInput[];
}

/** Phase lengths in working days (Act 150/1930 §5), closing time and reminders. */
export interface Schedule {
  preparationDays: number;
  roundDays: number;
  signOffDays: number;
  /** Working days after a deadline during which late answers are taken before the phase closes by itself. */
  lateDays: number;
  /** Reminders go out this many working days before each deadline. */
  reminderDays: number[];
  /** HH:mm, Europe/Helsinki. */
  closingTime: string;
}

export interface CycleInput {
  cycleId: string;
  kind: CycleKind;
  countyCode: string;
  title: string;
  /** The council term (`2025-2029`) or the year (`2026`) the cycle belongs to. */
  period: string;
  secretariat: { name: string; email: string; language: Language };
  agenda: string[];
  schedule: Schedule;
  parties: PartyInput[];
}

/** One moment of a plan. `at` is when timers fire; `nominal` is the calendar time people are shown. They differ
 * only on an accelerated clock (tests, demos), where a working day lasts seconds. */
export interface PlannedInstant {
  at: string;
  nominal: string;
}

export interface Deadline extends PlannedInstant {
  /** Starts at 1; every extension adds one. */
  version: number;
  reminders: (PlannedInstant & { workingDaysBefore: number })[];
  /** When the phase closes by itself if the secretariat has not closed it. */
  closesAt: PlannedInstant;
}

export interface DocumentRef {
  version: number;
  title: string;
  sha256: string;
}

export interface MeetingInfo {
  version: number;
  startsAt: string;
  location: string | null;
  link: string | null;
}

// ---- party workflow ----

export interface PartyWorkflowInput {
  cycleId: string;
  cycleTitle: string;
  cycleWorkflowId: string;
  secretariat: { name: string; email: string; language: Language };
  party: PartyInput;
}

export interface OpenTaskSignal {
  taskId: string;
  kind: TaskKind;
  /** e.g. `preparation`, `round-2`, `meeting`, `signoff` */
  phaseKey: string;
  deadline: Deadline;
  document: DocumentRef | null;
  meeting: MeetingInfo | null;
}

export interface ExtendTaskSignal {
  taskId: string;
  deadline: Deadline;
  /** Set when the meeting itself moved: its new details. */
  meeting?: MeetingInfo;
}

/** A message the mail server refused for good; the secretariat sees these in the cycle's status. */
export interface MailFailure {
  partyCode: string | null;
  to: string;
  kind: string;
  error: string;
}

export interface CloseTaskSignal {
  taskId: string;
  /** `phase-closed` records no_response for open tasks; `cancelled` marks every unfinished task cancelled. */
  reason: 'phase-closed' | 'cancelled';
}

export interface ReplaceParticipantSignal {
  oldEmail: string;
  participant: ParticipantInput;
  reason: string;
  by: string;
}

export interface OnBehalfSignal {
  taskId: string;
  by: string;
  reason: string;
  answer: { text: string; noComments: boolean } | null;
  signOff: { decision: Decision; decisionReference: string | null; reason: string | null } | null;
}

/** What a party workflow tells its cycle whenever one of its tasks changes. */
export interface TaskReport {
  partyCode: string;
  taskId: string;
  phaseKey: string;
  kind: TaskKind;
  status: TaskStatus;
  late: boolean;
  decision: Decision | null;
  /** Orders the reports of one task: the cycle keeps the highest. */
  seq: number;
  closed: boolean;
}

export interface TaskState {
  taskId: string;
  kind: TaskKind;
  phaseKey: string;
  status: TaskStatus;
  deadline: Deadline;
  late: boolean;
  answers: number;
  document: DocumentRef | null;
  meeting: MeetingInfo | null;
  decision: Decision | null;
  /** True once the cycle has closed the task's phase; its status is then final. */
  closed: boolean;
}

export interface PartyStatus {
  cycleId: string;
  partyCode: string;
  participants: (ParticipantInput & { active: boolean })[];
  tasks: TaskState[];
  finished: boolean;
}

export interface SubmitAnswerRequest {
  taskId: string;
  participantEmail: string;
  /** Required unless noComments. */
  text?: string;
  /** "No comments" to a consultation round. */
  noComments?: boolean;
}

export interface SignOffRequest {
  taskId: string;
  participantEmail: string;
  decision: Decision;
  /** The SHA-256 of the final version the signatory approves or rejects; must match. */
  documentSha256: string;
  /** The party's decision, e.g. "Kunnanhallitus 12.3.2026 § 45"; required to approve. */
  decisionReference?: string;
  /** Required to reject. */
  reason?: string;
}

export interface Attendee {
  name: string;
  role: string;
  organisation: string;
}

export interface RegisterAttendeesRequest {
  taskId: string;
  participantEmail: string;
  attendees: Attendee[];
}

/** What an accepted Update returns to the person who sent it. */
export interface Receipt {
  taskId: string;
  updateId: string;
  recordedAt: string;
  late: boolean;
}

// ---- cycle workflow: secretariat controls ----

export interface SecretariatAction {
  /** Who acts, e.g. the secretariat member's email. */
  by: string;
}

export interface PublishDraftRequest extends SecretariatAction {
  title: string;
  content: string;
}

export interface ClosePhaseRequest extends SecretariatAction {}

export interface ScheduleMeetingRequest extends SecretariatAction {
  startsAt: string;
  location?: string;
  link?: string;
}

export interface MinutesItem {
  number: number;
  title: string;
  conclusion: string;
}

export interface RecordMinutesRequest extends SecretariatAction {
  attendees: (Attendee & { partyCode: string })[];
  items: MinutesItem[];
}

export interface StartSignOffRequest extends SecretariatAction {
  /** The draft version that is final; defaults to the latest. */
  documentVersion?: number;
}

export interface ExtendDeadlineRequest extends SecretariatAction {
  /** One party, or every party when omitted. */
  partyCode?: string;
  /** Working days added to the current deadline. */
  workingDays: number;
  reason: string;
}

export interface ReplaceParticipantRequest extends SecretariatAction {
  partyCode: string;
  oldEmail: string;
  participant: { name: string; email: string; role: Role; language?: Language };
  reason: string;
}

export interface RecordOnBehalfRequest extends SecretariatAction {
  partyCode: string;
  reason: string;
  answer?: { text?: string; noComments?: boolean };
  signOff?: { decision: Decision; decisionReference?: string; reason?: string };
}

export interface CancelCycleRequest extends SecretariatAction {
  reason: string;
}

export interface ControlReceipt {
  updateId: string;
  recordedAt: string;
  phase: CyclePhase;
  document?: DocumentRef;
  meeting?: MeetingInfo;
}

export interface PartySummary {
  code: string;
  name: string;
  kind: PartyKind;
  workflowId: string;
  /** By phase key. */
  tasks: Record<string, TaskReport>;
  finished: boolean;
}

export interface CycleStatus {
  cycleId: string;
  kind: CycleKind;
  title: string;
  secretariat: { name: string; email: string };
  phase: CyclePhase;
  /** e.g. `round-2` while a consultation round is open; null between phases. */
  openPhaseKey: string | null;
  round: number;
  deadlines: Record<string, Deadline>;
  documents: DocumentRef[];
  meeting: MeetingInfo | null;
  minutesRecorded: boolean;
  finalDocument: DocumentRef | null;
  parties: PartySummary[];
  outcome: Outcome | null;
  cancelReason: string | null;
  mailFailures: MailFailure[];
}

export interface CycleResult {
  outcome: Outcome | null;
  positions: { partyCode: string; position: Position }[];
  cancelled: boolean;
}

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
  permanentMailFailure: 'PermanentMailFailure',
} as const;

export const MAX_ANSWER_LENGTH = 20_000;
export const MAX_DOCUMENT_LENGTH = 1_000_000;
/** Bounds that keep every history far inside Temporal's limits (51,200 events, 2,000 Updates per run). */
export const MAX_ROUNDS = 20;
export const MAX_ANSWERS_PER_TASK = 20;

export const cycleWorkflowId = (cycleId: string): string => `cycle/${cycleId}`;
export const partyWorkflowId = (cycleId: string, partyCode: string): string => `cycle/${cycleId}/party/${partyCode}`;
export const taskId = (cycleId: string, partyCode: string, phaseKey: string): string => `${cycleId}/${partyCode}/${phaseKey}`;
export const roundKey = (round: number): string => `round-${round}`;

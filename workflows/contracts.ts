// The contracts every room shares: workflow inputs and results, query state, update payloads, error types and
// identifiers. Plain types and constants only, so workflow code, activities, the worker and clients can all import it.

export const TASK_QUEUE = 'sopu-cycles';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CYCLE_KINDS = ['term', 'annual'] as const;
/** `term`: hyvinvointialuelaki 611/2021 §14, once per council term. `annual`: 612/2021 §7, every year. */
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const PARTY_KINDS = ['county', 'municipality', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const ROLES = ['contact', 'signatory', 'member'] as const;
export type Role = (typeof ROLES)[number];

export type TaskKind = 'input' | 'signoff';
/** open → answered | no_response. Overdue tasks are open tasks whose deadline has passed. */
export type TaskStatus = 'open' | 'answered' | 'no_response';
export type Decision = 'approved' | 'rejected';
export type Position = Decision | 'no_response';
export type Outcome = 'agreed_by_all' | 'agreed_by_some' | 'not_agreed';

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

export interface CycleDeadlines {
  /** ISO instants. */
  input: string;
  signOff: string;
}

export interface CycleInput {
  cycleId: string;
  kind: CycleKind;
  countyCode: string;
  title: string;
  /** The council term (`2025-2029`) or the year (`2026`) the cycle belongs to. */
  period: string;
  secretariat: { name: string; email: string };
  deadlines: CycleDeadlines;
  parties: PartyInput[];
}

export interface PartyWorkflowInput {
  cycleId: string;
  cycleTitle: string;
  secretariatEmail: string;
  party: PartyInput;
  deadlines: CycleDeadlines;
}

export interface TaskState {
  taskId: string;
  kind: TaskKind;
  status: TaskStatus;
  deadline: string;
}

export interface PartyStatus {
  cycleId: string;
  partyCode: string;
  tasks: TaskState[];
  position: Position | null;
}

export interface PartyResult {
  partyCode: string;
  position: Position;
}

export type CyclePhase = 'starting' | 'running' | 'completed';

export interface CycleStatus {
  cycleId: string;
  title: string;
  phase: CyclePhase;
  parties: { code: string; name: string; workflowId: string }[];
  outcome: Outcome | null;
}

export interface CycleResult {
  outcome: Outcome;
  positions: PartyResult[];
}

export interface SubmitAnswerRequest {
  taskId: string;
  participantEmail: string;
  text: string;
}

export interface SignOffRequest {
  taskId: string;
  participantEmail: string;
  decision: Decision;
  /** The party's decision, e.g. "Kunnanhallitus 12.3.2026 § 45"; required to approve. */
  decisionReference?: string;
  /** Required to reject. */
  reason?: string;
}

/** What an accepted answer or sign-off returns to the person who sent it. */
export interface Receipt {
  taskId: string;
  updateId: string;
  recordedAt: string;
  late: boolean;
}

/** `type` of the ApplicationFailures that update validators and activities throw for business errors. */
export const ErrorType = {
  invalidRequest: 'InvalidRequest',
  notParticipant: 'NotParticipant',
  notSignatory: 'NotSignatory',
  taskNotOpen: 'TaskNotOpen',
  unknownTask: 'UnknownTask',
  permanentMailFailure: 'PermanentMailFailure',
} as const;

export const MAX_ANSWER_LENGTH = 20_000;

export const cycleWorkflowId = (cycleId: string): string => `cycle/${cycleId}`;
export const partyWorkflowId = (cycleId: string, partyCode: string): string => `cycle/${cycleId}/party/${partyCode}`;
export const taskId = (cycleId: string, partyCode: string, kind: TaskKind): string => `${cycleId}/${partyCode}/${kind}`;

// The party workflow's contracts: its input, the signals its cycle sends, the participants' Updates and their
// receipts, and its status query.

import type {
  Decision,
  Deadline,
  DocumentRef,
  Language,
  MeetingInfo,
  ParticipantInput,
  PartyInput,
  TaskKind,
  TaskStatus,
} from './vocabulary';

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
  /** The cycle wrote the task's row and knows it is open: the party neither writes nor reports its opening
   * (absent in histories where each party did both). */
  openedByCycle?: boolean;
  /** The cycle mails the task to its assignees, for every party in one activity (absent: the party does). */
  mailedByCycle?: boolean;
  /** The task of the phase this one follows, closed by the same signal (absent: closed by a signal of its own). */
  closes?: CloseTaskSignal;
}

export interface ExtendTaskSignal {
  taskId: string;
  deadline: Deadline;
  /** Set when the meeting itself moved: its new details. */
  meeting?: MeetingInfo;
}

export interface CloseTaskSignal {
  taskId: string;
  /** `phase-closed` records no_response for open tasks; `cancelled` marks every unfinished task cancelled. */
  reason: 'phase-closed' | 'cancelled';
  /** The cycle marked the task closed in its own state: the party does not report the closing back (absent in
   * histories where it did). */
  closedInCycle?: boolean;
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

/** What an accepted Update returns to the person who sent it. */
export interface Receipt {
  taskId: string;
  updateId: string;
  recordedAt: string;
  late: boolean;
}

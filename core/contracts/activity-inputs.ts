// What workflows hand to activities: the inputs of the activities they call, so both sides type-check against one
// definition and workflow code never imports activity modules for their types.
import type {
  CycleKind,
  Attendee,
  Deadline,
  Decision,
  Language,
  MeetingInfo,
  MinutesItem,
  DocumentRef,
  FileRef,
  Outcome,
  ParticipantInput,
  Schedule,
  TaskKind,
  TaskStatus,
} from './vocabulary';
import type { CycleInput } from './cycle';
import type { AreaAnswer, GoalFollowUp } from '../requests/participant-requests';

export interface PlanRequest {
  cycleId: string;
  /** The cycle's start: the origin of the nominal calendar on an accelerated clock. */
  epoch: string;
  phaseKey: string;
  /** A party code, or `*` for all parties. */
  scope: string;
  version: number;
  /** Real instant the phase (or extension) takes effect. */
  openedAt: string;
  /** Working days after `after` (a nominal instant; default the nominal `openedAt`), or a fixed nominal instant. */
  due: { workingDays: number; after?: string } | { nominal: string };
  schedule: Pick<Schedule, 'lateDays' | 'reminderDays' | 'closingTime'>;
}

export interface ControlRecord {
  cycleId: string;
  /** e.g. `round.closed`, `deadline.extended`; the audit action. */
  action: string;
  by: string;
  at: string;
  updateId: string;
  payload: Record<string, unknown>;
  /** The control's Update argument: its SHA-256 goes into the ledger. */
  request?: unknown;
}

export interface TaskRef {
  cycleId: string;
  partyCode: string;
  taskId: string;
}

export interface OnBehalf {
  by: string;
  reason: string;
}

export interface ResponseRecord extends TaskRef {
  participantEmail: string;
  /** The answer's text, areas, follow-up and files, when no `request` carries them (on a party's behalf, or in
   * histories recorded before the request was read for them). */
  body?: string;
  noComments: boolean;
  /** Per agenda item: its text and goals, kept as rows (absent in histories recorded before areas were kept). */
  areas?: AreaAnswer[];
  /** The follow-up of goals from earlier cycles (absent in histories recorded before it was kept). */
  followUp?: GoalFollowUp[];
  /** Files sent with the answer, stored first (absent in histories recorded before attachments). */
  attachments?: FileRef[];
  late: boolean;
  updateId: string;
  receivedAt: string;
  onBehalf: OnBehalf | null;
  /** The Update's argument as received (absent when recorded on behalf, by signal). */
  request?: unknown;
  /** The task's first answer turns it answered in the same transaction (absent in histories that recorded the status
   * by an activity of its own). */
  status?: StatusChange;
}

/** A task's status change written in the same transaction as the act that caused it. */
export interface StatusChange {
  status: TaskStatus;
  at: string;
  actor: string;
  seq: number;
}

/** Every party's task of a phase, opened by the cycle in one write (histories before it: one write per party). */
export interface TasksOpening {
  cycleId: string;
  partyCodes: string[];
  kind: TaskKind;
  phaseKey: string;
  deadline: Deadline;
  documentVersion: number | null;
  openedAt: string;
}

export interface SignOffRecord extends TaskRef {
  participantEmail: string;
  decision: Decision;
  decisionReference: string | null;
  reason: string | null;
  documentSha256: string;
  late: boolean;
  updateId: string;
  signedAt: string;
  onBehalf: OnBehalf | null;
  request?: unknown;
  /** As for an answer: absent in histories that recorded the status by an activity of its own. */
  status?: StatusChange;
}

export interface AttendeesRecord extends TaskRef {
  participantEmail: string;
  attendees: Attendee[];
  updateId: string;
  recordedAt: string;
  request?: unknown;
  /** As for an answer: absent in histories that recorded the status by an activity of its own. */
  status?: StatusChange;
}

export interface ParticipantReplacement {
  cycleId: string;
  partyCode: string;
  oldEmail: string;
  participant: ParticipantInput;
  reason: string;
  by: string;
  at: string;
}

export interface TaskFacts {
  taskId: string;
  kind: TaskKind;
  partyName: string;
  /** Nominal deadline (what people are shown). */
  deadline: string;
  deadlineVersion: number;
  document: DocumentRef | null;
  meeting: MeetingInfo | null;
}

interface NotificationBase {
  cycleId: string;
  cycleTitle: string;
  recipient: { name: string; email: string; language: Language };
  /** The secretariat's address: Reply-To, and the organizer of meeting invitations. */
  replyTo: string;
  secretariatName?: string;
  /** The language the secretariat reads: a notice to it about this message's delivery is written in it. */
  secretariatLanguage?: Language;
}

export type Notification = NotificationBase &
  (
    | { kind: 'task-assigned'; task: TaskFacts }
    | { kind: 'reminder'; task: TaskFacts; workingDaysBefore: number }
    | { kind: 'overdue'; task: TaskFacts }
    | { kind: 'overdue-escalation'; task: TaskFacts }
    | { kind: 'deadline-extended'; task: TaskFacts }
    | { kind: 'meeting-changed'; task: TaskFacts }
    | { kind: 'meeting-cancelled'; task: TaskFacts }
    | { kind: 'round-closed'; task: TaskFacts }
    | { kind: 'participant-replaced'; partyName: string; replacedName: string; newName: string; newEmail: string }
    | { kind: 'cycle-completed'; outcome: Outcome; agreement?: FileRef }
    | { kind: 'cycle-cancelled'; reason: string }
    /** A participant's own act recorded (an answer, a sign-off, a registration): its receipt, with the signed tree
     * head that includes it. */
    | { kind: 'receipt'; task: TaskFacts; updateId: string; recordedAt: string; late: boolean }
    /** The meeting's minutes, to every participant of every party. */
    | { kind: 'minutes'; meetingStartsAt: string | null; items: MinutesItem[] }
    /** To the secretariat: messages of the cycle wait for the mail server. At most one an hour (`hour`, e.g.
     * 2026-11-27T13), rendered when sent with what the outbox says then. */
    | { kind: 'mail-late'; hour: string; waitedLong: number; stillWaiting: number }
  );

export type EmailOutcome = 'sent' | 'already-sent';

export interface ScheduledCycleRequest {
  countyCode: string;
  kind: CycleKind;
  at: string;
}

/** A cycle built from the directory, or what was missing to build it. */
export type ScheduledCycle = { input: CycleInput } | { missing: string[]; period: string };

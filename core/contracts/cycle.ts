// The cycle workflow's contracts: its input and result, the secretariat's controls and their receipts, and its
// status query.

import type {
  Attendee,
  CycleKind,
  CyclePhase,
  Deadline,
  Decision,
  DocumentRef,
  FileRef,
  Language,
  MailFailure,
  MeetingInfo,
  MinutesItem,
  Outcome,
  PartyInput,
  PartyKind,
  Position,
  Role,
  Schedule,
} from './vocabulary';

import type { TaskReport } from './party';

/** An agenda item (a cooperation area): a known key (see core/domain/cycle-templates.ts), text as written, or
 * its name in each language. */
export type AgendaEntry = string | Record<Language, string>;

export interface CycleInput {
  cycleId: string;
  kind: CycleKind;
  countyCode: string;
  title: string;
  /** The council term (`2025-2029`) or the year (`2026`) the cycle belongs to. */
  period: string;
  secretariat: { name: string; email: string; language: Language };
  agenda: AgendaEntry[];
  schedule: Schedule;
  parties: PartyInput[];
  /** Set on a second cycle of the same kind, county and period: why it is held (in the ledger). */
  supplementaryReason?: string;
  /** Who reads a party's answers: every party once the phase has closed (the default, as published statements
   * are), or the secretariat only. */
  answersVisible?: AnswersVisible;
  /** What the county's records management files the cycle and its documents under (absent: public, permanent). */
  records?: RecordsInfo;
}

export const ANSWERS_VISIBLE = ['after-phase', 'secretariat-only'] as const;
export type AnswersVisible = (typeof ANSWERS_VISIBLE)[number];

export interface SecretariatAction {
  /** Who acts, e.g. the secretariat member's email. */
  by: string;
}

/** Controls that can close open tasks early or end the cycle take effect only with `confirm: true`. */
export interface Confirmed {
  confirm?: boolean;
}

export interface PublishDraftRequest extends SecretariatAction, Confirmed {
  title: string;
  /** The draft, stored first: `sopu cycle publish-draft` and the web page store it and send this. */
  file?: FileRef;
  /** The text itself, as histories recorded before drafts were stored first carry it; refused in new requests. */
  content?: string;
}

export type ClosePhaseRequest = SecretariatAction & Confirmed;

export interface ScheduleMeetingRequest extends SecretariatAction, Confirmed {
  startsAt: string;
  location?: string;
  link?: string;
}

export interface RecordMinutesRequest extends SecretariatAction {
  attendees: (Attendee & { partyCode: string })[];
  items: MinutesItem[];
}

export interface StartSignOffRequest extends SecretariatAction, Confirmed {
  /** Why the cycle goes to sign-off without a meeting; required when no minutes were recorded (in the ledger). */
  noMeetingReason?: string;
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

export interface CancelCycleRequest extends SecretariatAction, Confirmed {
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

/** A case file's metadata for records management (arkistonmuodostus): its diary number (diaarinumero), publicity and
 * retention. Secret needs its legal ground, e.g. "JulkL 24 § 1 mom 8 k". */
export interface RecordsInfo {
  diaryNumber?: string;
  publicity: 'public' | 'secret';
  secrecyGround?: string;
  /** "permanent", or a period such as "10 years". */
  retention: string;
}

// The cycle workflow's contracts: its input and result, the secretariat's controls and their receipts, and its
// status query.

import type {
  CycleKind,
  CyclePhase,
  Deadline,
  DocumentRef,
  Language,
  MailFailure,
  MeetingInfo,
  Outcome,
  PartyInput,
  PartyKind,
  Position,
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
  /** THL indicators (Sotkanet ids) the county suggests for the parties' goals: offered first on the goal form and
   * fetched with the goals' own. */
  thlIndicators?: number[];
}

export const ANSWERS_VISIBLE = ['after-phase', 'secretariat-only'] as const;
export type AnswersVisible = (typeof ANSWERS_VISIBLE)[number];

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

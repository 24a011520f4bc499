// The tables of a cycle: the cycle, its parties, participants, tasks, answers, sign-offs, deadlines and documents.
import type { Generated } from 'kysely';
import type {
  CycleKind,
  CyclePhase,
  Decision,
  Language,
  Outcome,
  PartyKind,
  Position,
  Role,
  TaskKind,
  TaskStatus,
} from '../../core/contracts';
import type { CycleStatusColumn, ResponseKind, Timestamp, CreatedAt, Json } from './columns';

export interface CyclesTable {
  id: string;
  kind: CycleKind;
  county_code: string;
  title: string;
  period: string;
  secretariat_email: string;
  definition: Json;
  workflow_id: string;
  run_id: string;
  status: Generated<CycleStatusColumn>;
  outcome: Outcome | null;
  started_at: Timestamp;
  completed_at: Timestamp | null;
  phase: Generated<CyclePhase>;
  cancel_reason: string | null;
}

export interface PartiesTable {
  cycle_id: string;
  code: string;
  kind: PartyKind;
  name: string;
  language: Language;
  workflow_id: string;
  position: Position | null;
}

export interface ParticipantsTable {
  id: Generated<string>;
  cycle_id: string;
  party_code: string;
  name: string;
  email: string;
  role: Role;
  language: Language;
  active: Generated<boolean>;
  added_at: CreatedAt;
  replaced_at: Timestamp | null;
  replaced_by: string | null;
  replace_reason: string | null;
}

export interface TasksTable {
  id: string;
  cycle_id: string;
  party_code: string;
  kind: TaskKind;
  status: TaskStatus;
  deadline: Timestamp;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  phase_key: string;
  nominal_deadline: Timestamp;
  deadline_version: Generated<number>;
  document_version: number | null;
}

export interface TaskStatusChangesTable {
  id: Generated<string>;
  task_id: string;
  status: TaskStatus;
  at: Timestamp;
  actor: string;
  event_key: string;
}

export interface ResponsesTable {
  id: Generated<string>;
  task_id: string;
  participant_id: string;
  body: string;
  late: boolean;
  update_id: string;
  received_at: Timestamp;
  kind: Generated<ResponseKind>;
  on_behalf_by: string | null;
  on_behalf_reason: string | null;
}

export interface SignoffsTable {
  id: Generated<string>;
  task_id: string;
  participant_id: string;
  decision: Decision;
  decision_reference: string | null;
  reason: string | null;
  update_id: string;
  signed_at: Timestamp;
  document_sha256: string | null;
  on_behalf_by: string | null;
  on_behalf_reason: string | null;
}

export interface DeadlinesTable {
  cycle_id: string;
  phase_key: string;
  /** A party code, or `*` for every party. */
  scope: string;
  version: number;
  due_at: Timestamp;
  nominal_due_at: Timestamp;
  closes_at: Timestamp;
  reminders: Json;
  planned_at: Timestamp;
}

export interface DocumentsTable {
  cycle_id: string;
  version: number;
  title: string;
  content: string;
  sha256: string;
  published_at: Timestamp;
  published_by: string;
  is_final: Generated<boolean>;
  /** The original as published (drafts stored first); null for the text drafts of earlier cycles. */
  file_sha256: string | null;
  file_name: string | null;
  media_type: string | null;
}

/** What records management files a cycle or a document under (a county's case system imports it). */
export interface RecordsColumns {
  diary_number: string | null;
  publicity: Generated<'public' | 'secret'>;
  /** The legal ground of secrecy, e.g. "JulkL 24 § 1 mom 8 k". */
  secrecy_ground: string | null;
  retention: Generated<string>;
}

/** The agreement a completed cycle issued: a PDF in `files`, and the ledger head its certificate cites. */
export interface AgreementsTable {
  cycle_id: string;
  file_sha256: string;
  document_version: number;
  ledger_seq: number;
  ledger_hash: string;
  issued_at: Timestamp;
}

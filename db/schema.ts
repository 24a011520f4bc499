// The one typed view of Sopu's database. Migrations (db/migrations) are the source of truth for the shape;
// this interface mirrors them for Kysely. Nullable columns are `T | null`, never optional.
import type { ColumnType, Generated, RawBuilder, Selectable } from 'kysely';
import type {
  CycleKind,
  CyclePhase,
  Decision,
  GoalStatus,
  Language,
  Outcome,
  PartyKind,
  Position,
  Role,
  TaskKind,
  TaskStatus,
} from '../core/contracts';

/** The values each CHECK constraint (or the engine, where there is none) allows. */
type CycleStatusColumn = 'running' | 'completed' | 'cancelled';
type ResponseKind = 'answer' | 'no_comments';
type AttendeeSource = 'registration' | 'minutes';
type EmailStatus = 'pending' | 'sent' | 'failed';
type DirectoryRole = Role | 'secretariat';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

interface CyclesTable {
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

interface PartiesTable {
  cycle_id: string;
  code: string;
  kind: PartyKind;
  name: string;
  language: Language;
  workflow_id: string;
  position: Position | null;
}

interface ParticipantsTable {
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

interface TasksTable {
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

interface TaskStatusChangesTable {
  id: Generated<string>;
  task_id: string;
  status: TaskStatus;
  at: Timestamp;
  actor: string;
  event_key: string;
}

interface ResponsesTable {
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

interface SignoffsTable {
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

interface DeadlinesTable {
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

interface DocumentsTable {
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
interface RecordsColumns {
  diary_number: string | null;
  publicity: Generated<'public' | 'secret'>;
  /** The legal ground of secrecy, e.g. "JulkL 24 § 1 mom 8 k". */
  secrecy_ground: string | null;
  retention: Generated<string>;
}

/** The agreement a completed cycle issued: a PDF in `files`, and the ledger head its certificate cites. */
interface AgreementsTable {
  cycle_id: string;
  file_sha256: string;
  document_version: number;
  ledger_seq: number;
  ledger_hash: string;
  issued_at: Timestamp;
}

/** Files by the SHA-256 of their bytes: the claim-check store that histories refer to. */
interface FilesTable {
  sha256: string;
  media_type: string;
  size: number;
  content: Buffer;
  stored_at: Generated<Timestamp>;
}

interface AnswerAttachmentsTable {
  response_id: string;
  position: number;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
}

interface MeetingsTable {
  cycle_id: string;
  version: number;
  starts_at: Timestamp;
  location: string | null;
  link: string | null;
  scheduled_at: Timestamp;
  scheduled_by: string;
}

interface MeetingAttendeesTable {
  id: Generated<string>;
  cycle_id: string;
  party_code: string;
  name: string;
  role: string;
  organisation: string;
  source: AttendeeSource;
  update_id: string;
  position: number;
  recorded_at: Timestamp;
}

interface MinutesTable {
  cycle_id: string;
  meeting_version: number;
  items: Json;
  recorded_at: Timestamp;
  recorded_by: string;
}

interface EmailsTable {
  id: Generated<string>;
  idempotency_key: string;
  kind: Generated<string>;
  cycle_id: string | null;
  task_id: string | null;
  recipient: string;
  subject: string;
  message_id: string;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

interface AuditEventsTable {
  id: Generated<string>;
  cycle_id: string;
  event_key: string;
  at: Timestamp;
  actor: string;
  action: string;
  payload: Json;
  workflow_id: string;
  run_id: string;
  seq: number;
  source_id: string;
  canonical: string;
  prev_hash: string;
  hash: string;
}

interface AuditCheckpointsTable {
  cycle_id: string;
  seq: number;
  head_hash: string;
  reason: string;
  signed_at: Timestamp;
  key_id: string;
  public_key: string;
  signature: string;
}

interface CycleHistoriesTable {
  cycle_id: string;
  workflow_id: string;
  run_id: string;
  history: string;
  sha256: string;
  event_count: number;
  archived_at: Timestamp;
}

type DateColumn = ColumnType<string, string, string>;

interface CountiesTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

interface MunicipalitiesTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  county_code: string;
  language_status: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

interface WebSessionsTable {
  id: string;
  email: string;
  role: 'secretariat' | 'auditor';
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

interface SignInAttemptsTable {
  id: Generated<string>;
  email: string;
  address: string;
  succeeded: boolean;
  at: CreatedAt;
}

interface CouncilTermsTable {
  period: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
}

interface DirectoryEntriesTable {
  party_code: string;
  name: string;
  email: string;
  role: DirectoryRole;
  language: Language | null;
  imported_at: CreatedAt;
}

interface ResponseAreasTable {
  response_id: string;
  area: number;
  text: string | null;
}

interface GoalsTable {
  response_id: string;
  area: number;
  position: number;
  goal: string;
  measure: string | null;
  indicator: string | null;
  baseline: string | null;
  target: string | null;
  target_year: number | null;
  responsible: string | null;
  party_person: string | null;
  county_person: string | null;
}

interface GoalFollowUpsTable {
  response_id: string;
  goal_response_id: string;
  goal_area: number;
  goal_position: number;
  status: GoalStatus;
  current_value: string | null;
  comment: string | null;
}

interface AnswerDraftsTable {
  task_id: string;
  participant_email: string;
  form: Json;
  saved_at: ColumnType<Date, Date | string | undefined, Date | string | RawBuilder<unknown>>;
}

interface WorkflowBundlesTable {
  sha256: string;
  code: string;
  first_seen_at: CreatedAt;
}

/** One run of a calendar schedule: the cycle it started, or what was missing and who was told. */
interface ScheduleRunsTable {
  id: Generated<string>;
  schedule_id: string;
  kind: CycleKind;
  county_code: string;
  period: string;
  at: ColumnType<Date, Date | string, never>;
  outcome: 'started' | 'missing';
  cycle_id: string | null;
  missing: ColumnType<string[], string | undefined, never>;
  told: ColumnType<string[], string | undefined, never>;
}

export interface Database {
  cycles: CyclesTable & RecordsColumns;
  parties: PartiesTable;
  participants: ParticipantsTable;
  tasks: TasksTable;
  task_status_changes: TaskStatusChangesTable;
  responses: ResponsesTable;
  signoffs: SignoffsTable;
  emails: EmailsTable;
  audit_events: AuditEventsTable;
  deadlines: DeadlinesTable;
  documents: DocumentsTable & RecordsColumns;
  agreements: AgreementsTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  minutes: MinutesTable;
  audit_checkpoints: AuditCheckpointsTable;
  cycle_histories: CycleHistoriesTable;
  counties: CountiesTable;
  municipalities: MunicipalitiesTable;
  council_terms: CouncilTermsTable;
  web_sessions: WebSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  directory_entries: DirectoryEntriesTable;
  workflow_bundles: WorkflowBundlesTable;
  response_areas: ResponseAreasTable;
  goals: GoalsTable;
  answer_drafts: AnswerDraftsTable;
  files: FilesTable;
  answer_attachments: AnswerAttachmentsTable;
  goal_follow_ups: GoalFollowUpsTable;
  schedule_runs: ScheduleRunsTable;
}

export type Cycle = Selectable<CyclesTable>;
export type Document = Selectable<DocumentsTable>;

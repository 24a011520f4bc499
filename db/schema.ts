// The one typed view of Sopu's database. Migrations (db/migrations) are the source of truth for the shape;
// this interface mirrors them for Kysely, one file of tables per concern (db/tables/). Nullable columns are
// `T | null`, never optional.
import type { Selectable } from 'kysely';
import type {
  CyclesTable,
  PartiesTable,
  ParticipantsTable,
  TasksTable,
  TaskStatusChangesTable,
  ResponsesTable,
  SignoffsTable,
  DeadlinesTable,
  DocumentsTable,
  RecordsColumns,
  AgreementsTable,
} from './tables/cycle-tables';
import type {
  FilesTable,
  AnswerAttachmentsTable,
  MeetingsTable,
  MeetingAttendeesTable,
  MinutesTable,
  EmailsTable,
  AuditEventsTable,
  AuditCheckpointsTable,
  CycleHistoriesTable,
} from './tables/record-tables';
import type {
  CountiesTable,
  MunicipalitiesTable,
  WebSessionsTable,
  StaffAccountsTable,
  StaffEventsTable,
  PendingRequestsTable,
  SignInAttemptsTable,
  CouncilTermsTable,
  DirectoryEntriesTable,
  DirectoryChangesTable,
  DirectoryCounterpartsTable,
  ResponseAreasTable,
  GoalsTable,
  GoalFollowUpsTable,
  AnswerDraftsTable,
  WorkflowBundlesTable,
  ScheduleRunsTable,
} from './tables/service-tables';
import type { ThlFetchesTable, ThlIndicatorsTable, ThlRegionsTable, ThlValuesTable } from './tables/thl-tables';

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
  staff_accounts: StaffAccountsTable;
  staff_events: StaffEventsTable;
  pending_requests: PendingRequestsTable;
  sign_in_attempts: SignInAttemptsTable;
  directory_entries: DirectoryEntriesTable;
  directory_changes: DirectoryChangesTable;
  directory_counterparts: DirectoryCounterpartsTable;
  workflow_bundles: WorkflowBundlesTable;
  response_areas: ResponseAreasTable;
  goals: GoalsTable;
  thl_indicators: ThlIndicatorsTable;
  thl_regions: ThlRegionsTable;
  thl_values: ThlValuesTable;
  thl_fetches: ThlFetchesTable;
  answer_drafts: AnswerDraftsTable;
  files: FilesTable;
  answer_attachments: AnswerAttachmentsTable;
  goal_follow_ups: GoalFollowUpsTable;
  schedule_runs: ScheduleRunsTable;
}

export type Cycle = Selectable<CyclesTable>;
export type Document = Selectable<DocumentsTable>;

// The tables around the cycles: reference data, web sessions, the directory, goals, drafts, bundles and schedule runs.
import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { CycleKind, GoalStatus, Language, StaffRole } from '../../core/contracts';
import type { DefinitionProblem } from '../../core/domain/definition-problems';
import type { DirectoryRole, Timestamp, CreatedAt, Json, DateColumn } from './columns';

export interface CountiesTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

export interface MunicipalitiesTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  county_code: string;
  language_status: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

export interface WebSessionsTable {
  id: string;
  email: string;
  role: StaffRole;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** The counties the session may see; null: every county. */
  counties: string[] | null;
  provider: Generated<string>;
  /** An identity provider's ID token, for signing out there too. */
  id_token: string | null;
}

export interface StaffAccountsTable {
  email: string;
  role: StaffRole;
  /** null: every county. */
  counties: string[] | null;
  /** scrypt; null for an account that signs in only through the identity provider. */
  password_hash: string | null;
  source: Generated<string>;
  created_at: CreatedAt;
}

/** Every staff sign-in, sign-out and refusal: insert-only. */
export interface StaffEventsTable {
  id: Generated<string>;
  email: string;
  event: 'signed-in' | 'signed-out' | 'refused';
  provider: string;
  address: string;
  reason: string | null;
  role: string | null;
  counties: string[] | null;
  at: CreatedAt;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  email: string;
  address: string;
  succeeded: boolean;
  at: CreatedAt;
}

export interface CouncilTermsTable {
  period: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
}

export interface DirectoryEntriesTable {
  party_code: string;
  name: string;
  email: string;
  role: DirectoryRole;
  language: Language | null;
  imported_at: CreatedAt;
  changed_by: Generated<string>;
}

/** Every change to the directory, kept: insert-only. */
export interface DirectoryChangesTable {
  id: Generated<string>;
  party_code: string;
  action: 'added' | 'changed' | 'removed' | 'imported' | 'pair-set' | 'pair-removed';
  before: Json | null;
  after: Json | null;
  by: string;
  at: CreatedAt;
}

/** A municipality's counterpart pair (vastinpari) in one cooperation area: its person and the county's. */
export interface DirectoryCounterpartsTable {
  party_code: string;
  area: string;
  municipality_name: string;
  municipality_email: string;
  county_name: string;
  county_email: string;
  changed_by: string;
  changed_at: CreatedAt;
}

export interface ResponseAreasTable {
  response_id: string;
  area: number;
  text: string | null;
}

export interface GoalsTable {
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
  /** The THL (Sotkanet) indicator the goal follows, by its id there. */
  thl_indicator: number | null;
}

export interface GoalFollowUpsTable {
  response_id: string;
  goal_response_id: string;
  goal_area: number;
  goal_position: number;
  status: GoalStatus;
  current_value: string | null;
  comment: string | null;
}

export interface AnswerDraftsTable {
  task_id: string;
  participant_email: string;
  form: Json;
  saved_at: ColumnType<Date, Date | string | undefined, Date | string | RawBuilder<unknown>>;
}

export interface WorkflowBundlesTable {
  sha256: string;
  code: string;
  first_seen_at: CreatedAt;
}

/** One run of a calendar schedule: the cycle it started, or what was missing and who was told. */
export interface ScheduleRunsTable {
  id: Generated<string>;
  schedule_id: string;
  kind: CycleKind;
  county_code: string;
  period: string;
  at: ColumnType<Date, Date | string, never>;
  outcome: 'started' | 'missing';
  cycle_id: string | null;
  missing: ColumnType<string[], string | undefined, never>;
  problems: ColumnType<DefinitionProblem[], string | undefined, never>;
  told: ColumnType<string[], string | undefined, never>;
}

/** A request to a cycle sent but not confirmed yet (kept until its outcome is known). */
export interface PendingRequestsTable {
  update_id: string;
  cycle_id: string;
  control: string;
  by: string;
  sent_at: CreatedAt;
}

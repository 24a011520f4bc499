// The words of the domain that every contract uses: languages, kinds, roles, statuses, and the small value
// types (deadlines, documents, meetings) that travel between workflows, activities and clients.

export const LANGUAGES = ['fi', 'sv', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const CYCLE_KINDS = ['term', 'annual', 'hus', 'ministry', 'theme'] as const;

/** `term`: hyvinvointialuelaki 611/2021 §14, once per council term. `annual`: 612/2021 §7, every year.
 * `hus`: the City of Helsinki and the HUS group, every year (612/2021 §6(5)). `ministry`: the Ministries of Finance,
 * Social Affairs and Health and the Interior with a county, every year (611/2021 §13 a). `theme`: a negotiation on
 * a single theme, with any of a county's parties, outside the statutory count. */
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const PARTY_KINDS = ['county', 'municipality', 'organisation', 'ministry'] as const;

export type PartyKind = (typeof PARTY_KINDS)[number];

export const ROLES = ['contact', 'signatory', 'member'] as const;

export type Role = (typeof ROLES)[number];

/** What a staff member does on the web: steer cycles, read them, or keep the staff accounts. */
export const STAFF_ROLES = ['secretariat', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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
  /** Of the original bytes as published. */
  sha256: string;
  /** Absent for the text drafts of histories recorded before files were stored first. */
  mediaType?: MediaType;
}

export const MEDIA_TYPES = [
  'text/markdown',
  'text/plain',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
] as const;

export type MediaType = (typeof MEDIA_TYPES)[number];

/** A file stored in PostgreSQL before a workflow hears of it (claim check): what travels through histories is this
 * reference, never the bytes. Content-addressed: the SHA-256 is both the key and the check. */
export interface FileRef {
  sha256: string;
  name: string;
  mediaType: MediaType;
  bytes: number;
}

export interface MeetingInfo {
  version: number;
  startsAt: string;
  location: string | null;
  link: string | null;
}

export interface Attendee {
  name: string;
  role: string;
  organisation: string;
}

export interface MinutesItem {
  number: number;
  title: string;
  conclusion: string;
}

/** A message the mail server refused for good; the secretariat sees these in the cycle's status. */
export interface MailFailure {
  partyCode: string | null;
  to: string;
  kind: string;
  error: string;
}

/** How a party reports on a goal it set in an earlier cycle. */
export const GOAL_STATUSES = ['achieved', 'on_track', 'delayed', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

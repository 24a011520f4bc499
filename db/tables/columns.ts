// Column types shared by every table: timestamps, JSON, dates, and the values each CHECK constraint (or the engine,
// where there is none) allows.
import type { ColumnType } from 'kysely';
import type { Role } from '../../core/contracts';

export type CycleStatusColumn = 'running' | 'completed' | 'cancelled';
export type ResponseKind = 'answer' | 'no_comments';
export type AttendeeSource = 'registration' | 'minutes';
export type EmailStatus = 'pending' | 'sent' | 'failed';
export type DirectoryRole = Role | 'secretariat';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Json = ColumnType<unknown, string, string>;
export type DateColumn = ColumnType<string, string, string>;

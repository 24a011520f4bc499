// The tables of what a cycle keeps besides: files, attachments, the meeting, mail, the ledger and archived histories.
import type { Generated } from 'kysely';
import type { AttendeeSource, EmailStatus, Timestamp, CreatedAt, Json } from './columns';

/** Files by the SHA-256 of their bytes: the claim-check store that histories refer to. */
export interface FilesTable {
  sha256: string;
  media_type: string;
  size: number;
  content: Buffer;
  stored_at: Generated<Timestamp>;
}

export interface AnswerAttachmentsTable {
  response_id: string;
  position: number;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
}

export interface MeetingsTable {
  cycle_id: string;
  version: number;
  starts_at: Timestamp;
  location: string | null;
  link: string | null;
  scheduled_at: Timestamp;
  scheduled_by: string;
}

export interface MeetingAttendeesTable {
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

export interface MinutesTable {
  cycle_id: string;
  meeting_version: number;
  items: Json;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface EmailsTable {
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

export interface AuditEventsTable {
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

export interface AuditCheckpointsTable {
  cycle_id: string;
  seq: number;
  head_hash: string;
  reason: string;
  signed_at: Timestamp;
  key_id: string;
  public_key: string;
  signature: string;
  /** The Merkle tree root of lines 1..seq (RFC 9162); null for checkpoints signed before tree heads. */
  tree_root: string | null;
  /** The tree's right edge at seq (db/merkle.ts Frontier roots, JSON), from which the next checkpoint goes on. */
  tree_frontier: string | null;
}

export interface CycleHistoriesTable {
  cycle_id: string;
  workflow_id: string;
  run_id: string;
  history: string;
  sha256: string;
  event_count: number;
  archived_at: Timestamp;
}

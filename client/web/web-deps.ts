// What every page of the web server is given: the Temporal client, the database and the settings it reads. Pages
// import this, never the server module that registers them.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { SopuConfig } from '../../core/config';
import type { Database } from '../../db/schema';

export interface WebDeps {
  client: Client;
  db: Kysely<Database>;
  /** `thlUrl` null: THL's figures switched off (unset: on). */
  config: Pick<SopuConfig, 'linkKeys' | 'web' | 'publicUrl'> & { thlUrl?: string | null };
  /** Where started cycles run; the default queue unless a test isolates its worker. */
  taskQueue?: string;
  /** The public key that signs the ledger (from SOPU_AUDIT_KEY): the auditor's page verifies the record with it.
   * Null where the web server is not told it. */
  auditPublicKeyPem?: string | null;
  /** How long a person waits for Temporal's answer before "not confirmed yet"; DEFAULT_WAIT_MS when not given. */
  answerWaitMs?: number;
}

/** Largest form without files. Files (a cycle file, drafts, attachments) have their own limits, below. */
export const MAX_UPLOAD_BYTES = 1_048_576;

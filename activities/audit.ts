import { Context } from '@temporalio/activity';
import type { Kysely, Transaction } from 'kysely';
import { appendLedgerEvent, canonicalJson, sha256Hex, type AuditSigner } from '../db/ledger';
import type { Database } from '../db/schema';

/** The SHA-256 of an Update's argument as canonical JSON: the ledger's link to the accepted Update in history. */
export const requestSha256 = (request: unknown): string | null =>
  request === undefined || request === null ? null : sha256Hex(canonicalJson(request));

export interface AuditEntry {
  cycleId: string;
  /** Deterministic per state change, so a retried activity cannot record it twice. */
  eventKey: string;
  at: string;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
}

/** The workflow run that called the current activity; Sopu's activities are never run standalone. */
export function callingWorkflow(): { workflowId: string; runId: string } {
  const execution = Context.current().info.workflowExecution;
  if (!execution) throw new Error('this activity must be called from a workflow');
  return execution;
}

/** Records one state change in the cycle's ledger, tagged with the workflow run it came from; `signer` signs the
 * chain head at milestones. */
export async function appendAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  signer: AuditSigner | null,
): Promise<void> {
  const run = callingWorkflow();
  const write = (trx: Transaction<Database>) =>
    appendLedgerEvent(
      trx,
      { ...entry, sourceId: entry.eventKey, workflowId: run.workflowId, runId: run.runId },
      signer,
    );
  if (db.isTransaction) await write(db as Transaction<Database>);
  else await (db as Kysely<Database>).transaction().execute(write);
}

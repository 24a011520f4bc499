import { Context } from '@temporalio/activity';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

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

/** Records one state change, in the caller's transaction, tagged with the workflow run it came from. */
export async function appendAuditEvent(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  const workflowExecution = callingWorkflow();
  await db
    .insertInto('audit_events')
    .values({
      cycle_id: entry.cycleId,
      event_key: entry.eventKey,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      payload: JSON.stringify(entry.payload),
      workflow_id: workflowExecution.workflowId,
      run_id: workflowExecution.runId,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'event_key']).doNothing())
    .execute();
}

// Verifies a cycle straight from the database: the same checks as an export, plus that each ledger row's columns
// still say what its chained canonical text says (an UPDATE by a superuser that bypassed the trigger shows here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WorkflowBundle } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { ledgerRows } from '../../db/audit-record';
import { canonicalJson, type LedgerEvent } from '../../db/ledger';
import type { Database } from '../../db/schema';
import { exportCycle } from './export';
import { verifyExport } from './verify';

export async function verifyLive(
  db: Kysely<Database>,
  cycleId: string,
  options: { workflowBundle?: WorkflowBundle } = {},
): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopu-verify-'));
  try {
    await exportCycle(db, cycleId, dir);
    const problems = await verifyExport(dir, options);
    const rows = await ledgerRows(db, cycleId);
    for (const row of rows) {
      const event = JSON.parse(row.canonical) as LedgerEvent;
      const columns = {
        seq: row.seq,
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        payload: canonicalJson(row.payload),
        workflowId: row.workflow_id,
        runId: row.run_id,
      };
      const chained = {
        seq: event.seq,
        at: event.at,
        actor: event.actor,
        action: event.action,
        payload: canonicalJson(event.payload),
        workflowId: event.workflowId,
        runId: event.runId,
      };
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        if (columns[key] !== chained[key])
          problems.push(`audit_events id ${row.id} (seq ${row.seq}): column ${key} differs from the chained record`);
      }
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

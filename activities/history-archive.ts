// Copies closed workflows' full histories into Postgres (JSON, with SHA-256), the record auditors rely on after
// Temporal has forgotten them.
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { insertHistory } from '../db/cycle-records';
import { CLOSING_ACTION, sha256Hex } from '../db/ledger';
import { appendAuditEvent } from './audit';
import type { ActivityDeps } from './deps';

export function historyArchiveActivities({ db, temporal, auditSigner }: ActivityDeps) {
  return {
    /** Returns how many histories it stored; fails (and is retried) while any workflow is still running. */
    async archiveHistories(cycleId: string, workflowIds: string[]): Promise<number> {
      if (!temporal) throw new Error('the worker has no Temporal client for archiving');
      const runs = [];
      for (const workflowId of workflowIds) {
        const handle = temporal.workflow.getHandle(workflowId);
        const description = await handle.describe();
        if (description.status.name === 'RUNNING') throw new Error(`${workflowId} is still running`);
        runs.push({ workflowId, runId: description.runId, json: historyToJSON(await handle.fetchHistory()) });
      }
      const archived = runs.map((run) => ({
        workflowId: run.workflowId,
        runId: run.runId,
        sha256: sha256Hex(run.json),
      }));
      for (const [i, run] of runs.entries()) {
        const events = (JSON.parse(run.json) as { events: unknown[] }).events.length;
        await insertHistory(db, { cycleId, ...run, sha256: archived[i]!.sha256, events });
      }
      // Every workflow of the cycle has closed: nothing more will be recorded. The closing line names the histories.
      await appendAuditEvent(
        db,
        {
          cycleId,
          eventKey: CLOSING_ACTION,
          at: new Date().toISOString(),
          actor: 'system',
          action: CLOSING_ACTION,
          payload: { histories: archived },
        },
        auditSigner,
      );
      return runs.length;
    },
  };
}

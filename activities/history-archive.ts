// Copies closed workflows' full histories into Postgres (JSON, with SHA-256), the record auditors rely on after
// Temporal has forgotten them.
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { insertHistory } from '../db/cycle-records';
import { sha256Hex } from '../db/ledger';
import type { ActivityDeps } from './deps';

export function historyArchiveActivities({ db, temporal }: ActivityDeps) {
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
      for (const run of runs) {
        const events = (JSON.parse(run.json) as { events: unknown[] }).events.length;
        await insertHistory(db, { cycleId, ...run, sha256: sha256Hex(run.json), events });
      }
      return runs.length;
    },
  };
}

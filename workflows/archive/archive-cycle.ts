// Archives a cycle's Temporal histories into Postgres once every one of its workflows has closed, so audits work
// after Temporal's retention has deleted them. Started by the cycle as its last step and left running after it.
import { archiveHistories } from '../activity-proxies';

export async function archiveCycle(cycleId: string, workflowIds: string[]): Promise<number> {
  return archiveHistories(cycleId, workflowIds);
}

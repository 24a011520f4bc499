// Archives a cycle's Temporal histories into Postgres once every one of its workflows has closed, so audits work
// after Temporal's retention has deleted them. Started by the cycle as its last step and left running after it.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

const { archiveHistories } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  // The cycle is still closing when this starts: retry until Temporal reports every workflow closed.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export async function archiveCycle(cycleId: string, workflowIds: string[]): Promise<number> {
  return archiveHistories(cycleId, workflowIds);
}

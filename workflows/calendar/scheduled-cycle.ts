// Started by a Temporal Schedule: builds the county's cycle from the directory and starts it, once per period.
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { buildScheduledCycle } from '../activity-proxies';
import { WORKFLOW_TASK_TIMEOUT, cycleWorkflowId, type CycleKind } from '../../core/contracts';
import { negotiationCycle } from '../cycle/negotiation-cycle';
import { SEARCH_ATTRIBUTES } from '../../core/contracts/search-attributes';

export type ScheduledCycleResult = { started: string } | { alreadyExists: string } | { missing: string[] };

export async function scheduledCycle(request: { countyCode: string; kind: CycleKind }): Promise<ScheduledCycleResult> {
  const built = await buildScheduledCycle({ ...request, at: new Date().toISOString() });
  if ('missing' in built) return { missing: built.missing };
  const { input } = built;
  try {
    await startChild(negotiationCycle, {
      workflowId: cycleWorkflowId(input.cycleId),
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      args: [input],
      // The cycle outlives this short workflow; one cycle per county, kind and period, ever.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.kind, value: input.kind },
        { key: SEARCH_ATTRIBUTES.county, value: input.countyCode },
        { key: SEARCH_ATTRIBUTES.period, value: input.period },
        { key: SEARCH_ATTRIBUTES.phase, value: 'preparation' },
      ],
    });
    return { started: input.cycleId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { alreadyExists: input.cycleId };
    throw err;
  }
}

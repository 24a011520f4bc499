// Asking for THL's figures: a fetch now (a secretariat's button, the CLI, a participant's newly chosen indicator),
// and the nightly Temporal Schedule that keeps them fresh. Both start the `thlFigures` workflow; nothing here talks
// to THL itself.
import {
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  WorkflowIdConflictPolicy,
  type Client,
} from '@temporalio/client';
import {
  THL_FETCH_NOW_WORKFLOW_ID,
  THL_SCHEDULE_ID,
  TIME_ZONE,
  WORKFLOW_TYPE,
  type ThlFiguresRequest,
  type ThlFiguresResult,
} from '../core/contracts';
import type { thlFigures } from '../workflows/thl/thl-figures';

/** Starts a fetch, or joins the one already running for the same indicators: a repeated click starts nothing more. */
export async function fetchThlFiguresNow(
  client: Client,
  taskQueue: string,
  request: ThlFiguresRequest = {},
): Promise<{ workflowId: string; result: () => Promise<ThlFiguresResult> }> {
  const ids = [...new Set(request.indicators ?? [])].sort((a, b) => a - b);
  const workflowId = ids.length ? `${THL_FETCH_NOW_WORKFLOW_ID}-${ids.join('-')}` : THL_FETCH_NOW_WORKFLOW_ID;
  const handle = await client.workflow.start<typeof thlFigures>(WORKFLOW_TYPE.thlFigures, {
    workflowId,
    taskQueue,
    args: [{ ...request, ...(ids.length ? { indicators: ids } : {}) }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
  return { workflowId, result: () => handle.result() };
}

/** The nightly fetch at 04:15 Helsinki time: created once, left alone when it exists. */
export async function installThlSchedule(client: Client, taskQueue: string): Promise<'created' | 'unchanged'> {
  const handle = client.schedule.getHandle(THL_SCHEDULE_ID);
  try {
    await handle.describe();
    return 'unchanged';
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
  await client.schedule.create({
    scheduleId: THL_SCHEDULE_ID,
    spec: { calendars: [{ hour: 4, minute: 15, comment: 'THL figures, nightly' }], timezone: TIME_ZONE },
    action: {
      type: 'startWorkflow',
      workflowType: WORKFLOW_TYPE.thlFigures,
      args: [{}] as Parameters<typeof thlFigures>,
      taskQueue,
      workflowId: `${THL_SCHEDULE_ID}-run`,
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  });
  return 'created';
}

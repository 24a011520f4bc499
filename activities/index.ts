// The activity factory: the worker builds the dependencies once and every activity closes over them.
import { agreementActivities } from './agreement';
import { cycleRecordActivities } from './cycle-records';
import { historyArchiveActivities } from './history-archive';
import { scheduledCycleActivities } from './scheduled-cycles';
import type { ActivityDeps } from './deps';
import { notificationActivities } from './notifications';
import { planningActivities } from './planning';
import { taskRecordActivities } from './task-records';
import { thlActivities } from './thl/thl-figures';

export function createActivities(deps: ActivityDeps) {
  return {
    ...cycleRecordActivities(deps),
    ...agreementActivities(deps),
    ...taskRecordActivities(deps),
    ...planningActivities(deps),
    ...notificationActivities(deps),
    ...historyArchiveActivities(deps),
    ...scheduledCycleActivities(deps),
    ...thlActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps';

// Deadline planning runs as an activity so that the plan (holiday tables, time-zone rules, the clock's speed) is
// recorded in history and never recomputed on replay. Every planned instant is also stored in Postgres.
import { insertDeadline } from '../db/cycle-records';
import type { Deadline, PlanRequest } from '../core/contracts';
import type { ActivityDeps } from './deps';
import { planDeadline } from '../core/domain/deadline-plan';

export function planningActivities({ db, clock }: ActivityDeps) {
  return {
    async planDeadline(request: PlanRequest): Promise<Deadline> {
      const deadline = planDeadline(clock, request);
      await insertDeadline(db, {
        cycleId: request.cycleId,
        phaseKey: request.phaseKey,
        scope: request.scope,
        version: request.version,
        dueAt: deadline.at,
        nominalDueAt: deadline.nominal,
        closesAt: deadline.closesAt.at,
        reminders: deadline.reminders,
        plannedAt: request.openedAt,
      });
      return deadline;
    },
  };
}

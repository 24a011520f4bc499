// Deadline planning runs as an activity so that the plan (holiday tables, time-zone rules, the clock's speed) is
// recorded in history and never recomputed on replay. Every planned instant is also stored in Postgres.
import { DateTime } from 'luxon';
import type { Deadline, Schedule } from '../workflows/contracts';
import { addWorkingDays, atTime, onOrAfterWorkingDay } from './calendar/working-days';
import { planned, toNominal, type CycleClock } from './calendar/clock';
import type { ActivityDeps } from './deps';

/** Reminders go out in the morning of their working day. */
export const REMINDER_TIME = '09:00';

export interface PlanRequest {
  cycleId: string;
  /** The cycle's start: the origin of the nominal calendar on an accelerated clock. */
  epoch: string;
  phaseKey: string;
  /** A party code, or `*` for all parties. */
  scope: string;
  version: number;
  /** Real instant the phase (or extension) takes effect. */
  openedAt: string;
  /** Working days after `after` (a nominal instant; default the nominal `openedAt`), or a fixed nominal instant. */
  due: { workingDays: number; after?: string } | { nominal: string };
  schedule: Pick<Schedule, 'lateDays' | 'reminderDays' | 'closingTime'>;
}

export function planDeadline(clock: CycleClock, request: PlanRequest): Deadline {
  const opened = toNominal(clock, request.epoch, request.openedAt);
  const { closingTime, lateDays, reminderDays } = request.schedule;
  const dueNominal =
    'nominal' in request.due
      ? DateTime.fromISO(request.due.nominal)
      : atTime(addWorkingDays(request.due.after ? DateTime.fromISO(request.due.after) : opened, request.due.workingDays), closingTime);
  const closes = atTime(addWorkingDays(onOrAfterWorkingDay(dueNominal), lateDays), closingTime);
  const reminders = [...new Set(reminderDays)]
    .sort((a, b) => b - a)
    .map((n) => ({ n, when: atTime(addWorkingDays(dueNominal, -n), REMINDER_TIME) }))
    .filter(({ when }) => when > opened && when < dueNominal)
    .map(({ n, when }) => ({ ...planned(clock, request.epoch, when), workingDaysBefore: n }));
  return {
    ...planned(clock, request.epoch, dueNominal),
    version: request.version,
    reminders,
    closesAt: planned(clock, request.epoch, closes > dueNominal ? closes : dueNominal),
  };
}

export function planningActivities({ db, clock }: ActivityDeps) {
  return {
    async planDeadline(request: PlanRequest): Promise<Deadline> {
      const deadline = planDeadline(clock, request);
      await db
        .insertInto('deadlines')
        .values({
          cycle_id: request.cycleId,
          phase_key: request.phaseKey,
          scope: request.scope,
          version: request.version,
          due_at: deadline.at,
          nominal_due_at: deadline.nominal,
          closes_at: deadline.closesAt.at,
          reminders: JSON.stringify(deadline.reminders),
          planned_at: request.openedAt,
        })
        .onConflict((oc) => oc.columns(['cycle_id', 'phase_key', 'scope', 'version']).doNothing())
        .execute();
      return deadline;
    },
  };
}

// A deadline's plan: when it falls, when its reminders go out and when its phase closes by itself, on the working-day
// calendar and the cycle's clock. Pure, so the planning activity records it and tests check it without services.
import { DateTime } from 'luxon';
import type { Deadline, PlanRequest } from '../contracts';
import { planned, toNominal, type CycleClock } from './clock';
import { addWorkingDays, atTime, onOrAfterWorkingDay } from './working-days';

/** Reminders go out in the morning of their working day. */
export const REMINDER_TIME = '09:00';

export function planDeadline(clock: CycleClock, request: PlanRequest): Deadline {
  const opened = toNominal(clock, request.epoch, request.openedAt);
  const { closingTime, lateDays, reminderDays } = request.schedule;
  const dueNominal =
    'nominal' in request.due
      ? DateTime.fromISO(request.due.nominal)
      : atTime(
          addWorkingDays(request.due.after ? DateTime.fromISO(request.due.after) : opened, request.due.workingDays),
          closingTime,
        );
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

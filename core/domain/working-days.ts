// Working days for statutory time limits (Act 150/1930 §5): Saturdays, Sundays, church holidays, Independence
// Day, May Day, Christmas Eve and Midsummer Eve are not working days; New Year's Eve is. date-holidays lists the
// public holidays; it marks Christmas Eve and Midsummer Eve as `bank`, and New Year's Eve too, which is wrong here.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../contracts';

const finland = new Holidays('FI');
const closedDaysByYear = new Map<number, Set<string>>();

function isStatutoryEve(date: DateTime): boolean {
  const christmasEve = date.month === 12 && date.day === 24;
  const midsummerEve = date.month === 6 && date.weekday === 5 && date.day >= 19 && date.day <= 25;
  return christmasEve || midsummerEve;
}

function closedDays(year: number): Set<string> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set(
      finland
        .getHolidays(year)
        .map((h) => ({ type: h.type, date: DateTime.fromISO(h.date.slice(0, 10), { zone: TIME_ZONE }) }))
        .filter((h) => h.type === 'public' || (h.type === 'bank' && isStatutoryEve(h.date)))
        .map((h) => h.date.toISODate()!),
    );
    closedDaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: DateTime): boolean {
  const local = date.setZone(TIME_ZONE);
  return local.weekday <= 5 && !closedDays(local.year).has(local.toISODate()!);
}

/** The n-th working day after `from`'s date (its own date not counted), at the same time of day. */
export function addWorkingDays(from: DateTime, n: number): DateTime {
  let date = from.setZone(TIME_ZONE);
  const step = n >= 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    date = date.plus({ days: step });
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** `date` itself when it is a working day, otherwise the next one (§5: the act may be done then). */
export function onOrAfterWorkingDay(date: DateTime): DateTime {
  let day = date.setZone(TIME_ZONE);
  while (!isWorkingDay(day)) day = day.plus({ days: 1 });
  return day;
}

/** Working days strictly after `from`'s date up to and including `to`'s date. */
export function workingDaysBetween(from: DateTime, to: DateTime): number {
  let count = 0;
  for (let day = from.setZone(TIME_ZONE).startOf('day').plus({ days: 1 }); day <= to; day = day.plus({ days: 1 })) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}

export function atTime(date: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return date.setZone(TIME_ZONE).set({ hour, minute, second: 0, millisecond: 0 });
}

// Act 150/1930 §5 with fixed dates: Easter and Midsummer 2026, Christmas 2026 and 2027.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planDeadline } from '../../core/domain/deadline-plan';
import { addWorkingDays, isWorkingDay, onOrAfterWorkingDay, workingDaysBetween } from '../../core/domain/working-days';

const day = (iso: string) => DateTime.fromISO(`${iso}T12:00`, { zone: 'Europe/Helsinki' });
const dates = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d = d.plus({ days: 1 })) if (isWorkingDay(d)) out.push(d.toISODate()!);
  return out;
};

describe('working days', () => {
  it('skips Good Friday and Easter Monday 2026', () => {
    expect(dates('2026-04-01', '2026-04-08')).toEqual(['2026-04-01', '2026-04-02', '2026-04-07', '2026-04-08']);
  });

  it('skips Midsummer Eve (Friday 19.6.2026) but not the Thursday before', () => {
    expect(dates('2026-06-17', '2026-06-23')).toEqual(['2026-06-17', '2026-06-18', '2026-06-22', '2026-06-23']);
  });

  it('skips Christmas Eve, Christmas Day and Boxing Day 2026; keeps New Year’s Eve; skips New Year’s Day and Epiphany', () => {
    expect(dates('2026-12-21', '2027-01-08')).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
    ]);
  });

  it('keeps Friday 31.12.2027 and skips Friday 24.12.2027', () => {
    expect(isWorkingDay(day('2027-12-24'))).toBe(false);
    expect(isWorkingDay(day('2027-12-31'))).toBe(true);
    expect(dates('2027-12-23', '2027-12-31')).toEqual([
      '2027-12-23',
      '2027-12-27',
      '2027-12-28',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
    ]);
  });

  it('skips May Day, Independence Day and All Saints’ Day (Saturday 31.10.2026)', () => {
    expect(isWorkingDay(day('2026-05-01'))).toBe(false);
    expect(isWorkingDay(day('2026-12-06'))).toBe(false);
    expect(isWorkingDay(day('2026-10-31'))).toBe(false);
    expect(isWorkingDay(day('2026-10-30'))).toBe(true);
  });

  it('counts working days forward and backward across holidays', () => {
    expect(addWorkingDays(day('2026-04-02'), 1).toISODate()).toBe('2026-04-07');
    expect(addWorkingDays(day('2026-12-23'), 2).toISODate()).toBe('2026-12-29');
    expect(addWorkingDays(day('2026-12-29'), -2).toISODate()).toBe('2026-12-23');
    expect(onOrAfterWorkingDay(day('2026-06-19')).toISODate()).toBe('2026-06-22');
    expect(workingDaysBetween(day('2026-12-23'), day('2026-12-31'))).toBe(4);
  });
});

describe('deadline plan', () => {
  const schedule = { lateDays: 5, reminderDays: [5, 1], closingTime: '16:00' };

  it('puts a 10-working-day deadline over Christmas at 16:00 Helsinki time, with reminders 5 and 1 working days before at 09:00', () => {
    const openedAt = '2026-12-18T10:00:00.000Z';
    const plan = planDeadline(
      { speed: 1 },
      {
        cycleId: 'c',
        epoch: openedAt,
        phaseKey: 'preparation',
        scope: '*',
        version: 1,
        openedAt,
        due: { workingDays: 10 },
        schedule,
      },
    );
    // 21, 22, 23, 28, 29, 30, 31.12 (1.1 holiday, weekend), 4.1, 5.1, (6.1 Epiphany) 7.1.2027 is the tenth.
    expect(plan.nominal).toBe('2027-01-07T14:00:00.000Z');
    expect(plan.at).toBe(plan.nominal);
    expect(plan.reminders.map((r) => [r.workingDaysBefore, r.nominal])).toEqual([
      [5, '2026-12-29T07:00:00.000Z'],
      [1, '2027-01-05T07:00:00.000Z'],
    ]);
    expect(plan.closesAt.nominal).toBe('2027-01-14T14:00:00.000Z');
  });

  it('honours a summer-time closing time and drops reminders that would fall before the phase opens', () => {
    const openedAt = '2026-06-16T06:00:00.000Z';
    const plan = planDeadline(
      { speed: 1 },
      {
        cycleId: 'c',
        epoch: openedAt,
        phaseKey: 'round-1',
        scope: '*',
        version: 1,
        openedAt,
        due: { workingDays: 3 },
        schedule,
      },
    );
    // 17, 18, (19 Midsummer Eve, 20, 21) 22.6 at 16:00 EEST = 13:00 UTC.
    expect(plan.nominal).toBe('2026-06-22T13:00:00.000Z');
    expect(plan.reminders.map((r) => r.workingDaysBefore)).toEqual([1]);
  });

  it('runs the same calendar on an accelerated clock: one nominal day per real second', () => {
    const epoch = '2026-12-18T10:00:00.000Z';
    const plan = planDeadline(
      { speed: 86_400 },
      {
        cycleId: 'c',
        epoch,
        phaseKey: 'preparation',
        scope: '*',
        version: 1,
        openedAt: epoch,
        due: { workingDays: 10 },
        schedule,
      },
    );
    expect(plan.nominal).toBe('2027-01-07T14:00:00.000Z');
    const realSeconds = (Date.parse(plan.at) - Date.parse(epoch)) / 1000;
    expect(realSeconds).toBeCloseTo((Date.parse(plan.nominal) - Date.parse(epoch)) / 86_400_000, 3);
  });
});

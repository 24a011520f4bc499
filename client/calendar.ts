// The statutory calendar as Temporal Schedules (Europe/Helsinki). Per county: an annual §7 cycle on a set day, a
// §14 term cycle at a set point of each council term, and the ministries' yearly §13 a negotiation; for Helsinki,
// its yearly negotiation with HUS (612/2021 §6(5)). Installing is idempotent: an unchanged schedule is left alone, a
// changed one is updated in place. A county whose directory names no secretariat is refused unless told otherwise:
// nobody would hear of its failed starts.
import { createHash } from 'node:crypto';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type CalendarSpec, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { MONTHS } from '@temporalio/client/lib/schedule-types';
import { HELSINKI } from '../core/domain/national-parties';
import type { Database } from '../db/schema';
import { councilTerms } from '../db/reference-store';
import { hasSecretariat } from '../db/directory';
import { latestScheduleRuns, type ScheduleRun } from '../db/schedule-runs';
import { cyclesOfPeriod } from '../db/web-queries';
import type { scheduledCycle } from '../workflows/calendar/scheduled-cycle';
import { TASK_QUEUE, TIME_ZONE, WORKFLOW_TYPE, scheduleId, scheduleOf, type CycleKind } from '../core/contracts';

/** A day and time of the year, Helsinki time. */
export interface YearlyAt {
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

export interface CalendarSettings {
  /** The annual cycle's day and time (and Helsinki's with HUS). */
  annual: YearlyAt;
  /** The term cycle starts this many months after each council term begins, at 09:00. */
  termOffsetMonths: number;
  /** The ministries' yearly negotiation with each county: the county's preparation starts then. */
  ministry?: YearlyAt;
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  annual: { month: 9, day: 1, hour: 9, minute: 0 },
  termOffsetMonths: 6,
  ministry: { month: 8, day: 15, hour: 9, minute: 0 },
};

/** Counties the calendar does not cover, and why; said out loud rather than skipped by accident. */
export const NOT_SCHEDULED: Record<string, string> = {
  '91': 'Åland is outside the wellbeing services county system',
};

interface Planned {
  scheduleId: string;
  kind: CycleKind;
  countyCode: string;
  calendars: CalendarSpec[];
}

const yearly = ({ month, day, hour, minute, second = 0 }: YearlyAt): CalendarSpec[] => [
  { month: MONTHS[month - 1]!, dayOfMonth: day, hour, minute, second },
];

async function plan(db: Kysely<Database>, countyCode: string, settings: CalendarSettings): Promise<Planned[]> {
  const planned = (kind: CycleKind, calendars: CalendarSpec[]): Planned => ({
    scheduleId: scheduleId(kind, countyCode),
    kind,
    countyCode,
    calendars,
  });
  // Helsinki is no county: neither §14 nor §7 applies to it, but it negotiates with HUS every year (§6(5)).
  if (countyCode === HELSINKI.county) return [planned('hus', yearly(settings.annual))];
  const terms = await councilTerms(db);
  return [
    planned('annual', yearly(settings.annual)),
    planned(
      'term',
      terms.map((t) => {
        const at = DateTime.fromISO(t.startsOn, { zone: TIME_ZONE }).plus({ months: settings.termOffsetMonths });
        return { year: at.year, month: MONTHS[at.month - 1]!, dayOfMonth: at.day, hour: 9, minute: 0, second: 0 };
      }),
    ),
    planned('ministry', yearly(settings.ministry ?? DEFAULT_CALENDAR.ministry!)),
  ];
}

const fingerprint = (p: Planned, taskQueue: string) =>
  createHash('sha256')
    .update(JSON.stringify({ calendars: p.calendars, kind: p.kind, county: p.countyCode, taskQueue }))
    .digest('hex')
    .slice(0, 16);

export type InstallResult =
  | { scheduleId: string; result: 'created' | 'updated' | 'unchanged' }
  | { countyCode: string; skipped: string }
  | { countyCode: string; refused: string };

export async function installCalendar(
  client: Client,
  db: Kysely<Database>,
  counties: string[],
  settings: CalendarSettings = DEFAULT_CALENDAR,
  taskQueue = TASK_QUEUE,
  options: { allowIncomplete?: boolean } = {},
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const countyCode of counties) {
    if (NOT_SCHEDULED[countyCode]) {
      results.push({ countyCode, skipped: NOT_SCHEDULED[countyCode] });
      continue;
    }
    if (!options.allowIncomplete && !(await hasSecretariat(db, countyCode))) {
      results.push({
        countyCode,
        refused: `the directory names no secretariat for ${countyCode}: its scheduled negotiations could not start and nobody there would be told. Import the directory first (npx sopu directory import <file.csv>), or install with --allow-incomplete (the operator, SOPU_OPERATOR_EMAIL, is then told of each failed start)`,
      });
      continue;
    }
    for (const p of await plan(db, countyCode, settings)) {
      const mark = `sopu:${fingerprint(p, taskQueue)}`;
      const calendars = p.calendars.map((c, i) => (i === 0 ? { ...c, comment: mark } : c));
      const options = {
        spec: { calendars, timezone: TIME_ZONE },
        action: {
          type: 'startWorkflow' as const,
          workflowType: WORKFLOW_TYPE.scheduledCycle,
          args: [{ countyCode, kind: p.kind }] as Parameters<typeof scheduledCycle>,
          taskQueue,
          workflowId: `${p.scheduleId}-run`,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      };
      const handle = client.schedule.getHandle(p.scheduleId);
      try {
        const described = await handle.describe();
        if (described.spec.calendars?.[0]?.comment === mark) {
          results.push({ scheduleId: p.scheduleId, result: 'unchanged' });
          continue;
        }
        await handle.update((previous) => ({ ...previous, ...options, state: previous.state }));
        results.push({ scheduleId: p.scheduleId, result: 'updated' });
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
        await client.schedule.create({ scheduleId: p.scheduleId, ...options });
        results.push({ scheduleId: p.scheduleId, result: 'created' });
      }
    }
  }
  return results;
}

/** A just-installed schedule that will not start the negotiation of the period now under way: none is held for it,
 * and the schedule's next run falls in a later period (installed late in the year or the council term). */
export interface PeriodLeft {
  scheduleId: string;
  kind: CycleKind;
  countyCode: string;
  period: string;
  nextRun: string | null;
}

export async function periodsLeft(
  client: Client,
  db: Kysely<Database>,
  results: InstallResult[],
  now = new Date(),
): Promise<PeriodLeft[]> {
  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE });
  const term = (await councilTerms(db)).find((t) => t.startsOn <= today.toISODate()! && t.endsOn >= today.toISODate()!);
  const left: PeriodLeft[] = [];
  for (const r of results) {
    if (!('scheduleId' in r)) continue;
    const schedule = scheduleOf(r.scheduleId);
    if (!schedule) continue;
    const { kind, countyCode } = schedule;
    const period = kind === 'term' ? term?.period : String(today.year);
    if (!period || (await cyclesOfPeriod(db, { kind, countyCode, period })).length) continue;
    const next = (await client.schedule.getHandle(r.scheduleId).describe()).info.nextActionTimes[0] ?? null;
    const nextDay = next ? DateTime.fromJSDate(next, { zone: TIME_ZONE }) : null;
    const inLaterPeriod =
      !nextDay || (kind === 'term' ? nextDay.toISODate()! > term!.endsOn : nextDay.year > today.year);
    if (inLaterPeriod)
      left.push({
        scheduleId: r.scheduleId,
        kind: kind as CycleKind,
        countyCode,
        period,
        nextRun: next?.toISOString() ?? null,
      });
  }
  return left;
}

export interface ListedSchedule {
  scheduleId: string;
  paused: boolean;
  note: string | null;
  nextRuns: string[];
  recentRuns: number;
  /** What its latest run did: the cycle it started, or what was missing and who was told; null if it never ran. */
  lastRun: ScheduleRun | null;
}

/** The installed schedules (one county's, when given); with the database, each one's last run (what Temporal's own
 * record cannot say). */
export async function listCalendar(client: Client, db?: Kysely<Database>, county?: string): Promise<ListedSchedule[]> {
  const runs = db ? await latestScheduleRuns(db) : new Map<string, ScheduleRun>();
  const schedules: ListedSchedule[] = [];
  for await (const s of client.schedule.list()) {
    if (!s.scheduleId.startsWith('sopu-')) continue;
    if (county && scheduleOf(s.scheduleId)?.countyCode !== county) continue;
    const d = await client.schedule.getHandle(s.scheduleId).describe();
    schedules.push({
      scheduleId: s.scheduleId,
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextRuns: d.info.nextActionTimes.slice(0, 2).map((t) => t.toISOString()),
      recentRuns: d.info.recentActions.length,
      lastRun: runs.get(s.scheduleId) ?? null,
    });
  }
  return schedules.sort((a, b) => a.scheduleId.localeCompare(b.scheduleId));
}

/** A schedule's last run in one line: `started cycle X` or `did not start: …`, with when (Helsinki time). */
export function lastRunLine(run: ScheduleRun | null): string {
  if (!run) return 'not run yet';
  const at = DateTime.fromJSDate(run.at, { zone: TIME_ZONE }).toFormat('yyyy-LL-dd HH:mm');
  if (run.outcome === 'started') return `last run ${at}: cycle ${run.cycleId}`;
  const told = run.told.length ? `; told ${run.told.join(', ')}` : '; nobody could be told';
  return `last run ${at}: DID NOT START (${run.missing.length} missing: ${run.missing.join('; ')})${told}`;
}

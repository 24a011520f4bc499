// The statutory calendar as Temporal Schedules (Europe/Helsinki): per county, an annual §7 cycle on a set day and a
// §14 term cycle at a set point of each council term. Installing is idempotent: an unchanged schedule is left
// alone, a changed one is updated in place.
import { createHash } from 'node:crypto';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type CalendarSpec, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { MONTHS } from '@temporalio/client/lib/schedule-types';
import type { Database } from '../db/schema';
import { councilTerms } from '../db/reference-store';
import { scheduledCycle } from '../workflows/calendar/scheduled-cycle';
import { TASK_QUEUE, TIME_ZONE, type CycleKind } from '../workflows/contracts';

export interface CalendarSettings {
  /** The annual cycle's day and time, Helsinki time. */
  annual: { month: number; day: number; hour: number; minute: number; second?: number };
  /** The term cycle starts this many months after each council term begins, at 09:00. */
  termOffsetMonths: number;
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  annual: { month: 9, day: 1, hour: 9, minute: 0 },
  termOffsetMonths: 6,
};

/** Counties the calendar does not cover, and why; said out loud rather than skipped by accident. */
export const NOT_SCHEDULED: Record<string, string> = {
  '90': 'the City of Helsinki is not part of a wellbeing services county: §14 does not apply, and its §7 negotiation with HUS (612/2021 §6(5)) is not run by Sopu yet',
  '91': 'Åland is outside the wellbeing services county system',
};

export const scheduleId = (kind: CycleKind, countyCode: string): string => `sopu-${kind}-${countyCode}`;

interface Planned {
  scheduleId: string;
  kind: CycleKind;
  countyCode: string;
  calendars: CalendarSpec[];
}

async function plan(db: Kysely<Database>, countyCode: string, settings: CalendarSettings): Promise<Planned[]> {
  const { month, day, hour, minute, second = 0 } = settings.annual;
  const annual: Planned = {
    scheduleId: scheduleId('annual', countyCode),
    kind: 'annual',
    countyCode,
    calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour, minute, second }],
  };
  const terms = await councilTerms(db);
  const term: Planned = {
    scheduleId: scheduleId('term', countyCode),
    kind: 'term',
    countyCode,
    calendars: terms.map((t) => {
      const at = DateTime.fromISO(t.startsOn, { zone: TIME_ZONE }).plus({ months: settings.termOffsetMonths });
      return { year: at.year, month: MONTHS[at.month - 1]!, dayOfMonth: at.day, hour: 9, minute: 0, second: 0 };
    }),
  };
  return [annual, term];
}

const fingerprint = (p: Planned, taskQueue: string) =>
  createHash('sha256')
    .update(JSON.stringify({ calendars: p.calendars, kind: p.kind, county: p.countyCode, taskQueue }))
    .digest('hex')
    .slice(0, 16);

export type InstallResult =
  { scheduleId: string; result: 'created' | 'updated' | 'unchanged' } | { countyCode: string; skipped: string };

export async function installCalendar(
  client: Client,
  db: Kysely<Database>,
  counties: string[],
  settings: CalendarSettings = DEFAULT_CALENDAR,
  taskQueue = TASK_QUEUE,
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const countyCode of counties) {
    if (NOT_SCHEDULED[countyCode]) {
      results.push({ countyCode, skipped: NOT_SCHEDULED[countyCode] });
      continue;
    }
    for (const p of await plan(db, countyCode, settings)) {
      const mark = `sopu:${fingerprint(p, taskQueue)}`;
      const calendars = p.calendars.map((c, i) => (i === 0 ? { ...c, comment: mark } : c));
      const options = {
        spec: { calendars, timezone: TIME_ZONE },
        action: {
          type: 'startWorkflow' as const,
          workflowType: scheduledCycle,
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

export async function listCalendar(client: Client) {
  const schedules = [];
  for await (const s of client.schedule.list()) {
    if (!s.scheduleId.startsWith('sopu-')) continue;
    const d = await client.schedule.getHandle(s.scheduleId).describe();
    schedules.push({
      scheduleId: s.scheduleId,
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextRuns: d.info.nextActionTimes.slice(0, 2).map((t) => t.toISOString()),
      recentRuns: d.info.recentActions.length,
    });
  }
  return schedules.sort((a, b) => a.scheduleId.localeCompare(b.scheduleId));
}

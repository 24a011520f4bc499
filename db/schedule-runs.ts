// What each calendar schedule did when it last fired: the cycle it started, or what was missing and who was told.
// A start that could not happen is kept here, so `calendar list`, the compliance report and the secretariat's pages
// say so instead of a schedule looking "active" while nothing runs.
import type { Kysely } from 'kysely';
import type { CycleKind } from '../core/contracts';
import type { DefinitionProblem } from '../core/domain/definition-problems';
import type { Database } from './schema';

export interface ScheduleRun {
  scheduleId: string;
  kind: CycleKind;
  countyCode: string;
  period: string;
  at: Date;
  outcome: 'started' | 'missing';
  cycleId: string | null;
  missing: string[];
  /** The same as data, for a reader's language (empty for runs recorded before it was kept). */
  problems: DefinitionProblem[];
  /** Who was mailed about a start that could not happen (the secretariat, or the operator when none is known). */
  told: string[];
}

export async function recordScheduleRun(db: Kysely<Database>, run: Omit<ScheduleRun, 'at'> & { at: string }) {
  await db
    .insertInto('schedule_runs')
    .values({
      schedule_id: run.scheduleId,
      kind: run.kind,
      county_code: run.countyCode,
      period: run.period,
      at: run.at,
      outcome: run.outcome,
      cycle_id: run.cycleId,
      missing: JSON.stringify(run.missing),
      problems: JSON.stringify(run.problems),
      told: JSON.stringify(run.told),
    })
    .execute();
}

/** Each schedule's latest run, by schedule id. */
export async function latestScheduleRuns(db: Kysely<Database>): Promise<Map<string, ScheduleRun>> {
  const rows = await db
    .selectFrom('schedule_runs')
    .selectAll()
    .distinctOn('schedule_id')
    .orderBy('schedule_id')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.schedule_id,
      {
        scheduleId: r.schedule_id,
        kind: r.kind,
        countyCode: r.county_code,
        period: r.period,
        at: r.at,
        outcome: r.outcome,
        cycleId: r.cycle_id,
        missing: r.missing,
        problems: r.problems,
        told: r.told,
      },
    ]),
  );
}

/** Schedules whose latest run could not start its cycle: what the secretariat's pages show until it is fixed. */
export async function failingSchedules(db: Kysely<Database>): Promise<ScheduleRun[]> {
  return [...(await latestScheduleRuns(db)).values()].filter((r) => r.outcome === 'missing');
}

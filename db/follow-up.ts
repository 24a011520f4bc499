// The follow-up of goals across years: which goals a party set in its county's earlier cycles (for the next
// preparation to report on), and each goal's statuses since, for a county's follow-up report.
import type { Kysely } from 'kysely';
import type { AgendaEntry, CycleKind, Goal, GoalStatus } from '../core/contracts';
import { goalOfRow } from './answers';
import type { Database } from './schema';
import { definitionOf } from './web-queries';

export interface RecordedGoal extends Goal {
  /** `<response id>:<agenda item>:<position>`: how a follow-up names it. */
  ref: string;
  partyCode: string;
  partyName: string;
  cycleId: string;
  cycleTitle: string;
  kind: CycleKind;
  period: string;
  area: number;
  agenda: AgendaEntry[];
}

/** Every goal of the county's cycles, from each party's latest preparation answer in each cycle. */
async function countyGoals(db: Kysely<Database>, countyCode: string): Promise<(RecordedGoal & { startedAt: Date })[]> {
  const rows = await db
    .selectFrom('goals')
    .innerJoin('responses', 'responses.id', 'goals.response_id')
    .innerJoin('tasks', 'tasks.id', 'responses.task_id')
    .innerJoin('cycles', 'cycles.id', 'tasks.cycle_id')
    .innerJoin('parties', (j) =>
      j.onRef('parties.cycle_id', '=', 'tasks.cycle_id').onRef('parties.code', '=', 'tasks.party_code'),
    )
    .selectAll('goals')
    .select([
      'responses.received_at as receivedAt',
      'tasks.id as taskId',
      'tasks.party_code as partyCode',
      'parties.name as partyName',
      'cycles.id as cycleId',
      'cycles.title as cycleTitle',
      'cycles.kind as kind',
      'cycles.period as period',
      'cycles.definition as definition',
      'cycles.started_at as startedAt',
    ])
    .where('cycles.county_code', '=', countyCode)
    .where('cycles.status', '!=', 'cancelled')
    .where('tasks.phase_key', '=', 'preparation')
    .orderBy('goals.area')
    .orderBy('goals.position')
    .execute();
  // The latest answer of each task is what the party set; earlier versions were replaced.
  const latest = new Map<string, { responseId: string; at: number }>();
  for (const r of rows) {
    const seen = latest.get(r.taskId);
    if (!seen || r.receivedAt.getTime() > seen.at)
      latest.set(r.taskId, { responseId: r.response_id, at: r.receivedAt.getTime() });
  }
  return rows
    .filter((r) => latest.get(r.taskId)!.responseId === r.response_id)
    .map((r) => ({
      ref: `${r.response_id}:${r.area}:${r.position}`,
      partyCode: r.partyCode,
      partyName: r.partyName,
      cycleId: r.cycleId,
      cycleTitle: r.cycleTitle,
      kind: r.kind,
      period: r.period,
      startedAt: r.startedAt,
      area: r.area,
      agenda: definitionOf(r.definition).agenda ?? [],
      ...goalOfRow(r),
    }));
}

/** The goals a party set in its county's latest earlier annual cycle and term cycle: what its preparation now
 * reports on. */
export async function previousGoals(db: Kysely<Database>, cycleId: string, partyCode: string): Promise<RecordedGoal[]> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['county_code', 'started_at'])
    .where('id', '=', cycleId)
    .executeTakeFirst();
  if (!cycle) return [];
  const earlier = (await countyGoals(db, cycle.county_code)).filter(
    (g) => g.partyCode === partyCode && g.cycleId !== cycleId && g.startedAt < cycle.started_at,
  );
  const newest = (kind: CycleKind) =>
    earlier
      .filter((g) => g.kind === kind)
      .reduce<Date | null>((max, g) => (!max || g.startedAt > max ? g.startedAt : max), null);
  const keep = new Set((['annual', 'term'] as const).map((k) => newest(k)?.getTime()).filter((t) => t !== undefined));
  return earlier.filter((g) => keep.has(g.startedAt.getTime())).map(({ startedAt: _s, ...g }) => g);
}

export interface FollowUpLine extends RecordedGoal {
  /** Each later report on the goal, oldest first. */
  statuses: {
    period: string;
    cycleId: string;
    status: GoalStatus;
    currentValue: string | null;
    comment: string | null;
  }[];
}

/** Every goal set in the county's cycles, with each status its party reported on it since. */
export async function followUpReport(db: Kysely<Database>, countyCode: string): Promise<FollowUpLine[]> {
  const goals = await countyGoals(db, countyCode);
  const reports = await db
    .selectFrom('goal_follow_ups')
    .innerJoin('responses', 'responses.id', 'goal_follow_ups.response_id')
    .innerJoin('tasks', 'tasks.id', 'responses.task_id')
    .innerJoin('cycles', 'cycles.id', 'tasks.cycle_id')
    .select([
      'goal_follow_ups.goal_response_id as goalResponseId',
      'goal_follow_ups.goal_area as goalArea',
      'goal_follow_ups.goal_position as goalPosition',
      'goal_follow_ups.status',
      'goal_follow_ups.current_value as currentValue',
      'goal_follow_ups.comment',
      'tasks.party_code as partyCode',
      'cycles.id as cycleId',
      'cycles.period as period',
      'responses.received_at as receivedAt',
    ])
    .where('cycles.county_code', '=', countyCode)
    .orderBy('responses.received_at')
    .execute();
  return goals.map(({ startedAt: _s, ...g }) => {
    // A party's own reports only, and of each later cycle the latest.
    const own = reports.filter(
      (r) => `${r.goalResponseId}:${r.goalArea}:${r.goalPosition}` === g.ref && r.partyCode === g.partyCode,
    );
    const byCycle = new Map(own.map((r) => [r.cycleId, r]));
    return {
      ...g,
      statuses: [...byCycle.values()].map((r) => ({
        period: r.period,
        cycleId: r.cycleId,
        status: r.status,
        currentValue: r.currentValue,
        comment: r.comment,
      })),
    };
  });
}

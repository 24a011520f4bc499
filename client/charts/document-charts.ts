// The charts of a cycle's documents (the goals register, the statement summary): one per goal the cycle's parties set
// with anything to draw, with what they reported on it since and THL's figures, by party and goal.
import type { Goal, Language } from '../../core/contracts';
import type { ReferenceData } from '../../core/domain/reference';
import type { AnswerRow } from '../../db/answers';
import type { FollowUpLine } from '../../db/follow-up';
import { figuresOfGoal, goalRegions, type ThlForGoals } from './figures-of-goal';
import { documentChart, type DocumentChart } from './chart-image';
import { goalChart, hasFigures } from './goal-chart';

/** How a document finds a goal's chart. */
export const chartKey = (partyCode: string, goal: string): string => `${partyCode}\u0000${goal}`;

export async function documentCharts(
  cycle: { countyCode: string; period: string },
  rows: AnswerRow[],
  followUp: FollowUpLine[],
  thl: ThlForGoals,
  reference: ReferenceData,
  language: Language,
): Promise<Map<string, DocumentChart>> {
  const goals = new Map<string, { partyCode: string; partyName: string; goal: Goal }>();
  for (const row of rows)
    for (const area of row.areas)
      for (const goal of area.goals ?? [])
        goals.set(chartKey(row.partyCode, goal.goal), { partyCode: row.partyCode, partyName: row.partyName, goal });
  const charts = new Map<string, DocumentChart>();
  for (const [key, { partyCode, partyName, goal }] of goals) {
    const reports = followUp.find((l) => l.partyCode === partyCode && l.goal === goal.goal)?.statuses ?? [];
    const regions = goalRegions(reference, { code: partyCode, name: partyName }, cycle.countyCode, language);
    const figures = figuresOfGoal(goal, cycle.period, reports, thl, regions);
    if (hasFigures(figures)) charts.set(key, await documentChart(await goalChart(figures, language)));
  }
  return charts;
}

// The county follow-up's charts: one per goal, with THL's figures where the goal names an indicator, in the reader's
// language; and the overview of each party's goals by course, as small multiples.
import type { Language } from '../../core/contracts';
import type { ReferenceData } from '../../core/domain/reference';
import type { FollowUpLine } from '../../db/follow-up';
import { figuresOfGoal, goalRegions, type ThlForGoals } from './figures-of-goal';
import { goalChart, hasFigures } from './goal-chart';
import type { Chart } from './render';

export interface LineChart {
  line: FollowUpLine;
  chart: Chart;
}

/** Charts of the lines with anything to draw, in the order of the lines. */
export async function followUpCharts(
  lines: FollowUpLine[],
  thl: ThlForGoals,
  reference: ReferenceData,
  countyCode: string,
  language: Language,
): Promise<LineChart[]> {
  const out: LineChart[] = [];
  for (const line of lines) {
    const regions = goalRegions(reference, { code: line.partyCode, name: line.partyName }, countyCode, language);
    const figures = figuresOfGoal(line, line.period, line.statuses, thl, regions);
    if (hasFigures(figures)) out.push({ line, chart: await goalChart(figures, language) });
  }
  return out;
}

// The county follow-up's charts: one per goal, with THL's figures where the goal names an indicator, in the reader's
// language; and the overview of each party's goals by course, as small multiples.
import type { Language } from '../../core/contracts';
import { partyNameIn } from '../../core/domain/local-names';
import type { ReferenceData } from '../../core/domain/reference';
import type { FollowUpLine } from '../../db/follow-up';
import { figuresOfGoal, type ThlForGoals } from './figures-of-goal';
import { goalChart, hasFigures, type GoalChart } from './goal-chart';

export interface LineChart {
  line: FollowUpLine;
  chart: GoalChart;
}

/** Charts of the lines with anything to draw, in the order of the lines. */
export async function followUpCharts(
  lines: FollowUpLine[],
  thl: ThlForGoals,
  reference: ReferenceData,
  countyCode: string,
  language: Language,
): Promise<LineChart[]> {
  const county = { code: countyCode, name: reference.counties.get(countyCode)?.name[language] ?? countyCode };
  const out: LineChart[] = [];
  for (const line of lines) {
    const municipality = reference.municipalities.has(line.partyCode)
      ? { code: line.partyCode, name: partyNameIn(reference, line.partyCode, line.partyName, language) }
      : null;
    const figures = figuresOfGoal(line, line.period, line.statuses, thl, { municipality, county });
    if (hasFigures(figures) || figures.thl) out.push({ line, chart: await goalChart(figures, language) });
  }
  return out;
}

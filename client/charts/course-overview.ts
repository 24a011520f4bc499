// Each party's goals by course, as small multiples: a panel per party with how many of its goals are on course, off
// course, dropped or not reported on, each course named on the axis and by its own colour, the count written at its
// bar. The text alternative is a table naming each goal under its course.
import type { TopLevelSpec } from 'vega-lite';
import type { GoalStatus, Language } from '../../core/contracts';
import { courseOf, GOAL_COURSES } from '../../core/domain/goal-figures';
import { CHART_WORDS } from './chart-words';
import { renderChart, type Chart } from './render';

export interface PartyGoals {
  party: string;
  goals: { goal: string; statuses: { status: GoalStatus }[] }[];
}

const COURSE_COLOURS = ['#007A5E', '#D55E00', '#5b6770', '#0072B2'];

export async function courseOverview(parties: PartyGoals[], county: string, language: Language): Promise<Chart> {
  const w = CHART_WORDS[language];
  const labels = GOAL_COURSES.map((c) => w.course[c]);
  const byCourse = parties.map((p) => ({
    party: p.party,
    courses: GOAL_COURSES.map((c) => p.goals.filter((g) => courseOf(g.statuses) === c).map((g) => g.goal)),
  }));
  const values = byCourse.flatMap((p) =>
    p.courses.map((goals, i) => ({ party: p.party, course: labels[i]!, count: goals.length })),
  );
  const y = { field: 'course', type: 'nominal' as const, sort: labels, title: null };
  const x = {
    field: 'count',
    type: 'quantitative' as const,
    title: w.goals,
    axis: { tickMinStep: 1, format: 'd' },
    scale: { domainMin: 0, nice: true },
  };
  const spec: TopLevelSpec = {
    data: { values },
    facet: {
      field: 'party',
      type: 'nominal',
      sort: parties.map((p) => p.party),
      header: { title: null, labelLimit: 220 },
    },
    columns: 3,
    spec: {
      width: 170,
      height: 90,
      layer: [
        {
          mark: 'bar',
          encoding: {
            y,
            x,
            color: { field: 'course', type: 'nominal', scale: { domain: labels, range: COURSE_COLOURS }, legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3 },
          encoding: { y, x, text: { field: 'count', type: 'quantitative' } },
        },
      ],
    },
  };
  const caption = w.overview(county);
  const counts = (courses: string[][]) => courses.map((goals, i) => `${labels[i]} ${goals.length}`).join(', ');
  return {
    svg: parties.length ? await renderChart(spec, language, caption) : '',
    caption,
    sentences: byCourse.length ? byCourse.map((p) => w.courseOf(p.party, counts(p.courses))) : [w.noGoals],
    table: {
      header: [w.goals, ...labels],
      rows: byCourse.map((p) => [
        p.party,
        ...p.courses.map((goals) => (goals.length ? `${goals.length}: ${goals.join('; ')}` : '0')),
      ]),
    },
  };
}

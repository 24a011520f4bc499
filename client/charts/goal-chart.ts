// One goal's indicator over the years as a chart: the party's own figures (the baseline, then each value it reported),
// the target in its year, and THL's figure for the municipality and the county where the goal names a THL indicator.
// Each series differs by colour, mark shape and line pattern, and is named in the legend; the text alternative says
// the same figures in sentences and in a table.
import type { TopLevelSpec } from 'vega-lite';
import type { GoalStatus, Language } from '../../core/contracts';
import { figureIn } from '../../core/domain/goal-figures';
import { CHART_WORDS, figure } from './chart-words';
import { PALETTE, renderChart, type Chart } from './render';

export interface GoalFigures {
  goal: string;
  /** The indicator as the party named it. */
  indicator: string | null;
  /** The baseline in the year the goal was set, then each reported value: as written. */
  own: { year: number; text: string; status: GoalStatus | null }[];
  target: { year: number | null; text: string } | null;
  /** THL's indicator the goal names, and its values for the municipality and the county (none when not fetched). */
  thl: {
    id: number;
    title: string | null;
    series: { region: string; points: { year: number; value: number }[] }[];
  } | null;
}

type Point = { year: number; value: number; series: string };

/** One legend for the series' colour, shape and line pattern, its labels whole (a county's name is long). */
const LEGEND = { title: null, labelLimit: 480 };

/** Whether a chart has anything to draw: at least one number among the goal's figures. */
export const hasFigures = (f: GoalFigures): boolean =>
  f.own.some((o) => figureIn(o.text) !== null) ||
  figureIn(f.target?.text) !== null ||
  Boolean(f.thl?.series.some((s) => s.points.length));

export async function goalChart(f: GoalFigures, language: Language): Promise<Chart> {
  const w = CHART_WORDS[language];
  const own = w.own;
  const target = w.target(f.target?.year ?? null);
  const thlSeries = (f.thl?.series ?? []).filter((s) => s.points.length);
  const names = [own, ...thlSeries.map((s) => w.thl(s.region)), target];
  const points: Point[] = [
    ...f.own.flatMap((o) => {
      const value = figureIn(o.text);
      return value === null ? [] : [{ year: o.year, value, series: own }];
    }),
    ...thlSeries.flatMap((s) => s.points.map((p) => ({ ...p, series: w.thl(s.region) }))),
  ];
  const targetValue = figureIn(f.target?.text);
  if (targetValue !== null && f.target?.year) points.push({ year: f.target.year, value: targetValue, series: target });
  const years = points.map((p) => p.year);
  const spec: TopLevelSpec = {
    width: 420,
    height: 240,
    data: { values: points },
    mark: { type: 'line', point: { filled: true, size: 80 }, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'year',
        type: 'quantitative',
        title: w.year,
        scale: { domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5], nice: false },
        axis: { format: 'd', tickMinStep: 1 },
      },
      // The indicator's name along the axis, cut to the axis's height (the caption names it whole).
      y: {
        field: 'value',
        type: 'quantitative',
        title: f.indicator || w.value,
        scale: { zero: false },
        axis: { titleLimit: 235 },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: names, range: PALETTE.slice(0, names.length - 1).concat(PALETTE[3]!) },
        legend: LEGEND,
      },
      shape: {
        field: 'series',
        type: 'nominal',
        legend: LEGEND,
        scale: {
          domain: names,
          range: ['circle', 'square', 'triangle-up', 'diamond'].slice(0, names.length - 1).concat('diamond'),
        },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        legend: LEGEND,
        scale: {
          domain: names,
          range: [
            [1, 0],
            [6, 3],
            [2, 2],
            [1, 0],
          ]
            .slice(0, names.length - 1)
            .concat([[1, 0]]),
        },
      },
      order: { field: 'year', type: 'quantitative' },
    },
  };
  const caption = w.caption(f.goal, f.indicator);
  return { svg: await renderChart(spec, language, caption), caption, ...textAlternative(f, language) };
}

/** The figures of the chart in words and as a table, in the reader's notation. */
function textAlternative(f: GoalFigures, language: Language): Pick<Chart, 'sentences' | 'table'> {
  const w = CHART_WORDS[language];
  // A figure written as a bare number is shown in the reader's notation; one with words or a unit, as written.
  const shown = (text: string) => {
    const value = figureIn(text);
    return value !== null && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(text) ? figure(value, language) : text;
  };
  const ownText = (o: GoalFigures['own'][number], i: number) => {
    const what = o.status ? w.status[o.status] : i === 0 ? w.baseline : null;
    return [shown(o.text), what && `(${what})`].filter(Boolean).join(' ');
  };
  const thlSeries = f.thl?.series ?? [];
  const sentences = [
    f.own.length ? w.ownFigures(f.own.map((o, i) => w.at(ownText(o, i), o.year)).join('; ')) : w.noOwnFigures,
    ...(f.target ? [w.targetIs(shown(f.target.text), f.target.year)] : []),
    // A title not in the catalogue yet is not made up: the sentence below names the indicator by its number.
    ...(f.thl?.title ? [w.thlIndicator(f.thl.title, f.thl.id)] : []),
    ...thlSeries
      .filter((s) => s.points.length)
      .map((s) => w.thlFigures(s.region, s.points.map((p) => w.at(figure(p.value, language), p.year)).join('; '))),
    ...(f.thl && !thlSeries.some((s) => s.points.length) ? [w.thlNotFetched(f.thl.id)] : []),
  ];
  const years = [
    ...new Set([
      ...f.own.map((o) => o.year),
      ...thlSeries.flatMap((s) => s.points.map((p) => p.year)),
      ...(f.target?.year ? [f.target.year] : []),
    ]),
  ].sort((a, b) => a - b);
  const header = [w.year, w.own, ...thlSeries.map((s) => w.thl(s.region)), w.target(null)];
  const rows = years.map((year) => [
    String(year),
    f.own
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.year === year)
      .map(({ o, i }) => ownText(o, i))
      .join('; '),
    ...thlSeries.map((s) => {
      const p = s.points.find((x) => x.year === year);
      return p ? figure(p.value, language) : '';
    }),
    f.target && f.target.year === year ? shown(f.target.text) : '',
  ]);
  return { sentences, table: { header, rows } };
}

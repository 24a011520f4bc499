// What a goal's chart shows, gathered from the record: the goal as set (its baseline in the year of the cycle that
// set it, its target), each status its party reported since, and THL's cached values of the indicator it names for
// the party's municipality and the county.
import { THL_REGION_CATEGORIES, type Goal, type GoalStatus, type Language } from '../../core/contracts';
import { partyNameIn } from '../../core/domain/local-names';
import type { ReferenceData } from '../../core/domain/reference';
import { yearOfPeriod } from '../../core/domain/goal-figures';
import type { ThlPoint } from '../../db/thl';
import type { GoalFigures } from './goal-chart';

export interface ThlForGoals {
  points: ThlPoint[];
  titles: Map<number, string>;
}

export interface GoalRegions {
  /** The party's code, when it is a municipality, and its name in the reader's language. */
  municipality: { code: string; name: string } | null;
  county: { code: string; name: string };
}

/** The regions of a party's goal: its municipality (when the party is one) and its county, named in `language`. */
export function goalRegions(
  reference: ReferenceData,
  party: { code: string; name: string },
  countyCode: string,
  language: Language,
): GoalRegions {
  return {
    municipality: reference.municipalities.has(party.code)
      ? { code: party.code, name: partyNameIn(reference, party.code, party.name, language) }
      : null,
    county: { code: countyCode, name: reference.counties.get(countyCode)?.name[language] ?? countyCode },
  };
}

/** Years of THL's values drawn before the goal was set: enough to show the trend it was set against. */
const YEARS_BEFORE = 4;

export function figuresOfGoal(
  goal: Goal,
  setIn: string,
  reports: { period: string; status: GoalStatus; currentValue: string | null }[],
  thl: ThlForGoals,
  regions: GoalRegions,
): GoalFigures {
  const setYear = yearOfPeriod(setIn);
  const own = [
    ...(goal.baseline && setYear ? [{ year: setYear, text: goal.baseline, status: null }] : []),
    ...reports.flatMap((r) => {
      const year = yearOfPeriod(r.period);
      return year ? [{ year, text: r.currentValue ?? '', status: r.status }] : [];
    }),
  ];
  const id = goal.thlIndicator;
  const from = (setYear ?? 0) - YEARS_BEFORE;
  const series = (category: string, region: { code: string; name: string } | null) =>
    region
      ? [
          {
            region: region.name,
            points: thl.points
              .filter((p) => p.indicator === id && p.category === category && p.code === region.code && p.year >= from)
              .map((p) => ({ year: p.year, value: p.value })),
          },
        ]
      : [];
  return {
    goal: goal.goal,
    indicator: goal.indicator ?? null,
    own,
    target: goal.target || goal.targetYear ? { year: goal.targetYear ?? null, text: goal.target ?? '' } : null,
    thl: id
      ? {
          id,
          title: thl.titles.get(id) ?? null,
          series: [
            ...series(THL_REGION_CATEGORIES.municipality, regions.municipality),
            ...series(THL_REGION_CATEGORIES.county, regions.county),
          ],
        }
      : null,
  };
}

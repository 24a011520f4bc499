// The words of the goal charts and their text alternatives, per language: a key missing in one is a compile error.
import type { GoalStatus, Language } from '../../core/contracts';
import type { GoalCourse } from '../../core/domain/goal-figures';
import { STATUS_WORDS } from '../follow-up';

export interface ChartWords {
  year: string;
  value: string;
  own: string;
  baseline: string;
  target: (year: number | null) => string;
  thl: (region: string) => string;
  status: Record<GoalStatus, string>;
  course: Record<GoalCourse, string>;
  /** The heading of a chart's text alternative: the goal and what it is measured by. */
  caption: (goal: string, indicator: string | null) => string;
  /** The sentences of the text alternative. */
  ownFigures: (figures: string) => string;
  noOwnFigures: string;
  targetIs: (target: string, year: number | null) => string;
  thlIndicator: (title: string, id: number) => string;
  thlFigures: (region: string, figures: string) => string;
  thlNotFetched: (id: number) => string;
  /** A figure and its year, as "2027: 35,2". */
  at: (value: string, year: number) => string;
  /** The overview's chart: goals per municipality by course. */
  goals: string;
  overview: (county: string) => string;
  courseOf: (party: string, counts: string) => string;
  noGoals: string;
}

const fi: ChartWords = {
  year: 'Vuosi',
  value: 'Arvo',
  own: 'Oma luku',
  baseline: 'lähtötaso',
  target: (year) => (year ? `Tavoite ${year}` : 'Tavoite'),
  thl: (region) => `THL: ${region}`,
  status: STATUS_WORDS.fi,
  course: { 'on-course': 'Etenee', 'off-course': 'Viivästynyt', dropped: 'Luovuttu', 'not-reported': 'Ei raportoitu' },
  caption: (goal, indicator) => (indicator ? `${goal} – mittari: ${indicator}` : goal),
  ownFigures: (figures) => `Omat luvut: ${figures}.`,
  noOwnFigures: 'Omia lukuja ei ole annettu numeroina.',
  targetIs: (target, year) => `Tavoite: ${target}${year ? ` vuonna ${year}` : ''}.`,
  thlIndicator: (title, id) => `THL:n indikaattori ${id}: ${title}.`,
  thlFigures: (region, figures) => `THL, ${region}: ${figures}.`,
  thlNotFetched: (id) => `THL:n indikaattorin ${id} lukuja ei ole vielä haettu.`,
  at: (value, year) => `${year}: ${value}`,
  goals: 'Tavoitteita',
  overview: (county) => `Tavoitteiden tilanne kunnittain: ${county}`,
  courseOf: (party, counts) => `${party}: ${counts}.`,
  noGoals: 'Ei tavoitteita.',
};

const sv: ChartWords = {
  year: 'År',
  value: 'Värde',
  own: 'Eget värde',
  baseline: 'utgångsläge',
  target: (year) => (year ? `Mål ${year}` : 'Mål'),
  thl: (region) => `THL: ${region}`,
  status: STATUS_WORDS.sv,
  course: {
    'on-course': 'Framskrider',
    'off-course': 'Försenat',
    dropped: 'Slopat',
    'not-reported': 'Inte rapporterat',
  },
  caption: (goal, indicator) => (indicator ? `${goal} – indikator: ${indicator}` : goal),
  ownFigures: (figures) => `Egna värden: ${figures}.`,
  noOwnFigures: 'Inga egna värden har getts som tal.',
  targetIs: (target, year) => `Mål: ${target}${year ? ` år ${year}` : ''}.`,
  thlIndicator: (title, id) => `THL:s indikator ${id}: ${title}.`,
  thlFigures: (region, figures) => `THL, ${region}: ${figures}.`,
  thlNotFetched: (id) => `Värdena för THL:s indikator ${id} har ännu inte hämtats.`,
  at: (value, year) => `${year}: ${value}`,
  goals: 'Mål',
  overview: (county) => `Målens läge per kommun: ${county}`,
  courseOf: (party, counts) => `${party}: ${counts}.`,
  noGoals: 'Inga mål.',
};

const en: ChartWords = {
  year: 'Year',
  value: 'Value',
  own: 'Own figure',
  baseline: 'baseline',
  target: (year) => (year ? `Target ${year}` : 'Target'),
  thl: (region) => `THL: ${region}`,
  status: STATUS_WORDS.en,
  course: { 'on-course': 'On course', 'off-course': 'Off course', dropped: 'Dropped', 'not-reported': 'Not reported' },
  caption: (goal, indicator) => (indicator ? `${goal} – indicator: ${indicator}` : goal),
  ownFigures: (figures) => `Own figures: ${figures}.`,
  noOwnFigures: 'No own figures given as numbers.',
  targetIs: (target, year) => `Target: ${target}${year ? ` by ${year}` : ''}.`,
  thlIndicator: (title, id) => `THL indicator ${id}: ${title}.`,
  thlFigures: (region, figures) => `THL, ${region}: ${figures}.`,
  thlNotFetched: (id) => `The figures of THL indicator ${id} have not been fetched yet.`,
  at: (value, year) => `${year}: ${value}`,
  goals: 'Goals',
  overview: (county) => `Goals by municipality: ${county}`,
  courseOf: (party, counts) => `${party}: ${counts}.`,
  noGoals: 'No goals.',
};

export const CHART_WORDS: Record<Language, ChartWords> = { fi, sv, en };

/** A figure in the reader's notation: 35,2 in Finnish and Swedish, 35.2 in English. */
export const figure = (value: number, language: Language): string =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { maximumFractionDigits: 2 }).format(value);

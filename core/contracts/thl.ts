// THL's indicator bank (Sotkanet, REST API 1.1) as Sopu uses it: the catalogue a goal's indicator is chosen from, and
// the yearly values of an indicator for a municipality and its wellbeing services county, shown beside the party's
// own figures. Nothing personal is ever sent there: only indicator ids and years.
import type { Language } from './vocabulary';

export interface ThlIndicator {
  id: number;
  title: Partial<Record<Language, string>> & { fi: string };
}

/** A region as Sotkanet names it: its own id, its category (KUNTA, HYVINVOINTIALUE, …) and Statistics Finland's
 * code. */
export interface ThlRegion {
  id: number;
  category: string;
  code: string;
  title: string;
}

/** One yearly value, for both genders together. */
export interface ThlValue {
  indicator: number;
  region: number;
  year: number;
  value: number;
}

/** Sotkanet's categories of the regions Sopu shows: a party's municipality and its county. */
export const THL_REGION_CATEGORIES = { municipality: 'KUNTA', county: 'HYVINVOINTIALUE' } as const;

/** What a fetch of THL's figures asks for: the indicators' values (none named: every indicator a goal or a cycle
 * names), and how often a failed fetch is tried before the figures are left as they were. */
export interface ThlFiguresRequest {
  indicators?: number[];
  attempts?: number;
  firstRetrySeconds?: number;
}

export type ThlFiguresResult =
  { fetched: { indicators: number[]; values: number; catalogue: number | null } } | { notFetched: string };

/** The nightly fetch's schedule, and the workflow a person's "fetch now" starts (one at a time). */
export const THL_SCHEDULE_ID = 'sopu-thl-figures';
export const THL_FETCH_NOW_WORKFLOW_ID = 'sopu-thl-figures-now';

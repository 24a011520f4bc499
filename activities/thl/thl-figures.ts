// Fetching THL's figures (Sotkanet) into Sopu's cache: the catalogue of indicators and regions, then the values of
// every indicator a goal or a cycle names, for every municipality and county. Run by a workflow, never by a page: a
// page shows what is cached and when it was fetched. Every fetch is logged, a failed one with its problem, before the
// failure goes back to Temporal to be tried again.
import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  linkedThlIndicators,
  logThlFetch,
  storeThlCatalogue,
  storeThlValues,
  thlCatalogueFetchedAt,
  thlRegionIds,
} from '../../db/thl';
import type { ActivityDeps } from '../deps';
import { ThlUnavailable } from './sotkanet-client';

/** The catalogue changes seldom: fetched again when older than this. */
const CATALOGUE_MAX_AGE_MS = 20 * 3_600_000;
/** Years of values kept: enough for a council term and the years before it. */
const YEARS_BACK = 12;

export function thlActivities(deps: ActivityDeps) {
  const { db } = deps;

  /** Runs one fetch, logging it; THL not reachable is a retryable failure with THL's problem as its message. */
  async function logged<T>(what: string, run: (source: string) => Promise<T>): Promise<T> {
    const thl = deps.thl;
    if (!thl) throw ApplicationFailure.nonRetryable('THL figures are switched off (SOPU_THL_URL=off)', 'ThlOff');
    try {
      const result = await run(thl.source);
      await logThlFetch(db, { what, source: thl.source, ok: true });
      return result;
    } catch (err) {
      if (!(err instanceof ThlUnavailable)) throw err;
      await logThlFetch(db, { what, source: thl.source, ok: false, problem: err.message });
      throw ApplicationFailure.retryable(err.message, 'ThlUnavailable');
    }
  }

  return {
    /** The catalogue of indicators and the regions, unless fetched within the day; how many indicators it has. */
    async fetchThlCatalogue(): Promise<number | null> {
      const fetchedAt = await thlCatalogueFetchedAt(db);
      if (fetchedAt && Date.now() - fetchedAt.getTime() < CATALOGUE_MAX_AGE_MS) return null;
      return logged('catalogue', async () => {
        const [indicators, regions] = await Promise.all([deps.thl!.indicators(), deps.thl!.regions()]);
        await storeThlCatalogue(db, indicators, regions, new Date());
        return indicators.length;
      });
    },

    /** The values of these indicators (none named: every one a goal or a running cycle names), for the
     * municipalities and counties, replacing those fetched before. */
    async fetchThlValues(request: { indicators?: number[] }): Promise<{ indicators: number[]; values: number }> {
      const indicators = request.indicators?.length ? request.indicators : await linkedThlIndicators(db);
      if (!indicators.length) return { indicators, values: 0 };
      const kept = await thlRegionIds(db);
      const thisYear = new Date().getFullYear();
      const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - YEARS_BACK + i);
      return logged(`values ${indicators.join(',')}`, async (source) => {
        let count = 0;
        for (const indicator of indicators) {
          Context.current().heartbeat(indicator);
          const values = (await deps.thl!.values(indicator, years)).filter((v) => kept.has(v.region));
          // No values at all (an indicator THL no longer fills, or a passing fault): what was fetched before stays.
          if (values.length)
            await storeThlValues(db, indicator, values, new Date(), `${source}/json?indicator=${indicator}`);
          count += values.length;
        }
        return { indicators, values: count };
      });
    },
  };
}

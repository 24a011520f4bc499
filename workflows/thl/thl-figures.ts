// Fetches THL's figures into Sopu's cache: the catalogue (when older than a day), then the values of the indicators
// asked for, or of every indicator a goal or a running cycle names. Started nightly by a Temporal Schedule, and when a
// secretariat asks for the figures now or a participant chooses an indicator not fetched yet.
import { ActivityFailure } from '@temporalio/workflow';
import type { ThlFiguresRequest, ThlFiguresResult } from '../../core/contracts';
import { thlFetching } from '../activity-proxies';

export async function thlFigures(request: ThlFiguresRequest = {}): Promise<ThlFiguresResult> {
  const { fetchThlCatalogue, fetchThlValues } = thlFetching({
    attempts: request.attempts ?? 5,
    firstRetrySeconds: request.firstRetrySeconds ?? 60,
  });
  try {
    const catalogue = await fetchThlCatalogue();
    const { indicators, values } = await fetchThlValues({ indicators: request.indicators });
    return { fetched: { indicators, values, catalogue } };
  } catch (err) {
    // Each failed attempt is in the log of fetches already; the cached figures are left as they were.
    if (err instanceof ActivityFailure) return { notFetched: err.cause?.message ?? err.message };
    throw err;
  }
}

// THL's figures fetched by the `thlFigures` workflow from a loopback Sotkanet serving responses recorded for the tests
// (made up, not real statistics): the catalogue, the regions and the values of the municipalities and counties kept
// in PostgreSQL with when and where from; only indicator ids, years and the gender are sent. With THL away, every
// attempt is logged, the cached figures stay, and the state says since when THL could not be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchThlFiguresNow } from '../../client/thl';
import { latestThlValue, searchThlIndicators, thlFetchState, thlIndicatorsNotFetched, thlPoints } from '../../db/thl';
import { startRecordedThl, type RecordedThl } from '../support/thl-recorded';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

let smtp: SmtpSink;
let thl: RecordedThl;
let env: TestWorker;

beforeAll(async () => {
  smtp = await startSmtpSink();
  thl = await startRecordedThl();
  env = await startTestWorker({ smtpUrl: smtp.url, thlUrl: thl.url });
});

afterAll(async () => {
  await env?.close();
  await thl?.close();
  await smtp?.close();
});

describe("THL's figures", () => {
  it('fetches the catalogue and the values of the municipalities and counties, and sends nothing personal', async () => {
    const started = new Date();
    const { result } = await fetchThlFiguresNow(env.client, env.taskQueue, { indicators: [4420, 3271] });
    const outcome = await result();
    expect(outcome).toEqual({ fetched: { indicators: [3271, 4420], values: 2 * 14 * 9, catalogue: 4 } });
    // Sipoo's and East Uusimaa's yearly values, total of both genders; the country and the hospital district are
    // not kept, nor the figure THL suppressed.
    const points = await thlPoints(env.db, [4420], { municipalities: ['753'], counties: ['01'] });
    expect(points.map((p) => [p.category, p.code, p.year])).toContainEqual(['KUNTA', '753', 2026]);
    expect(points.filter((p) => p.category === 'HYVINVOINTIALUE')).toHaveLength(9);
    expect(points.every((p) => p.source.startsWith(thl.url) && p.fetchedAt >= started)).toBe(true);
    expect(await env.db.selectFrom('thl_values').select('region').where('region', '=', 9300).execute()).toEqual([]);
    expect(await latestThlValue(env.db, 4420, '753')).toEqual({ year: 2026, value: 35.2 });
    // What THL was asked: the catalogue, the regions, and each indicator's values by year and gender.
    for (const request of thl.requests)
      expect(request).toMatch(/^\/rest\/1\.1\/(indicators|regions|json\?indicator=\d+&genders=total(&years=\d{4})+)$/);
    // The catalogue is searched by its Finnish and Swedish titles.
    expect((await searchThlIndicators(env.db, 'liikuntaa', 'fi')).map((i) => i.id)).toEqual([4420]);
    expect(await searchThlIndicators(env.db, 'röker', 'sv')).toEqual([
      { id: 3271, title: 'Röker dagligen, % (påhittat testmaterial)' },
    ]);
    expect((await thlFetchState(env.db)).failedSince).toBeNull();
    // What a goal chose since is fetched next: only what THL lists and Sopu has no figure of.
    expect(await thlIndicatorsNotFetched(env.db, [4420, 5527, 424242])).toEqual([5527]);
  });

  it('with THL away, tries again, logs each attempt and leaves the cached figures as they were', async () => {
    const before = await thlPoints(env.db, [4420], { municipalities: ['753'], counties: ['01'] });
    const lastFetched = (await thlFetchState(env.db)).lastFetched;
    await thl.close();
    const tried = new Date();
    const { result } = await fetchThlFiguresNow(env.client, env.taskQueue, {
      indicators: [4420],
      attempts: 2,
      firstRetrySeconds: 1,
    });
    expect(await result()).toEqual({ notFetched: expect.stringContaining('/json?indicator=4420') });
    const failures = await env.db
      .selectFrom('thl_fetches')
      .select(['what', 'problem'])
      .where('ok', '=', false)
      .where('at', '>=', tried)
      .execute();
    expect(failures).toHaveLength(2);
    expect(failures[0]!.what).toBe('values 4420');
    const state = await thlFetchState(env.db);
    expect(state.lastFetched).toEqual(lastFetched);
    expect(state.failedSince?.at.getTime()).toBeGreaterThanOrEqual(tried.getTime());
    expect(await thlPoints(env.db, [4420], { municipalities: ['753'], counties: ['01'] })).toEqual(before);
  });
});

// THL's figures as Sopu keeps them (a cache of Sotkanet): the catalogue and regions, each indicator's values with when
// and where from they were fetched, and the log of fetches, which tells a page whether THL could be reached lately.
import { sql, type Kysely } from 'kysely';
import {
  THL_REGION_CATEGORIES,
  type Language,
  type ThlIndicator,
  type ThlRegion,
  type ThlValue,
} from '../core/contracts';
import type { Database } from './schema';

const CHUNK = 1000;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** The catalogue and the regions as THL lists them now: what is no longer listed is dropped. */
export async function storeThlCatalogue(
  db: Kysely<Database>,
  indicators: ThlIndicator[],
  regions: ThlRegion[],
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('thl_indicators').execute();
    for (const part of chunks(indicators))
      await trx
        .insertInto('thl_indicators')
        .values(
          part.map((i) => ({
            id: i.id,
            title_fi: i.title.fi,
            title_sv: i.title.sv ?? null,
            title_en: i.title.en ?? null,
            fetched_at: at,
          })),
        )
        .execute();
    await trx.deleteFrom('thl_regions').execute();
    for (const part of chunks(regions))
      await trx
        .insertInto('thl_regions')
        .values(part.map((r) => ({ id: r.id, category: r.category, code: r.code, title_fi: r.title, fetched_at: at })))
        .execute();
  });
}

/** When the catalogue was last fetched; null when it never was. */
export async function thlCatalogueFetchedAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db
    .selectFrom('thl_indicators')
    .select((e) => e.fn.max('fetched_at').as('at'))
    .executeTakeFirst();
  return (row?.at as Date | null | undefined) ?? null;
}

/** Sotkanet's ids of the municipalities and counties it lists: the only regions whose values Sopu keeps. */
export async function thlRegionIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('thl_regions')
    .select('id')
    .where('category', 'in', Object.values(THL_REGION_CATEGORIES))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** An indicator's values as fetched now, in place of those fetched before. */
export async function storeThlValues(
  db: Kysely<Database>,
  indicator: number,
  values: ThlValue[],
  at: Date,
  source: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('thl_values').where('indicator', '=', indicator).execute();
    for (const part of chunks(values))
      await trx
        .insertInto('thl_values')
        .values(part.map((v) => ({ ...v, fetched_at: at, source })))
        .onConflict((oc) => oc.columns(['indicator', 'region', 'year']).doNothing())
        .execute();
  });
}

export async function logThlFetch(
  db: Kysely<Database>,
  fetch: { what: string; source: string; ok: boolean; problem?: string },
): Promise<void> {
  await db
    .insertInto('thl_fetches')
    .values({ what: fetch.what, source: fetch.source, ok: fetch.ok, problem: fetch.problem ?? null })
    .execute();
}

/** Every indicator a goal or a cycle names: what the nightly fetch keeps up to date. */
export async function linkedThlIndicators(db: Kysely<Database>): Promise<number[]> {
  const fromGoals = await db
    .selectFrom('goals')
    .select('thl_indicator')
    .distinct()
    .where('thl_indicator', 'is not', null)
    .execute();
  const fromCycles = await sql<{ id: number }>`
    select distinct (jsonb_array_elements_text(definition::jsonb -> 'thlIndicators'))::int as id
    from cycles where status = 'running' and jsonb_typeof(definition::jsonb -> 'thlIndicators') = 'array'`.execute(db);
  return [...new Set([...fromGoals.map((g) => g.thl_indicator!), ...fromCycles.rows.map((r) => r.id)])].sort(
    (a, b) => a - b,
  );
}

export interface ThlIndicatorRow {
  id: number;
  title: string;
}

const titleIn = (language: Language) =>
  language === 'sv'
    ? sql<string>`coalesce(title_sv, title_fi)`
    : language === 'en'
      ? sql<string>`coalesce(title_en, title_fi)`
      : sql<string>`title_fi`;

/** Indicators of the cached catalogue whose Finnish or Swedish title (or id) matches every word searched for. */
export async function searchThlIndicators(
  db: Kysely<Database>,
  query: string,
  language: Language,
  limit = 25,
): Promise<ThlIndicatorRow[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (!words.length) return [];
  let search = db.selectFrom('thl_indicators').select(['id', titleIn(language).as('title')]);
  for (const word of words) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    search = search.where((e) =>
      e.or([
        e('title_fi', 'ilike', like),
        e('title_sv', 'ilike', like),
        ...(/^\d{1,8}$/.test(word) ? [e('id', '=', Number(word))] : []),
      ]),
    );
  }
  return search.orderBy('id').limit(limit).execute();
}

export async function thlIndicatorsByIds(
  db: Kysely<Database>,
  ids: number[],
  language: Language,
): Promise<ThlIndicatorRow[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('thl_indicators')
    .select(['id', titleIn(language).as('title')])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

export interface ThlPoint {
  indicator: number;
  /** KUNTA or HYVINVOINTIALUE. */
  category: string;
  /** Statistics Finland's code of the municipality or county. */
  code: string;
  year: number;
  value: number;
  fetchedAt: Date;
  source: string;
}

/** The values of these indicators for these municipalities and counties, oldest year first. */
export async function thlPoints(
  db: Kysely<Database>,
  indicators: number[],
  regions: { municipalities: string[]; counties: string[] },
): Promise<ThlPoint[]> {
  if (!indicators.length) return [];
  // '' matches no region: it keeps each `in` list from being empty, which SQL does not allow.
  return db
    .selectFrom('thl_values')
    .innerJoin('thl_regions', 'thl_regions.id', 'thl_values.region')
    .select([
      'thl_values.indicator',
      'thl_regions.category',
      'thl_regions.code',
      'thl_values.year',
      'thl_values.value',
      'thl_values.fetched_at as fetchedAt',
      'thl_values.source',
    ])
    .where('thl_values.indicator', 'in', indicators)
    .where((e) =>
      e.or([
        e.and([
          e('thl_regions.category', '=', THL_REGION_CATEGORIES.municipality),
          e('thl_regions.code', 'in', ['', ...regions.municipalities]),
        ]),
        e.and([
          e('thl_regions.category', '=', THL_REGION_CATEGORIES.county),
          e('thl_regions.code', 'in', ['', ...regions.counties]),
        ]),
      ]),
    )
    .orderBy('thl_values.year')
    .execute();
}

export interface ThlFetchState {
  /** The last fetch of values that succeeded. */
  lastFetched: { at: Date; source: string } | null;
  /** The last fetch tried, when it failed after the last success: THL could not be reached then. */
  failedSince: { at: Date; problem: string } | null;
}

export async function thlFetchState(db: Kysely<Database>): Promise<ThlFetchState> {
  // A failed fetch of the catalogue counts as THL not reached, too: the values are fetched after it.
  const last = (ok: boolean) =>
    db
      .selectFrom('thl_fetches')
      .select(['at', 'source', 'problem'])
      .where('ok', '=', ok)
      .$if(ok, (q) => q.where('what', 'like', 'values%'))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  const [good, bad] = await Promise.all([last(true), last(false)]);
  return {
    lastFetched: good ? { at: good.at, source: good.source } : null,
    failedSince: bad && (!good || bad.at >= good.at) ? { at: bad.at, problem: bad.problem ?? '' } : null,
  };
}

/** The latest value of an indicator for a municipality: what a new goal's baseline is prefilled with. */
export async function latestThlValue(
  db: Kysely<Database>,
  indicator: number,
  municipalityCode: string,
): Promise<{ year: number; value: number } | null> {
  const [latest] = (await thlPoints(db, [indicator], { municipalities: [municipalityCode], counties: [] })).slice(-1);
  return latest ? { year: latest.year, value: latest.value } : null;
}

/** THL's figures for a page or a document: the values of the indicators its goals name for its municipalities and
 * county, their titles in the reader's language, and whether THL could be reached when last asked. */
export async function thlFiguresFor(
  db: Kysely<Database>,
  indicators: number[],
  regions: { municipalities: string[]; counties: string[] },
  language: Language,
): Promise<{ points: ThlPoint[]; titles: Map<number, string>; state: ThlFetchState }> {
  const ids = [...new Set(indicators)];
  const [points, titles, state] = await Promise.all([
    thlPoints(db, ids, regions),
    thlIndicatorsByIds(db, ids, language),
    thlFetchState(db),
  ]);
  return { points, titles: new Map(titles.map((t) => [t.id, t.title])), state };
}

/** Of these indicators, those THL's catalogue lists (when it has been fetched) and with no value cached: a goal chose
 * them since the last fetch. A number THL does not list is never asked for. */
export async function thlIndicatorsNotFetched(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const [rows, listed, catalogued] = await Promise.all([
    db.selectFrom('thl_values').select('indicator').distinct().where('indicator', 'in', ids).execute(),
    db.selectFrom('thl_indicators').select('id').where('id', 'in', ids).execute(),
    thlCatalogueFetchedAt(db),
  ]);
  const fetched = new Set(rows.map((r) => r.indicator));
  const known = new Set(listed.map((r) => r.id));
  return [...new Set(ids)].filter((id) => !fetched.has(id) && (catalogued === null || known.has(id)));
}

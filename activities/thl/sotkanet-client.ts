// A client of THL's indicator bank, Sotkanet's REST API 1.1 (https://sotkanet.fi/rest/1.1): the catalogue of
// indicators, the regions, and an indicator's yearly values. Every answer is checked against the shape Sopu reads
// before anything of it is kept; what is sent is only indicator ids, years and the gender "total".
import { z } from 'zod';
import type { ThlIndicator, ThlRegion, ThlValue } from '../../core/contracts';

const title = z.object({ fi: z.string().min(1), sv: z.string().optional(), en: z.string().optional() });
// An empty catalogue or region list is not an answer to keep: it would empty Sopu's copy.
const indicators = z.array(z.object({ id: z.number().int().positive(), title })).min(1);
const regions = z
  .array(z.object({ id: z.number().int(), title, code: z.coerce.string(), category: z.string().min(1) }))
  .min(1);
const values = z.array(
  z.object({
    indicator: z.number().int(),
    region: z.number().int(),
    year: z.number().int(),
    gender: z.string(),
    // A suppressed figure (too few cases) comes without a value.
    value: z.number().nullish(),
  }),
);

/** THL could not be asked, or answered something Sopu does not read: a fetch tried again later. */
export class ThlUnavailable extends Error {}

export interface SotkanetClient {
  /** Where the figures come from, as kept beside each of them. */
  readonly source: string;
  indicators(): Promise<ThlIndicator[]>;
  regions(): Promise<ThlRegion[]>;
  values(indicator: number, years: number[]): Promise<ThlValue[]>;
}

export function sotkanetClient(baseUrl: string, timeoutMs = 30_000): SotkanetClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const url = `${base}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': 'Sopu (hyvinvointialueen neuvottelut)' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new ThlUnavailable(`${url}: ${(err as Error).cause ?? (err as Error).message}`);
    }
    if (!response.ok) throw new ThlUnavailable(`${url}: HTTP ${response.status}`);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ThlUnavailable(`${url}: not the answer expected (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }
  return {
    source: base,
    indicators: async () =>
      (await get('/indicators', indicators)).map((i) => ({
        id: i.id,
        title: { fi: i.title.fi, ...(i.title.sv ? { sv: i.title.sv } : {}), ...(i.title.en ? { en: i.title.en } : {}) },
      })),
    regions: async () =>
      (await get('/regions', regions)).map((r) => ({
        id: r.id,
        category: r.category,
        code: r.code,
        title: r.title.fi,
      })),
    async values(indicator, years) {
      const query = new URLSearchParams([
        ['indicator', String(indicator)],
        ['genders', 'total'],
      ]);
      for (const year of years) query.append('years', String(year));
      return (await get(`/json?${query}`, values))
        .filter((v) => v.gender === 'total' && typeof v.value === 'number')
        .map((v) => ({ indicator: v.indicator, region: v.region, year: v.year, value: v.value! }));
    },
  };
}

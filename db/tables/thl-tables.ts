// THL's indicator bank (Sotkanet) as Sopu keeps it: the catalogue, the regions, the values fetched, and each fetch.
import type { Generated } from 'kysely';
import type { Timestamp, CreatedAt } from './columns';

export interface ThlIndicatorsTable {
  id: number;
  title_fi: string;
  title_sv: string | null;
  title_en: string | null;
  fetched_at: Timestamp;
}

export interface ThlRegionsTable {
  /** Sotkanet's own id of the region, which its values name. */
  id: number;
  /** KUNTA, HYVINVOINTIALUE, MAA, …: Sotkanet's categories. */
  category: string;
  /** Statistics Finland's code: a municipality's three digits, a county's two. */
  code: string;
  title_fi: string;
  fetched_at: Timestamp;
}

export interface ThlValuesTable {
  indicator: number;
  region: number;
  year: number;
  value: number;
  fetched_at: Timestamp;
  /** The address the value was fetched from. */
  source: string;
}

export interface ThlFetchesTable {
  id: Generated<string>;
  /** `catalogue` or `values <indicator ids>`. */
  what: string;
  source: string;
  at: CreatedAt;
  ok: boolean;
  problem: string | null;
}

// The reference data a cycle is checked against: the classification of counties and municipalities and the
// council terms valid on a day. Postgres holds it (db/reference-store.ts); this is its shape.
import type { Language } from '../contracts';

export interface County {
  code: string;
  name: { fi: string; sv: string; en: string };
}

export interface Municipality {
  code: string;
  name: { fi: string; sv: string; en: string };
  countyCode: string;
  /** 0 Finnish, 1 bilingual Finnish-majority, 2 Swedish, 3 bilingual Swedish-majority. */
  languageStatus: 0 | 1 | 2 | 3;
}

/** A council term (municipal and regional alike), e.g. `2025-2029`, with its first and last day. */
export interface CouncilTerm {
  period: string;
  startsOn: string;
  endsOn: string;
}

export interface ReferenceData {
  counties: Map<string, County>;
  municipalities: Map<string, Municipality>;
  councilTerms: CouncilTerm[];
}

/** Swedish-speaking and Swedish-majority municipalities are addressed in Swedish, the rest in Finnish. */
export function defaultLanguage(municipality: Municipality): Language {
  return municipality.languageStatus >= 2 ? 'sv' : 'fi';
}

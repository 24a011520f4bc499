// The 2026 classification of counties and municipalities (Statistics Finland, CC BY 4.0), shipped in
// db/reference-data so that validation works without the database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Language } from '../workflows/contracts';

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

export interface ReferenceData {
  counties: Map<string, County>;
  municipalities: Map<string, Municipality>;
}

const rows = (text: string): Record<string, string>[] => parse(text, { columns: true, skip_empty_lines: true, trim: true });

/** Counties from a classification CSV (code, name_fi, name_sv, name_en, …). */
export function parseCounties(text: string): County[] {
  return rows(text).map((r) => ({ code: r.code!, name: { fi: r.name_fi!, sv: r.name_sv!, en: r.name_en! } }));
}

/** Municipalities from a classification CSV (code, names, county_code, language_code, …). */
export function parseMunicipalities(text: string): Municipality[] {
  return rows(text).map((r) => ({
    code: r.code!,
    name: { fi: r.name_fi!, sv: r.name_sv!, en: r.name_en! },
    countyCode: r.county_code!,
    languageStatus: Number(r.language_code) as Municipality['languageStatus'],
  }));
}

export const SHIPPED_REFERENCE = {
  validFrom: '2026-01-01',
  counties: () => readFileSync(path.join(__dirname, 'reference-data', 'counties-2026.csv'), 'utf8'),
  municipalities: () => readFileSync(path.join(__dirname, 'reference-data', 'municipalities-2026.csv'), 'utf8'),
};

let cached: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  cached ??= {
    counties: new Map(parseCounties(SHIPPED_REFERENCE.counties()).map((c) => [c.code, c])),
    municipalities: new Map(parseMunicipalities(SHIPPED_REFERENCE.municipalities()).map((m) => [m.code, m])),
  };
  return cached;
}

/** Swedish-speaking and Swedish-majority municipalities are addressed in Swedish, the rest in Finnish. */
export function defaultLanguage(municipality: Municipality): Language {
  return municipality.languageStatus >= 2 ? 'sv' : 'fi';
}

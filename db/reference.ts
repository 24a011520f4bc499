// The 2026 classification of counties and municipalities (Statistics Finland, CC BY 4.0) and the council terms,
// shipped in db/reference-data and loaded into Postgres (db/reference-store.ts), which every check reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CouncilTerm, County, Municipality, ReferenceData } from '../core/domain/reference';

const rows = (text: string): Record<string, string>[] =>
  parse(text, { columns: true, skip_empty_lines: true, trim: true });

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

/** Council terms from a CSV (period, starts_on, ends_on). */
export function parseCouncilTerms(text: string): CouncilTerm[] {
  return rows(text).map((r) => ({ period: r.period!, startsOn: r.starts_on!, endsOn: r.ends_on! }));
}

const shipped = (file: string) => () => readFileSync(path.join(__dirname, 'reference-data', file), 'utf8');

export const SHIPPED_REFERENCE = {
  validFrom: '2026-01-01',
  counties: shipped('counties-2026.csv'),
  municipalities: shipped('municipalities-2026.csv'),
  councilTerms: shipped('council-terms.csv'),
};

/** The shipped classification as `referenceOn` returns it from a freshly seeded database: for what runs without one
 * (the CLI's words, tests). */
export const shippedReference = (): ReferenceData => ({
  counties: new Map(parseCounties(SHIPPED_REFERENCE.counties()).map((c) => [c.code, c])),
  municipalities: new Map(parseMunicipalities(SHIPPED_REFERENCE.municipalities()).map((m) => [m.code, m])),
  councilTerms: parseCouncilTerms(SHIPPED_REFERENCE.councilTerms()),
});

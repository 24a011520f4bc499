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

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(__dirname, 'reference-data', file), 'utf8'), { columns: true, skip_empty_lines: true });
}

let cached: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  cached ??= {
    counties: new Map(
      readCsv('counties-2026.csv').map((r) => [r.code!, { code: r.code!, name: { fi: r.name_fi!, sv: r.name_sv!, en: r.name_en! } }]),
    ),
    municipalities: new Map(
      readCsv('municipalities-2026.csv').map((r) => [
        r.code!,
        {
          code: r.code!,
          name: { fi: r.name_fi!, sv: r.name_sv!, en: r.name_en! },
          countyCode: r.county_code!,
          languageStatus: Number(r.language_code) as Municipality['languageStatus'],
        },
      ]),
    ),
  };
  return cached;
}

/** Swedish-speaking and Swedish-majority municipalities are addressed in Swedish, the rest in Finnish. */
export function defaultLanguage(municipality: Municipality): Language {
  return municipality.languageStatus >= 2 ? 'sv' : 'fi';
}

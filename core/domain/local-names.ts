// Names as each reader reads them: a municipality, county or ministry by its name in the reader's language (Lovisa,
// not Loviisa, for a Swedish reader), and a cycle's default title in that language. Names a cycle file wrote itself
// (another actor, a title of its own) are shown as written.
import type { CycleKind, Language } from '../contracts';
import { TEMPLATES } from './cycle-templates';
import { NATIONAL_PARTIES } from './national-parties';
import type { ReferenceData } from './reference';

export function partyNameIn(reference: ReferenceData, code: string, written: string, language: Language): string {
  return (
    (reference.municipalities.get(code) ?? reference.counties.get(code) ?? NATIONAL_PARTIES[code])?.name[language] ??
    written
  );
}

export function cycleTitleIn(
  reference: ReferenceData,
  cycle: { title: string; kind: CycleKind; countyCode: string; period: string },
  language: Language,
): string {
  const county = reference.counties.get(cycle.countyCode);
  const template = TEMPLATES[cycle.kind];
  if (!county || cycle.title !== template.title(county.name.fi, cycle.period)) return cycle.title;
  return template.titleIn[language](county.name[language], cycle.period);
}

/** The languages a cycle's documents are written in, the main one first: Finnish, and Swedish too when a party is
 * Swedish-speaking or a bilingual municipality (its council files the agreement in both). */
export function documentLanguages(
  reference: ReferenceData,
  parties: { code: string; language: Language }[],
): Language[] {
  const swedish = parties.some(
    (p) => p.language === 'sv' || (reference.municipalities.get(p.code)?.languageStatus ?? 0) >= 1,
  );
  return swedish ? ['fi', 'sv'] : ['fi'];
}

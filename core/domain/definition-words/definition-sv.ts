// A cycle definition's problems in Swedish (definition-words.ts).
import { finnishDate, type DefinitionWords } from './definition-kit';

const SCHEMA = {
  required: 'saknas',
  too_long: 'för lång',
  too_big: 'för stor',
  too_small: 'för liten',
  not_allowed: 'är inte ett tillåtet värde',
  unknown_keys: 'okänt fält',
  invalid: 'duger inte',
};
const PHASE = { preparation: 'beredningen', round: 'remissrundan', signoff: 'godkännandet' };
const ROLE = { contact: 'kontaktperson', signatory: 'undertecknare' };

export const sv: DefinitionWords = {
  schema: (p) =>
    `${SCHEMA[p.problem]}${p.limit !== undefined ? ` (gräns ${p.limit})` : ''}${p.keys?.length ? `: ${p.keys.join(', ')}` : ''}`,
  tooLarge: (p) => `filen är för stor: en förhandlingsfil är högst ${p.max} byte`,
  notUtf8: () => 'filen är inte i UTF-8: spara den i UTF-8-format',
  syntax: (p) => `filen är inte giltig ${p.format}`,
  duplicateKey: (p) => `nyckeln '${p.name}'${p.line ? ` (rad ${p.line})` : ''} anges två gånger`,
  noSuchFile: () => 'filen finns inte',
  noSecretariat: (p, c) => `partsregistret har inget sekretariat för ${c.party(p.county)}`,
  unknownCounty: (p) => `okänd beteckning för välfärdsområde '${p.county}'`,
  helsinkiNotCounty: () =>
    'Helsingfors stad hör inte till något välfärdsområde; dess årliga förhandling förs med HUS (612/2021 6 § 5 mom.)',
  husNeedsHelsinki: () => 'HUS-förhandlingen förs mellan Helsingfors stad och HUS: dess område är Helsingfors (90)',
  aland: () => 'Åland hör inte till välfärdsområdena',
  themeNeedsAgenda: () => 'en temaförhandling anger sitt tema: ange föredragningslistan (t.ex. Rökfri kommun)',
  themeNeedsId: () => 'ett välfärdsområde för många temaförhandlingar om året: ge var och en sin egen beteckning',
  startInPast: (p) => `${finnishDate(p.date)} har redan varit`,
  notCouncilTerm: (p) => `'${p.period}' är ingen fullmäktigeperiod (${p.terms.join(', ')})`,
  outsideCouncilTerm: (p) =>
    `fullmäktigeperioden ${p.period} är ${finnishDate(p.from)}–${finnishDate(p.to)}; denna förhandling skulle börja ${finnishDate(p.start)}`,
  organisationsInTerm: () =>
    'andra aktörer deltar endast i årliga förhandlingar, HUS-förhandlingar och temaförhandlingar',
  organisationsInMinistry: () => 'ministerieförhandlingen förs mellan ministerierna och välfärdsområdet',
  periodNotYear: (p) => `en årlig förhandling hör till ett år, t.ex. ${p.example}`,
  periodWrongYear: (p) => `${p.year} är varken året då förhandlingen börjar (${p.startYear}) eller året därpå`,
  listedTwice: (p, c) => `${c.party(p.party)} finns två gånger i förteckningen`,
  nationalWrongKind: (p, c) =>
    `${c.party(p.party)} är part endast i ${p.party === 'hus' ? 'årliga förhandlingar, HUS-förhandlingar och temaförhandlingar' : 'ministerieförhandlingar'}`,
  husOutsideUusimaa: (p, c) =>
    `HUS-sammanslutningen deltar endast i Helsingfors och Nylands välfärdsområdens förhandlingar, inte i ${c.party(p.county)}`,
  ministryWithOthers: (p, c) =>
    `ministerieförhandlingen förs mellan ministerierna och ${c.party(p.county)}, inte med ${c.party(p.party)}`,
  helsinkiAsCity: () => 'Helsingfors stad deltar som stad: 091',
  notTheCounty: (p, c) => `${c.party(p.party)} är inte förhandlingens välfärdsområde ${c.party(p.county)}`,
  unknownMunicipality: (p) => `okänt kommunnummer '${p.party}'`,
  wrongCounty: (p, c) => `${c.party(p.party)} hör till ${c.party(p.belongs)}, inte till ${c.party(p.county)}`,
  organisationIsMinistry: (p, c) => `${c.party(p.party)} är part endast i ministerieförhandlingar`,
  codeUsedTwice: (p) => `beteckningen '${p.party}' används två gånger`,
  notAParty: (p) => `'${p.party}' är inte part i denna förhandling`,
  noParticipants: (p, c) => `${c.party(p.party)} har inga deltagare`,
  noRole: (p, c) => `${c.party(p.party)} har ingen ${ROLE[p.role]}`,
  emailTwice: (p) => `${p.email} finns två gånger i denna parts förteckning`,
  ministryNeedsMinistry: () => 'en ministerieförhandling behöver minst ett av ministerierna (vm, stm, sm)',
  ministryNeedsCounty: (p, c) => `ministerieförhandlingen förs med välfärdsområdet: lägg till ${c.party(p.county)}`,
  reminderTooEarly: (p) =>
    `en påminnelse ${p.days} arbetsdagar före tidsfristen skulle komma innan ${p.phases.map((x) => `${PHASE[x.phase]} (${x.days} arbetsdagar)`).join(' och ')} börjar`,
  secondCycle: (p, c) =>
    `${c.party(p.county)} har redan en förhandling för ${p.period} (${p.existing.join(', ')}); en andra behöver en orsak`,
  noCouncilTermOn: (p) => `ingen fullmäktigeperiod omfattar ${finnishDate(p.date)}`,
  cycleExists: (p) => `förhandlingen '${p.id}' finns redan; ge filen en annan beteckning (id)`,
};

// A cycle definition's problems in English for a reader (definition-words.ts): parties by name and dates as Finns
// write them. The CLI and the logs print the core's own sentences (definition-problems.ts), codes and all.
import { finnishDate, type DefinitionWords } from './definition-kit';

const SCHEMA = {
  required: 'missing',
  too_long: 'too long',
  too_big: 'too large',
  too_small: 'too small',
  not_allowed: 'not an allowed value',
  unknown_keys: 'unknown field',
  invalid: 'not valid',
};
const PHASE = { preparation: 'the preparation', round: 'the consultation round', signoff: 'the sign-off' };

export const en: DefinitionWords = {
  schema: (p) =>
    `${SCHEMA[p.problem]}${p.limit !== undefined ? ` (limit ${p.limit})` : ''}${p.keys?.length ? `: ${p.keys.join(', ')}` : ''}`,
  tooLarge: (p) => `the file is too large: a cycle file is at most ${p.max} bytes`,
  notUtf8: () => 'the file is not UTF-8: save it as UTF-8',
  syntax: (p) => `the file is not valid ${p.format}`,
  duplicateKey: (p) => `the key '${p.name}'${p.line ? ` (line ${p.line})` : ''} is given twice`,
  noSuchFile: () => 'no such file',
  noSecretariat: (p, c) => `the party directory has no secretariat for ${c.party(p.county)}`,
  unknownCounty: (p) => `unknown wellbeing services county code '${p.county}'`,
  helsinkiNotCounty: () =>
    'the City of Helsinki is not part of a wellbeing services county; its yearly negotiation is with HUS (612/2021 §6(5))',
  husNeedsHelsinki: () => "a HUS negotiation is the City of Helsinki's with HUS: its area is Helsinki (90)",
  aland: () => 'Åland is outside the wellbeing services county system',
  themeNeedsAgenda: () => 'a theme negotiation names its theme: give the agenda (e.g. Savuton kunta)',
  themeNeedsId: () => 'a county holds many theme negotiations a year: give each its own id',
  startInPast: (p) => `${finnishDate(p.date)} is in the past`,
  notCouncilTerm: (p) => `'${p.period}' is not a council term (${p.terms.join(', ')})`,
  outsideCouncilTerm: (p) =>
    `the council term ${p.period} runs ${finnishDate(p.from)}–${finnishDate(p.to)}; this negotiation would start ${finnishDate(p.start)}`,
  organisationsInTerm: () => 'other actors take part in annual, HUS and theme negotiations only',
  organisationsInMinistry: () => 'a ministry negotiation is between the ministries and the county',
  periodNotYear: (p) => `an annual negotiation belongs to a year, e.g. ${p.example}`,
  periodWrongYear: (p) => `${p.year} is neither the year this negotiation starts (${p.startYear}) nor the next`,
  listedTwice: (p, c) => `${c.party(p.party)} is listed twice`,
  nationalWrongKind: (p, c) =>
    `${c.party(p.party)} takes part in ${p.party === 'hus' ? 'annual, HUS and theme negotiations' : 'ministry negotiations'} only`,
  husOutsideUusimaa: (p, c) =>
    `the HUS Group takes part in Helsinki's and the Uusimaa counties' negotiations only, not in ${c.party(p.county)}'s`,
  ministryWithOthers: (p, c) =>
    `a ministry negotiation is between the ministries and ${c.party(p.county)}, not ${c.party(p.party)}`,
  helsinkiAsCity: () => 'the City of Helsinki takes part as the city: 091',
  notTheCounty: (p, c) => `${c.party(p.party)} is not this negotiation's county, ${c.party(p.county)}`,
  unknownMunicipality: (p) => `unknown municipality number '${p.party}'`,
  wrongCounty: (p, c) => `${c.party(p.party)} belongs to ${c.party(p.belongs)}, not to ${c.party(p.county)}`,
  organisationIsMinistry: (p, c) => `${c.party(p.party)} takes part in ministry negotiations only`,
  codeUsedTwice: (p) => `the code '${p.party}' is used twice`,
  notAParty: (p) => `'${p.party}' is not a party of this negotiation`,
  noParticipants: (p, c) => `${c.party(p.party)} has no participants`,
  noRole: (p, c) => `${c.party(p.party)} has no ${p.role}`,
  emailTwice: (p) => `${p.email} is listed twice for this party`,
  ministryNeedsMinistry: () => 'a ministry negotiation needs at least one of the ministries (vm, stm, sm)',
  ministryNeedsCounty: (p, c) => `a ministry negotiation is held with the county: add ${c.party(p.county)}`,
  reminderTooEarly: (p) =>
    `a reminder ${p.days} working days before the deadline would come before ${p.phases.map((x) => `${PHASE[x.phase]} (${x.days} working days)`).join(' and ')} begins`,
  secondCycle: (p, c) =>
    `${c.party(p.county)} already has a negotiation for ${p.period} (${p.existing.join(', ')}); a second one needs its reason`,
  noCouncilTermOn: (p) => `no council term covers ${finnishDate(p.date)}`,
  cycleExists: (p) => `the negotiation '${p.id}' already exists; give the file another id`,
};

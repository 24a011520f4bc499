// A cycle definition's problems in Finnish (definition-words.ts).
import { finnishDate, type DefinitionWords } from './definition-kit';

const SCHEMA = {
  required: 'puuttuu',
  too_long: 'liian pitkä',
  too_big: 'liian suuri',
  too_small: 'liian pieni',
  not_allowed: 'ei ole sallittu arvo',
  unknown_keys: 'tuntematon kenttä',
  invalid: 'ei kelpaa',
};
const PHASE = { preparation: 'valmistelu', round: 'lausuntokierros', signoff: 'hyväksyntä' };
const ROLE = { contact: 'yhteyshenkilöä', signatory: 'allekirjoittajaa' };

export const fi: DefinitionWords = {
  schema: (p) =>
    `${SCHEMA[p.problem]}${p.limit !== undefined ? ` (raja ${p.limit})` : ''}${p.keys?.length ? `: ${p.keys.join(', ')}` : ''}`,
  tooLarge: (p) => `tiedosto on liian suuri: neuvottelutiedosto on enintään ${p.max} tavua`,
  notUtf8: () => 'tiedosto ei ole UTF-8-merkistössä: tallenna se UTF-8-muodossa',
  syntax: (p) => `tiedosto ei ole kelvollista ${p.format}-muotoa`,
  duplicateKey: (p) => `avain '${p.name}'${p.line ? ` (rivi ${p.line})` : ''} on annettu kahdesti`,
  noSuchFile: () => 'tiedostoa ei löydy',
  noSecretariat: (p, c) => `osapuolihakemistossa ei ole sihteeristöä hyvinvointialueelle ${c.party(p.county)}`,
  unknownCounty: (p) => `tuntematon hyvinvointialueen tunnus '${p.county}'`,
  helsinkiNotCounty: () =>
    'Helsingin kaupunki ei kuulu hyvinvointialueeseen; sen vuosittainen neuvottelu käydään HUSin kanssa (612/2021 6 §:n 5 mom.)',
  husNeedsHelsinki: () => 'HUS-neuvottelu on Helsingin kaupungin ja HUSin välinen: sen alue on Helsinki (90)',
  aland: () => 'Ahvenanmaa ei kuulu hyvinvointialueisiin',
  themeNeedsAgenda: () => 'teemaneuvottelu nimeää teemansa: anna asialista (esim. Savuton kunta)',
  themeNeedsId: () => 'hyvinvointialue käy monta teemaneuvottelua vuodessa: anna kullekin oma tunnus',
  startInPast: (p) => `${finnishDate(p.date)} on mennyt päivä`,
  notCouncilTerm: (p) => `'${p.period}' ei ole valtuustokausi (${p.terms.join(', ')})`,
  outsideCouncilTerm: (p) =>
    `valtuustokausi ${p.period} on ${finnishDate(p.from)}–${finnishDate(p.to)}; tämä neuvottelu alkaisi ${finnishDate(p.start)}`,
  organisationsInTerm: () => 'muut toimijat osallistuvat vain vuosittaisiin, HUS- ja teemaneuvotteluihin',
  organisationsInMinistry: () => 'ministeriöneuvottelu käydään ministeriöiden ja hyvinvointialueen kesken',
  periodNotYear: (p) => `vuosittainen neuvottelu kuuluu vuodelle, esim. ${p.example}`,
  periodWrongYear: (p) => `${p.year} ei ole neuvottelun alkamisvuosi (${p.startYear}) eikä sitä seuraava`,
  listedTwice: (p, c) => `${c.party(p.party)} on luettelossa kahdesti`,
  nationalWrongKind: (p, c) =>
    `${c.party(p.party)} on osapuolena vain ${p.party === 'hus' ? 'vuosittaisissa, HUS- ja teemaneuvotteluissa' : 'ministeriöneuvotteluissa'}`,
  husOutsideUusimaa: (p, c) =>
    `HUS-yhtymä osallistuu vain Helsingin ja Uudenmaan hyvinvointialueiden neuvotteluihin, ei alueen ${c.party(p.county)}`,
  ministryWithOthers: (p, c) =>
    `ministeriöneuvottelu käydään ministeriöiden ja hyvinvointialueen ${c.party(p.county)} kesken, ei osapuolen ${c.party(p.party)}`,
  helsinkiAsCity: () => 'Helsingin kaupunki osallistuu kaupunkina: 091',
  notTheCounty: (p, c) => `${c.party(p.party)} ei ole neuvottelun hyvinvointialue ${c.party(p.county)}`,
  unknownMunicipality: (p) => `tuntematon kuntanumero '${p.party}'`,
  wrongCounty: (p, c) =>
    `${c.party(p.party)} kuuluu alueeseen ${c.party(p.belongs)}, ei alueeseen ${c.party(p.county)}`,
  organisationIsMinistry: (p, c) => `${c.party(p.party)} on osapuolena vain ministeriöneuvotteluissa`,
  codeUsedTwice: (p) => `tunnus '${p.party}' on käytössä kahdesti`,
  notAParty: (p) => `'${p.party}' ei ole tämän neuvottelun osapuoli`,
  noParticipants: (p, c) => `osapuolella ${c.party(p.party)} ei ole osallistujia`,
  noRole: (p, c) => `osapuolella ${c.party(p.party)} ei ole ${ROLE[p.role]}`,
  emailTwice: (p) => `${p.email} on tämän osapuolen luettelossa kahdesti`,
  ministryNeedsMinistry: () => 'ministeriöneuvottelussa on oltava ainakin yksi ministeriöistä (vm, stm, sm)',
  ministryNeedsCounty: (p, c) => `ministeriöneuvottelu käydään hyvinvointialueen kanssa: lisää ${c.party(p.county)}`,
  reminderTooEarly: (p) =>
    `muistutus ${p.days} työpäivää ennen määräaikaa tulisi ennen kuin ${p.phases.map((x) => `${PHASE[x.phase]} (${x.days} työpäivää)`).join(' ja ')} alkaa`,
  secondCycle: (p, c) =>
    `hyvinvointialueella ${c.party(p.county)} on jo neuvottelu kaudelle ${p.period} (${p.existing.join(', ')}); toiselle on annettava syy`,
  noCouncilTermOn: (p) => `mikään valtuustokausi ei kata päivää ${finnishDate(p.date)}`,
  cycleExists: (p) => `neuvottelu '${p.id}' on jo olemassa; anna tiedostolle toinen tunnus (id)`,
};

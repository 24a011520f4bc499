// The party directory's spreadsheet in each language: its column headers and role words (the template a county
// downloads is written in them, and they are read back), and every problem of a row as a sentence.
import type { Language } from '../contracts';
import type { DirectoryColumn, DirectoryProblem, DirectoryRole } from './directory-rows';

interface DirectorySheetWords {
  columns: Record<DirectoryColumn, string>;
  roles: Record<DirectoryRole, string>;
  row: (n: number) => string;
  problem: { [K in DirectoryProblem['key']]: (p: Extract<DirectoryProblem, { key: K }>) => string };
}

const fi: DirectorySheetWords = {
  columns: { party_code: 'tunnus', name: 'nimi', email: 'sähköposti', role: 'rooli', language: 'kieli' },
  roles: { contact: 'yhteyshenkilö', signatory: 'allekirjoittaja', member: 'jäsen', secretariat: 'sihteeristö' },
  row: (n) => `rivi ${n}`,
  problem: {
    required: () => 'puuttuu',
    tooLong: (p) => `enintään ${p.max} merkkiä yhdellä rivillä`,
    badEmail: (p) => `${p.value} ei ole sähköpostiosoite`,
    badCode: (p) => `${p.value} ei ole hyvinvointialueen (2 numeroa), kunnan (3 numeroa) tai toimijan tunnus`,
    unknownCounty: (p) => `hyvinvointialuetta ${p.value} ei ole`,
    unknownMunicipality: (p) => `kuntaa ${p.value} ei ole (tai se on yhdistynyt)`,
    secretariatNotCounty: (p) => `sihteeristö kuuluu hyvinvointialueelle, ei osapuolelle ${p.value}`,
    badRole: (p) => `${p.value} ei ole rooli (yhteyshenkilö, allekirjoittaja, jäsen, sihteeristö)`,
    badLanguage: (p) => `${p.value} ei ole kieli (suomi, ruotsi, englanti)`,
    twice: (p) => `sama henkilö samassa roolissa jo rivillä ${p.firstRow}`,
    outOfScope: (p) => `osapuoli ${p.value} ei kuulu tilisi hyvinvointialueisiin`,
    missingColumns: (p) => `sarakkeet puuttuvat: ${p.columns.map((c) => fi.columns[c]).join(', ')}`,
    unreadable: (p) => `tiedostoa ei voi lukea ${p.format}-tiedostona`,
    empty: () => 'tiedostossa ei ole yhtään riviä',
  },
};

const sv: DirectorySheetWords = {
  columns: { party_code: 'kod', name: 'namn', email: 'e-post', role: 'roll', language: 'språk' },
  roles: { contact: 'kontaktperson', signatory: 'undertecknare', member: 'medlem', secretariat: 'sekretariat' },
  row: (n) => `rad ${n}`,
  problem: {
    required: () => 'saknas',
    tooLong: (p) => `högst ${p.max} tecken på en rad`,
    badEmail: (p) => `${p.value} är ingen e-postadress`,
    badCode: (p) => `${p.value} är ingen kod för välfärdsområde (2 siffror), kommun (3 siffror) eller aktör`,
    unknownCounty: (p) => `välfärdsområdet ${p.value} finns inte`,
    unknownMunicipality: (p) => `kommunen ${p.value} finns inte (eller har gått samman)`,
    secretariatNotCounty: (p) => `sekretariatet hör till välfärdsområdet, inte till parten ${p.value}`,
    badRole: (p) => `${p.value} är ingen roll (kontaktperson, undertecknare, medlem, sekretariat)`,
    badLanguage: (p) => `${p.value} är inget språk (finska, svenska, engelska)`,
    twice: (p) => `samma person i samma roll redan på rad ${p.firstRow}`,
    outOfScope: (p) => `parten ${p.value} hör inte till ditt kontos välfärdsområden`,
    missingColumns: (p) => `kolumner saknas: ${p.columns.map((c) => sv.columns[c]).join(', ')}`,
    unreadable: (p) => `filen kan inte läsas som ${p.format}-fil`,
    empty: () => 'filen har inga rader',
  },
};

const en: DirectorySheetWords = {
  columns: { party_code: 'party_code', name: 'name', email: 'email', role: 'role', language: 'language' },
  roles: { contact: 'contact', signatory: 'signatory', member: 'member', secretariat: 'secretariat' },
  row: (n) => `row ${n}`,
  problem: {
    required: () => 'is missing',
    tooLong: (p) => `at most ${p.max} characters on one line`,
    badEmail: (p) => `${p.value} is not an email address`,
    badCode: (p) => `${p.value} is not a county (2 digits), municipality (3 digits) or organisation code`,
    unknownCounty: (p) => `there is no county ${p.value}`,
    unknownMunicipality: (p) => `there is no municipality ${p.value} (or it has merged)`,
    secretariatNotCounty: (p) => `a secretariat belongs to a county, not to party ${p.value}`,
    badRole: (p) => `${p.value} is not a role (contact, signatory, member, secretariat)`,
    badLanguage: (p) => `${p.value} is not a language (fi, sv, en)`,
    twice: (p) => `the same person in the same role is already on row ${p.firstRow}`,
    outOfScope: (p) => `party ${p.value} is not in your account's counties`,
    missingColumns: (p) => `columns missing: ${p.columns.join(', ')}`,
    unreadable: (p) => `the file cannot be read as ${p.format}`,
    empty: () => 'the file has no rows',
  },
};

export const DIRECTORY_SHEET_WORDS: Record<Language, DirectorySheetWords> = { fi, sv, en };

/** A row's problem as a sentence: `row 3: email: x is not an email address`. */
export function directoryProblemIn(language: Language, p: DirectoryProblem): string {
  const w = DIRECTORY_SHEET_WORDS[language];
  const say = w.problem[p.key] as (p: DirectoryProblem) => string;
  const where = p.field === 'file' ? '' : `${w.row(p.row)}: ${w.columns[p.field]}: `;
  return `${where}${say(p)}`;
}

// A row of the party directory as counties keep it in a spreadsheet (XLSX or CSV): its columns under the names
// people give them in Finnish, Swedish or English, roles and languages in words or codes, and every problem of a row
// as data (row number as the spreadsheet shows it, field, what is wrong), for its reader's words to say.
import { z } from 'zod';
import type { Language } from '../contracts';

export const DIRECTORY_COLUMNS = ['party_code', 'name', 'email', 'role', 'language'] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];
export const DIRECTORY_ROLES = ['contact', 'signatory', 'member', 'secretariat'] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

export interface DirectoryEntry {
  party_code: string;
  name: string;
  email: string;
  role: DirectoryRole;
  language: Language | null;
}

export type DirectoryProblem = { row: number; field: DirectoryColumn | 'file' } & (
  | { key: 'required' }
  | { key: 'tooLong'; max: number }
  | { key: 'badEmail'; value: string }
  | { key: 'badCode'; value: string }
  | { key: 'unknownCounty'; value: string }
  | { key: 'unknownMunicipality'; value: string }
  | { key: 'secretariatNotCounty'; value: string }
  | { key: 'badRole'; value: string }
  | { key: 'badLanguage'; value: string }
  | { key: 'twice'; firstRow: number }
  | { key: 'outOfScope'; value: string }
  | { key: 'missingColumns'; columns: DirectoryColumn[] }
  | { key: 'unreadable'; format: 'CSV' | 'XLSX' }
  | { key: 'empty' }
);

/** The column headers people write, lowercased, in each language. */
const HEADERS: Record<DirectoryColumn, string[]> = {
  party_code: ['party_code', 'code', 'party', 'osapuoli', 'tunnus', 'kuntanumero', 'kod', 'part'],
  name: ['name', 'nimi', 'namn'],
  email: ['email', 'e-mail', 'sähköposti', 'sahkoposti', 'e-post'],
  role: ['role', 'rooli', 'roll'],
  language: ['language', 'kieli', 'språk'],
};

/** The column a header names, or null for a column of the county's own (kept out). */
export function columnOf(header: string): DirectoryColumn | null {
  const h = header.trim().toLowerCase();
  return DIRECTORY_COLUMNS.find((c) => HEADERS[c].includes(h)) ?? null;
}

const ROLE_WORDS: Record<string, DirectoryRole> = {
  contact: 'contact',
  yhteyshenkilö: 'contact',
  kontaktperson: 'contact',
  signatory: 'signatory',
  allekirjoittaja: 'signatory',
  undertecknare: 'signatory',
  member: 'member',
  jäsen: 'member',
  medlem: 'member',
  secretariat: 'secretariat',
  sihteeristö: 'secretariat',
  sekretariat: 'secretariat',
};
const LANGUAGE_WORDS: Record<string, Language> = {
  fi: 'fi',
  suomi: 'fi',
  finska: 'fi',
  finnish: 'fi',
  sv: 'sv',
  ruotsi: 'sv',
  svenska: 'sv',
  swedish: 'sv',
  en: 'en',
  englanti: 'en',
  engelska: 'en',
  english: 'en',
};

const NAME_MAX = 200;
const emailSchema = z.email();

/** The codes a row may name: counties and today's municipalities. */
export interface KnownParties {
  counties: Set<string>;
  municipalities: Set<string>;
}

/** One row: its entry, or every problem it has. `row` is the row's number as the spreadsheet shows it. */
export function checkDirectoryRow(
  record: Partial<Record<DirectoryColumn, string>>,
  row: number,
  known: KnownParties,
): { entry: DirectoryEntry } | { problems: DirectoryProblem[] } {
  const problems: DirectoryProblem[] = [];
  // A code is taken as written: a spreadsheet that dropped a leading zero (018 as 18) names another party, and is
  // refused or caught by the reader, never guessed at. The template's code column is text for that reason.
  const party_code = (record.party_code ?? '').trim().toLowerCase();
  const name = (record.name ?? '').trim();
  const email = (record.email ?? '').trim().toLowerCase();
  const roleText = (record.role ?? '').trim().toLowerCase();
  const languageText = (record.language ?? '').trim().toLowerCase();
  const role = ROLE_WORDS[roleText];
  const language = languageText ? LANGUAGE_WORDS[languageText] : null;
  if (!party_code) problems.push({ row, field: 'party_code', key: 'required' });
  else if (!/^(\d{2}|\d{3}|[a-z][a-z0-9-]{1,40})$/.test(party_code))
    problems.push({ row, field: 'party_code', key: 'badCode', value: party_code });
  else if (/^\d{2}$/.test(party_code) && !known.counties.has(party_code))
    problems.push({ row, field: 'party_code', key: 'unknownCounty', value: party_code });
  else if (/^\d{3}$/.test(party_code) && !known.municipalities.has(party_code))
    problems.push({ row, field: 'party_code', key: 'unknownMunicipality', value: party_code });
  if (!name) problems.push({ row, field: 'name', key: 'required' });
  else if (name.length > NAME_MAX || /[\r\n\0]/.test(name))
    problems.push({ row, field: 'name', key: 'tooLong', max: NAME_MAX });
  if (!email) problems.push({ row, field: 'email', key: 'required' });
  else if (!emailSchema.safeParse(email).success) problems.push({ row, field: 'email', key: 'badEmail', value: email });
  if (!roleText) problems.push({ row, field: 'role', key: 'required' });
  else if (!role) problems.push({ row, field: 'role', key: 'badRole', value: roleText });
  else if (role === 'secretariat' && !known.counties.has(party_code))
    problems.push({ row, field: 'role', key: 'secretariatNotCounty', value: party_code });
  if (language === undefined) problems.push({ row, field: 'language', key: 'badLanguage', value: languageText });
  if (problems.length || !role || language === undefined) return { problems };
  return { entry: { party_code, name, email, role, language } };
}

/** Every row of a sheet: the entries, and the problems of the rows refused (a person twice in one role too). */
export function checkDirectoryRows(
  rows: { row: number; record: Partial<Record<DirectoryColumn, string>> }[],
  known: KnownParties,
): { entries: (DirectoryEntry & { row: number })[]; problems: DirectoryProblem[] } {
  const entries: (DirectoryEntry & { row: number })[] = [];
  const problems: DirectoryProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    const checked = checkDirectoryRow(record, row, known);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      continue;
    }
    const key = `${checked.entry.party_code}/${checked.entry.email}/${checked.entry.role}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row, field: 'email', key: 'twice', firstRow: first });
    else {
      seen.set(key, row);
      entries.push({ ...checked.entry, row });
    }
  }
  return { entries, problems };
}

/** A sheet's rows by the directory's columns, from its header row and cells as text: what CSV and XLSX both read as.
 * Row numbers are the sheet's (the header is row 1). */
export function sheetRows(cells: string[][]): {
  rows: { row: number; record: Partial<Record<DirectoryColumn, string>> }[];
  problems: DirectoryProblem[];
} {
  const [header = [], ...body] = cells;
  const columns = header.map(columnOf);
  const missing = (['party_code', 'name', 'email', 'role'] as const).filter((c) => !columns.includes(c));
  if (missing.length)
    return { rows: [], problems: [{ row: 1, field: 'file', key: 'missingColumns', columns: missing }] };
  const rows = body
    .map((values, i) => ({
      row: i + 2,
      record: Object.fromEntries(
        columns.flatMap((c, j) => (c ? [[c, (values[j] ?? '').trim()] as const] : [])),
      ) as Partial<Record<DirectoryColumn, string>>,
    }))
    .filter(({ record }) => Object.values(record).some(Boolean));
  return rows.length ? { rows, problems: [] } : { rows, problems: [{ row: 1, field: 'file', key: 'empty' }] };
}

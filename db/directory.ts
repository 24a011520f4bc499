// The party directory: who acts for each party by default (contact, signatory, members), each county's secretariat
// and the counterpart pairs per cooperation area. Kept from spreadsheets (a file's parties replaced by its rows) and
// by people on the web, one entry at a time; every change is kept with who made it and when.
import { parse } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import {
  checkDirectoryRows,
  sheetRows,
  type DirectoryEntry,
  type DirectoryProblem,
  type KnownParties,
} from '../core/domain/directory-rows';
import type { Database } from './schema';

/** The codes a directory row may name: every county and today's municipalities. */
export async function knownParties(db: Kysely<Database>): Promise<KnownParties> {
  const counties = await db.selectFrom('counties').select('code').execute();
  const municipalities = await db.selectFrom('municipalities').select('code').where('valid_to', 'is', null).execute();
  return { counties: new Set(counties.map((c) => c.code)), municipalities: new Set(municipalities.map((m) => m.code)) };
}

/** A CSV's cells as text, or the problem that it is not one. */
export function csvCells(csv: string): string[][] | DirectoryProblem {
  try {
    return parse(csv, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
  } catch {
    return { row: 1, field: 'file', key: 'unreadable', format: 'CSV' };
  }
}

/** The CLI's import: all or nothing, every bad row named. */
export async function importDirectory(
  db: Kysely<Database>,
  csv: string,
  by = 'import',
): Promise<{ imported: number; parties: number; problems: DirectoryProblem[] }> {
  const cells = csvCells(csv);
  if (!Array.isArray(cells)) return { imported: 0, parties: 0, problems: [cells] };
  const sheet = sheetRows(cells);
  const { entries, problems } = checkDirectoryRows(sheet.rows, await knownParties(db));
  if (sheet.problems.length || problems.length)
    return { imported: 0, parties: 0, problems: [...sheet.problems, ...problems] };
  return { ...(await replaceDirectoryParties(db, entries, by)), problems: [] };
}

const row = (e: DirectoryEntry) => ({
  party_code: e.party_code,
  name: e.name,
  email: e.email,
  role: e.role,
  language: e.language,
});

const logChange = (
  trx: Transaction<Database>,
  change: {
    party_code: string;
    action: Database['directory_changes']['action'];
    before: unknown;
    after: unknown;
    by: string;
  },
) =>
  trx
    .insertInto('directory_changes')
    .values({
      ...change,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    })
    .execute();

/** A sheet's entries: each party it names gets exactly its rows (a person left out of the sheet leaves the
 * directory), and the change is kept per party with what was there before. */
export async function replaceDirectoryParties(
  db: Kysely<Database>,
  entries: DirectoryEntry[],
  by: string,
): Promise<{ imported: number; parties: number }> {
  const parties = [...new Set(entries.map((e) => e.party_code))];
  await db.transaction().execute(async (trx) => {
    for (const party of parties) {
      const before = await trx.selectFrom('directory_entries').selectAll().where('party_code', '=', party).execute();
      const after = entries.filter((e) => e.party_code === party).map(row);
      await trx.deleteFrom('directory_entries').where('party_code', '=', party).execute();
      await trx
        .insertInto('directory_entries')
        .values(after.map((e) => ({ ...e, changed_by: by })))
        .onConflict((oc) => oc.columns(['party_code', 'email', 'role']).doNothing())
        .execute();
      await logChange(trx, { party_code: party, action: 'imported', before: before.map(row), after, by });
    }
  });
  return { imported: entries.length, parties: parties.length };
}

/** One entry added, or (`previous` given) changed; the same person twice in one role is refused by the key. */
export async function saveDirectoryEntry(
  db: Kysely<Database>,
  entry: DirectoryEntry,
  by: string,
  previous?: { email: string; role: string },
): Promise<'saved' | 'exists'> {
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('directory_entries')
      .select('email')
      .where('party_code', '=', entry.party_code)
      .where('email', '=', entry.email)
      .where('role', '=', entry.role)
      .executeTakeFirst();
    const same = previous && previous.email === entry.email && previous.role === entry.role;
    if (clash && !same) return 'exists';
    const before = previous
      ? await trx
          .deleteFrom('directory_entries')
          .where('party_code', '=', entry.party_code)
          .where('email', '=', previous.email)
          .where('role', '=', previous.role as DirectoryEntry['role'])
          .returningAll()
          .executeTakeFirst()
      : undefined;
    await trx
      .insertInto('directory_entries')
      .values({ ...row(entry), changed_by: by })
      .execute();
    await logChange(trx, {
      party_code: entry.party_code,
      action: before ? 'changed' : 'added',
      before: before ? row(before as DirectoryEntry) : null,
      after: row(entry),
      by,
    });
    return 'saved';
  });
}

export async function removeDirectoryEntry(
  db: Kysely<Database>,
  key: { party_code: string; email: string; role: string },
  by: string,
): Promise<DirectoryEntry | null> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('directory_entries')
      .where('party_code', '=', key.party_code)
      .where('email', '=', key.email)
      .where('role', '=', key.role as DirectoryEntry['role'])
      .returningAll()
      .executeTakeFirst();
    if (!removed) return null;
    await logChange(trx, {
      party_code: key.party_code,
      action: 'removed',
      before: row(removed as DirectoryEntry),
      after: null,
      by,
    });
    return removed as DirectoryEntry;
  });
}

/** The newest changes to these parties' entries and pairs, who made them and when. */
export function directoryChanges(db: Kysely<Database>, partyCodes: string[], limit = 50) {
  if (!partyCodes.length) return Promise.resolve([]);
  return db
    .selectFrom('directory_changes')
    .select(['party_code as partyCode', 'action', 'before', 'after', 'by', 'at'])
    .where('party_code', 'in', partyCodes)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface CounterpartPair {
  party_code: string;
  area: string;
  municipality_name: string;
  municipality_email: string;
  county_name: string;
  county_email: string;
}

export function counterpartsOf(db: Kysely<Database>, partyCodes: string[]) {
  if (!partyCodes.length) return Promise.resolve([]);
  return db
    .selectFrom('directory_counterparts')
    .selectAll()
    .where('party_code', 'in', partyCodes)
    .orderBy('party_code')
    .orderBy('area')
    .execute();
}

/** A municipality's pair in one area, set (added or replaced) or removed, the change kept. */
export async function setCounterpart(db: Kysely<Database>, pair: CounterpartPair, by: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom('directory_counterparts')
      .where('party_code', '=', pair.party_code)
      .where('area', '=', pair.area)
      .returningAll()
      .executeTakeFirst();
    await trx
      .insertInto('directory_counterparts')
      .values({ ...pair, changed_by: by })
      .execute();
    await logChange(trx, { party_code: pair.party_code, action: 'pair-set', before: before ?? null, after: pair, by });
  });
}

export async function removeCounterpart(db: Kysely<Database>, key: { party_code: string; area: string }, by: string) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom('directory_counterparts')
      .where('party_code', '=', key.party_code)
      .where('area', '=', key.area)
      .returningAll()
      .executeTakeFirst();
    if (before) await logChange(trx, { party_code: key.party_code, action: 'pair-removed', before, after: null, by });
  });
}

/** The running cycles in which a person acts for a party: where a directory change may call for a replacement. */
export function openCyclesWith(db: Kysely<Database>, partyCode: string, email: string) {
  return db
    .selectFrom('participants')
    .innerJoin('cycles', 'cycles.id', 'participants.cycle_id')
    .select(['cycles.id as cycleId', 'cycles.title', 'participants.role', 'participants.name'])
    .where('participants.party_code', '=', partyCode)
    .where('participants.email', '=', email)
    .where('participants.active', '=', true)
    .where('cycles.status', '=', 'running')
    .orderBy('cycles.started_at')
    .execute();
}

export function directoryOf(db: Kysely<Database>, partyCodes: string[]) {
  return partyCodes.length
    ? db
        .selectFrom('directory_entries')
        .selectAll()
        .where('party_code', 'in', partyCodes)
        .orderBy('party_code')
        .orderBy('role')
        .execute()
    : Promise.resolve([]);
}

/** A person as a cycle definition lists them. */
export interface DirectoryPerson {
  name: string;
  email: string;
  role: 'contact' | 'signatory' | 'member';
  language?: 'fi' | 'sv' | 'en';
}

/** Who the directory says acts for a county's negotiation: its secretariat, and each party's people (parties with
 * nobody are left out, for the definition's check to name). Scheduled cycles and the new-cycle form both start here. */
export async function directoryPeople(
  db: Kysely<Database>,
  countyCode: string,
  codes: string[],
): Promise<{ secretariat: Omit<DirectoryPerson, 'role'> | null; participants: Record<string, DirectoryPerson[]> }> {
  const entries = await directoryOf(db, [...new Set([countyCode, ...codes])]);
  const person = (e: (typeof entries)[number]) => ({
    name: e.name,
    email: e.email,
    ...(e.language ? { language: e.language as DirectoryPerson['language'] } : {}),
  });
  const secretariat = entries.find((e) => e.party_code === countyCode && e.role === 'secretariat');
  const participants = Object.fromEntries(
    codes
      .map(
        (code) =>
          [
            code,
            entries
              .filter((e) => e.party_code === code && e.role !== 'secretariat')
              .map((e) => ({ ...person(e), role: e.role as DirectoryPerson['role'] })),
          ] as const,
      )
      .filter(([, people]) => people.length),
  );
  return { secretariat: secretariat ? person(secretariat) : null, participants };
}

/** Whether the directory names the county's secretariat: without one, a failed scheduled start would reach nobody
 * there (the calendar refuses to install it unless told). */
export async function hasSecretariat(db: Kysely<Database>, countyCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('directory_entries')
    .select('email')
    .where('party_code', '=', countyCode)
    .where('role', '=', 'secretariat')
    .executeTakeFirst();
  return row !== undefined;
}

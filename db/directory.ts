// The party directory: who acts for each party by default (contact, signatory, members) and each county's
// secretariat. Imported from CSV all or nothing: one bad row and nothing changes, every problem named by its row.
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema';

const rowSchema = z.strictObject({
  party_code: z
    .string()
    .regex(
      /^(\d{2}|\d{3}|[a-z][a-z0-9-]{1,40})$/,
      'must be a county (2 digits), municipality (3 digits) or organisation code',
    ),
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email('not a valid email address')),
  role: z.enum(['contact', 'signatory', 'member', 'secretariat']),
  language: z.union([z.literal(''), z.enum(['fi', 'sv', 'en'])]).optional(),
});

export type DirectoryEntry = z.infer<typeof rowSchema>;

export async function importDirectory(
  db: Kysely<Database>,
  csv: string,
): Promise<{ imported: number; parties: number; problems: string[] }> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    return { imported: 0, parties: 0, problems: [`not a valid CSV file: ${(err as Error).message}`] };
  }
  const counties = new Set((await db.selectFrom('counties').select('code').execute()).map((c) => c.code));
  const municipalities = new Set(
    (await db.selectFrom('municipalities').select('code').where('valid_to', 'is', null).execute()).map((m) => m.code),
  );
  const problems: string[] = [];
  const entries: DirectoryEntry[] = [];
  records.forEach((record, i) => {
    const at = `row ${i + 1} (line ${i + 2})`;
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success)
      return void problems.push(
        ...parsed.error.issues.map((issue) => `${at}: ${issue.path.join('.') || 'row'}: ${issue.message}`),
      );
    const entry = parsed.data;
    if (/^\d{2}$/.test(entry.party_code) && !counties.has(entry.party_code))
      problems.push(`${at}: party_code: unknown county '${entry.party_code}'`);
    if (/^\d{3}$/.test(entry.party_code) && !municipalities.has(entry.party_code))
      problems.push(`${at}: party_code: unknown or merged municipality '${entry.party_code}'`);
    if (entry.role === 'secretariat' && !counties.has(entry.party_code))
      problems.push(`${at}: role: a secretariat belongs to a county`);
    entries.push(entry);
  });
  if (problems.length) return { imported: 0, parties: 0, problems };
  const parties = [...new Set(entries.map((e) => e.party_code))];
  await db.transaction().execute(async (trx) => {
    if (parties.length) await trx.deleteFrom('directory_entries').where('party_code', 'in', parties).execute();
    if (entries.length) {
      await trx
        .insertInto('directory_entries')
        .values(
          entries.map((e) => ({
            party_code: e.party_code,
            name: e.name,
            email: e.email,
            role: e.role,
            language: e.language || null,
          })),
        )
        .onConflict((oc) => oc.columns(['party_code', 'email', 'role']).doNothing())
        .execute();
    }
  });
  return { imported: entries.length, parties: parties.length, problems };
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

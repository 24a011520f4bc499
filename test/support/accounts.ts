// Staff accounts for a test, written where the web server reads them (PostgreSQL): `email:role:hash`, separated by
// whitespace, every county in scope unless `counties` says otherwise.
import type { Kysely } from 'kysely';
import { saveStaffAccount, type StaffRole } from '../../db/staff-accounts';
import type { Database } from '../../db/schema';

export async function seedAccounts(
  db: Kysely<Database>,
  spec: string,
  counties: string[] | null = null,
): Promise<void> {
  for (const entry of spec.split(/\s+/).filter(Boolean)) {
    const [email = '', role, ...hash] = entry.split(':');
    await saveStaffAccount(db, {
      email,
      role: role as StaffRole,
      counties,
      passwordHash: hash.join(':'),
      source: 'test',
    });
  }
}

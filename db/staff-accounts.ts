// Staff accounts (secretariat members and auditors) and their scope: the counties whose cycles they see (null: every
// county). Kept here, not in the environment: `sopu user add/remove/list` keeps them, removing one ends its sessions
// at once, and every sign-in, sign-out and refusal is kept for the auditors of the counties concerned.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

import type { StaffRole } from '../core/contracts';

export type { StaffRole };

export interface StaffAccount {
  email: string;
  role: StaffRole;
  counties: string[] | null;
  passwordHash: string | null;
  source: string;
}

const columns = ['email', 'role', 'counties', 'password_hash as passwordHash', 'source'] as const;

export function staffAccount(db: Kysely<Database>, email: string): Promise<StaffAccount | undefined> {
  return db.selectFrom('staff_accounts').select(columns).where('email', '=', email).executeTakeFirst();
}

export function staffAccounts(db: Kysely<Database>): Promise<StaffAccount[]> {
  return db.selectFrom('staff_accounts').select(columns).orderBy('email').execute();
}

/** Adds an account, or changes its role, scope and (when given) password. */
export async function saveStaffAccount(
  db: Kysely<Database>,
  account: { email: string; role: StaffRole; counties: string[] | null; passwordHash?: string | null; source?: string },
): Promise<void> {
  const values = {
    email: account.email.toLowerCase(),
    role: account.role,
    counties: account.counties,
    password_hash: account.passwordHash ?? null,
    source: account.source ?? 'cli',
  };
  await db
    .insertInto('staff_accounts')
    .values(values)
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        role: values.role,
        counties: values.counties,
        source: values.source,
        ...(account.passwordHash !== undefined ? { password_hash: values.password_hash } : {}),
      }),
    )
    .execute();
}

/** Removes an account and ends its sessions on every web server. */
export async function removeStaffAccount(db: Kysely<Database>, email: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('staff_accounts').where('email', '=', email).executeTakeFirst();
    await trx
      .updateTable('web_sessions')
      .set({ revoked_at: new Date() })
      .where('email', '=', email)
      .where('revoked_at', 'is', null)
      .execute();
    return Number(removed.numDeletedRows) > 0;
  });
}

export async function recordStaffEvent(
  db: Kysely<Database>,
  event: {
    email: string;
    event: 'signed-in' | 'signed-out' | 'refused';
    provider: string;
    address: string;
    reason?: string | null;
    role?: string | null;
    counties?: string[] | null;
  },
): Promise<void> {
  await db
    .insertInto('staff_events')
    .values({ reason: null, role: null, counties: null, ...event })
    .execute();
}

/** The newest staff events an auditor of `counties` may read: those of people scoped to one of them (or to every
 * county), and refusals of people Sopu could not place; every event for an auditor of every county. */
export function staffEvents(db: Kysely<Database>, counties: string[] | null, limit = 200) {
  return db
    .selectFrom('staff_events')
    .select(['email', 'event', 'provider', 'address', 'reason', 'role', 'counties', 'at'])
    .$if(counties !== null, (q) =>
      q.where((eb) => eb.or([eb('counties', 'is', null), sql<boolean>`counties && ${sql.val(counties)}::text[]`])),
    )
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// Sign-in sessions and attempts. Sessions live here rather than in the cookie so that signing out, or removing an
// account, ends them at once on every web server; attempts are counted here so that throttling holds across them.
import type { Kysely } from 'kysely';
import type { StaffRole } from '../core/contracts';
import type { Database } from './schema';

export async function createSession(
  db: Kysely<Database>,
  session: {
    id: string;
    email: string;
    role: StaffRole;
    expiresAt: Date;
    counties: string[] | null;
    provider: 'local' | 'oidc';
    idToken?: string;
  },
): Promise<void> {
  await db
    .insertInto('web_sessions')
    .values({
      id: session.id,
      email: session.email,
      role: session.role,
      expires_at: session.expiresAt,
      counties: session.counties,
      provider: session.provider,
      id_token: session.idToken ?? null,
    })
    .execute();
}

/** The session, while it is neither revoked nor expired. */
export function liveSession(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('web_sessions')
    .select(['email', 'role', 'counties', 'provider', 'id_token as idToken'])
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function revokeSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('web_sessions').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}

export async function recordSignIn(
  db: Kysely<Database>,
  attempt: { email: string; address: string; succeeded: boolean },
): Promise<void> {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
}

/** Failed attempts since `since`, for an account and from an address. */
export async function failedSignIns(
  db: Kysely<Database>,
  who: { email: string; address: string },
  since: Date,
): Promise<{ account: number; address: number }> {
  const count = (column: 'email' | 'address', value: string) =>
    db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(column, '=', value)
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  return { account: await count('email', who.email), address: await count('address', who.address) };
}

// Staff accounts for a test, written where the web server reads them (PostgreSQL): `email:role:hash`, separated by
// whitespace, every county in scope unless `counties` says otherwise; and signing in with them as a browser would.
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

/** Signs in with fetch: the response, the cookies a browser would then send, and the form's CSRF token for posts. */
export async function signInWithFetch(
  base: string,
  who: { email: string; password: string },
  headers: Record<string, string> = {},
) {
  const login = await fetch(`${base}/login`, { headers });
  const csrfCookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, email: who.email, password: who.password, next: '/cycles' }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { response, cookie: `${csrfCookie}; ${session}`, setCookie: response.headers.getSetCookie(), csrf };
}

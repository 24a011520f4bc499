// Sessions tied to real accounts: kept in PostgreSQL, ended by signing out or by removing the account, never in a
// shared cache, Secure behind https, and sign-in throttled with every attempt on record.
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import { hashPassword } from '../../client/web/accounts';
import { startWeb } from '../../client/web/start-web';
import { connectDb } from '../../db/connect';
import { removeStaffAccount } from '../../db/staff-accounts';
import { seedAccounts, signInWithFetch } from '../support/accounts';
import type { Database } from '../../db/schema';

const SECRETARIAT = { email: 'sessio@pirha.example.fi', password: 'sihteeristön-oma-salasana' };
const users = `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)}`;
const secret = 'session-secret-for-the-session-tests-0123456789';
let db: Kysely<Database>;
let client: Client;
let browser: Browser;
const servers: { url: string; close: () => Promise<void> }[] = [];

function server(options: { publicUrl?: string; trustProxy?: boolean } = {}) {
  return startWeb(
    {
      linkKeys: [{ id: 'k', secret: 'link-key-for-the-session-tests-0123456789' }],
      web: {
        port: 0,
        sessionSecret: secret,
        linkGraceDays: 0,
        accessibilityContact: 'saavutettavuus@sopu.test',
        trustProxy: options.trustProxy ?? false,
      },
      publicUrl: options.publicUrl ?? 'http://sopu.test',
      temporal: { taskQueue: 'sessions' } as never,
    },
    client,
    db,
  ).then((s) => (servers.push(s), s));
}

const signIn = signInWithFetch;

beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), 2);
  await seedAccounts(db, users);
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  await client?.connection.close();
  await db?.destroy();
});

describe('sessions', () => {
  it('ends on sign-out: a copy of the cookie opens nothing afterwards', async () => {
    const { url } = await server();
    const context = await browser.newContext();
    const page = await context.newPage();
    // Finnish unless the reader chooses otherwise.
    await page.goto(`${url}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.getByLabel('Sähköposti').fill(SECRETARIAT.email);
    await page.getByLabel('Salasana').fill(SECRETARIAT.password);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Neuvottelut');
    const copied = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${url}/cycles`, { redirect: 'manual', headers: { cookie: copied } })).status).toBe(200);
    // A language chosen once is kept on every page after, and after signing out.
    await page.getByRole('link', { name: 'SV' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Förhandlingar');
    await page.getByRole('link', { name: 'Lagstadgade förhandlingar' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.getByRole('columnheader').allTextContents()).toContain('Välfärdsområde');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await page.getByRole('link', { name: 'EN' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect((await fetch(`${url}/cycles`, { redirect: 'manual', headers: { cookie: copied } })).status).toBe(302);
    await context.close();
  });

  it('refuses a cookie made up for an account, even one signed with the session secret', async () => {
    const { url } = await server();
    const { createHmac } = await import('node:crypto');
    // The old scheme's cookie: email|role|expiry, signed like @fastify/cookie signs.
    const value = `${SECRETARIAT.email}|secretariat|${Date.now() + 3_600_000}`;
    const signature = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '');
    const forged = `sopu_session=${encodeURIComponent(`${value}.${signature}`)}`;
    expect((await fetch(`${url}/cycles`, { redirect: 'manual', headers: { cookie: forged } })).status).toBe(302);
  });

  it('ends when the account is removed, on every server at once', async () => {
    const leaving = { email: `lahtija-${Date.now()}@pirha.example.fi`, password: 'lähtijän-salasana-1' };
    await seedAccounts(db, `${leaving.email}:secretariat:${hashPassword(leaving.password)}`);
    const one = await server();
    const other = await server();
    const { cookie } = await signIn(one.url, leaving);
    expect((await fetch(`${other.url}/cycles`, { redirect: 'manual', headers: { cookie } })).status).toBe(200);
    expect(await removeStaffAccount(db, leaving.email)).toBe(true);
    for (const { url } of [one, other])
      expect((await fetch(`${url}/cycles`, { redirect: 'manual', headers: { cookie } })).status).toBe(302);
    const events = await db.selectFrom('staff_events').select('event').where('email', '=', leaving.email).execute();
    expect(events).toEqual([{ event: 'signed-in' }]);
  });

  it('keeps pages out of caches, and marks the cookie Secure behind https', async () => {
    const plain = await server();
    expect(await (await fetch(`${plain.url}/readyz`)).text()).toBe('ready\n');
    const { cookie, setCookie } = await signIn(plain.url, SECRETARIAT);
    expect(setCookie.some((c) => c.startsWith('sopu_session=') && /; Secure/i.test(c))).toBe(false);
    const page = await fetch(`${plain.url}/cycles`, { headers: { cookie } });
    expect(page.headers.get('cache-control')).toBe('no-store');
    const https = await server({ publicUrl: 'https://neuvottelut.pirha.fi' });
    const secure = await signIn(https.url, SECRETARIAT);
    expect(secure.setCookie.some((c) => c.startsWith('sopu_session=') && /; Secure/i.test(c))).toBe(true);
  });

  it('throttles wrong passwords per account, records every attempt, and counts people behind a trusted proxy', async () => {
    const { url } = await server({ trustProxy: true });
    const victim = { email: `uhri-${Date.now()}@pirha.example.fi`, password: 'wrong' };
    const proxied = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(url, victim, proxied)).response.status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const attempts = await db
      .selectFrom('sign_in_attempts')
      .select(['address', 'succeeded'])
      .where('email', '=', victim.email)
      .execute();
    expect(attempts).toHaveLength(5);
    expect(attempts.every((a) => a.address === '203.0.113.7' && !a.succeeded)).toBe(true);
    // Another account from elsewhere is not held up by it.
    expect((await signIn(url, SECRETARIAT)).response.status).toBe(303);
  });

  it('answers a control for a cycle that does not exist with 404, not a server error', async () => {
    const { url } = await server();
    const { cookie } = await signIn(url, SECRETARIAT);
    const page = await fetch(`${url}/cycles/no-such-cycle`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(page.status).toBe(404);
    const posted = await fetch(`${url}/cycles/no-such-cycle/close-phase`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf ?? '' }),
    });
    expect(posted.status).toBe(404);
  });

  it('logs a server error with an id that the page shows, and does not claim that nothing changed', async () => {
    // A database that cannot be reached: every query fails.
    const broken = connectDb('postgres://nobody@127.0.0.1:9/none', 1);
    const web = await startWeb(
      {
        linkKeys: [{ id: 'k', secret: 'link-key-for-the-session-tests-0123456789' }],
        web: { port: 0, sessionSecret: secret, linkGraceDays: 0, trustProxy: false, accessibilityContact: null },
        publicUrl: 'http://sopu.test',
        temporal: { taskQueue: 'sessions' } as never,
      },
      client,
      broken,
    );
    servers.push(web);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { response } = await signIn(web.url, SECRETARIAT);
      const page = await response.text();
      expect(response.status).toBe(500);
      // In Finnish, the language of a reader who has not chosen one.
      const id = /\(virhe ([0-9a-f]{8})\)/.exec(page)?.[1];
      expect(id).toBeDefined();
      expect(page).not.toContain('Nothing was changed');
      expect(logged.mock.calls.some((call) => String(call[0]).includes(`error ${id} on POST /login`))).toBe(true);
      // Alive, but not ready: a load balancer sends people elsewhere, and is told why.
      expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${web.url}/readyz`);
      expect([ready.status, (await ready.text()).split('\n')[1]]).toEqual([
        503,
        expect.stringMatching(/^PostgreSQL: /),
      ]);
    } finally {
      logged.mockRestore();
      await broken.destroy();
    }
  });
});

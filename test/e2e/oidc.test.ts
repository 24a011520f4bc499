// Staff sign in through their organisation's identity provider: a real OpenID Connect provider on loopback
// (oidc-provider) with two counties' secretariat groups and an auditor group, signed into in Chromium. Each person
// sees exactly the cycles their groups give; a person in no group, a replayed callback and a forged state are refused,
// and kept on record; signing out of Sopu signs out at the provider too.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcConfig } from '../../core/config';
import { freePort } from '../../worker/dev/processes';
import { axeViolations } from '../support/axe';
import { launchBrowser, startTestWeb } from '../support/browser';
import { startTwoCountyCycles, stopCycles } from '../support/cycle-driver';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

const stamp = Date.now();
const CYCLES = { '08': `oidc-08-${stamp}`, '02': `oidc-02-${stamp}` };
const PEOPLE = {
  [`pirkanmaa-${stamp}`]: { email: `hyte-${stamp}@pirha.example.fi`, groups: ['sopu-hyte-08', 'kaikki-tyontekijat'] },
  [`keusote-${stamp}`]: { email: `hyte-${stamp}@keusote.example.fi`, groups: ['sopu-hyte-02'] },
  [`vtv-${stamp}`]: { email: `tarkastaja-${stamp}@vtv.example.fi`, groups: ['sopu-tarkastajat'] },
  [`harjoittelija-${stamp}`]: { email: `harjoittelija-${stamp}@pirha.example.fi`, groups: ['kaikki-tyontekijat'] },
  [`yllapito-${stamp}`]: { email: `yllapito-${stamp}@pirha.example.fi`, groups: ['sopu-yllapito-08'] },
};
const [PIRKANMAA, KESKI_UUSIMAA, AUDITOR, NO_GROUP, ADMINISTRATOR] = Object.keys(PEOPLE) as [
  string,
  string,
  string,
  string,
  string,
];

let smtp: SmtpSink;
let env: TestWorker;
let provider: TestProvider;
let web: FastifyInstance;
let base: string;
let browser: Browser;

/** Through Sopu's sign-in page to the provider's, as the person `login`, and back. */
async function signInWithProvider(login: string): Promise<Page> {
  const page = await browser.newPage();
  // The provider's development pages load a web font; this machine reaches no such thing.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
  await page.goto(`${base}/login?lang=en`);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Sign in with Testiorganisaatio' }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('mikä tahansa');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url });
  const port = await freePort();
  const client = { id: 'sopu', secret: 'sopu-client-secret-for-the-tests-0123456789' };
  provider = await startTestProvider({
    client: {
      ...client,
      redirectUri: `http://127.0.0.1:${port}/login/oidc/callback`,
      afterSignOut: `http://127.0.0.1:${port}/login`,
    },
    people: PEOPLE,
  });
  const oidc: OidcConfig = {
    issuer: provider.issuer,
    clientId: client.id,
    clientSecret: client.secret,
    name: 'Testiorganisaatio',
    groupsClaim: 'groups',
    groups: {
      'sopu-hyte-08': { role: 'secretariat', counties: ['08'] },
      'sopu-hyte-02': { role: 'secretariat', counties: ['02'] },
      'sopu-tarkastajat': { role: 'auditor', counties: null },
      'sopu-yllapito-08': { role: 'administrator', counties: ['08'] },
    },
  };
  ({ web, base } = await startTestWeb(env, { users: '', linkGraceDays: 0, oidc, port }));
  browser = await launchBrowser();
  await startTwoCountyCycles(env, CYCLES);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await provider?.close();
  await stopCycles(env?.client, Object.values(CYCLES));
  await env?.close();
  await smtp?.close();
});

describe('sign-in through the identity provider', () => {
  it("gives each county's secretariat exactly its county's cycles, and every URL of the other's a 404", async () => {
    for (const [login, own, other] of [
      [PIRKANMAA, CYCLES['08'], CYCLES['02']],
      [KESKI_UUSIMAA, CYCLES['02'], CYCLES['08']],
    ] as const) {
      const page = await signInWithProvider(login);
      await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/cycles$/);
      const list = await page.locator('main').textContent();
      expect(list).toContain(own);
      expect(list).not.toContain(other);
      expect(await page.locator('header').textContent()).toContain(PEOPLE[login]!.email);
      for (const path of [`/cycles/${other}`, `/cycles/${other}/answers.csv`, `/audit/cycles/${other}`])
        expect((await page.goto(`${base}${path}`))!.status(), path).toBe(404);
      expect((await page.goto(`${base}/cycles/${own}`))!.status()).toBe(200);
      await page.close();
    }
  });

  it('gives the auditors group every county, and signs out at the provider too', async () => {
    const page = await signInWithProvider(AUDITOR);
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/cycles$/);
    const list = await page.locator('main').textContent();
    expect(list).toContain(CYCLES['08']);
    expect(list).toContain(CYCLES['02']);
    await page.getByRole('link', { name: 'Sign-ins' }).click();
    expect(await page.locator('main table').textContent()).toContain(PEOPLE[PIRKANMAA]!.email);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks for its own confirmation, then sends the person back to Sopu's sign-in page.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/login/);
    expect((await page.goto(`${base}/cycles`))!.url()).toMatch(/\/login\?next=/);
    const events = await env.db
      .selectFrom('staff_events')
      .select(['event', 'provider', 'role'])
      .where('email', '=', PEOPLE[AUDITOR]!.email)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { event: 'signed-in', provider: 'oidc', role: 'auditor' },
      { event: 'signed-out', provider: 'oidc', role: 'auditor' },
    ]);
  });

  it("lands an administrator on the county's accounts", async () => {
    const page = await signInWithProvider(ADMINISTRATOR);
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/admin\/accounts$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff accounts');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('refuses a person in no mapped group, with a page that says so', async () => {
    const page = await signInWithProvider(NO_GROUP);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('you are in no group that Sopu gives rights to');
    expect(await axeViolations(page)).toEqual([]);
    expect((await page.goto(`${base}/cycles`))!.url()).toMatch(/\/login\?next=/);
    const refused = await env.db
      .selectFrom('staff_events')
      .select(['event', 'reason'])
      .where('email', '=', PEOPLE[NO_GROUP]!.email)
      .execute();
    expect(refused).toEqual([{ event: 'refused', reason: 'no-group' }]);
  });

  it('refuses a replayed callback and a forged state, and opens no session', async () => {
    const page = await browser.newPage();
    await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
    let callback = '';
    page.on('request', (r) => {
      if (r.url().includes('/login/oidc/callback')) callback = r.url();
    });
    await page.goto(`${base}/login?lang=en`);
    await page.getByRole('link', { name: 'Sign in with Testiorganisaatio' }).click();
    await page.locator('input[name=login]').fill(PIRKANMAA);
    await page.locator('input[name=password]').fill('x');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/cycles$/);
    // The same callback again, in another browser that never started a sign-in, and in this one once more.
    const stranger = await browser.newPage();
    const replayed = await stranger.goto(callback);
    expect(replayed!.status()).toBe(403);
    // In Finnish: this browser never chose a language.
    expect(await stranger.getByRole('alert').textContent()).toContain('ei kelvannut tai se oli jo käytetty');
    const again = await page.goto(callback);
    expect(again!.status()).toBe(403);
    const forged = await page.goto(callback.replace(/state=[^&]+/, 'state=vaarennetty'));
    expect(forged!.status()).toBe(403);
    const sessions = await env.db
      .selectFrom('web_sessions')
      .select('id')
      .where('email', '=', PEOPLE[PIRKANMAA]!.email)
      .where('revoked_at', 'is', null)
      .execute();
    // Only the sign-ins that went through: one in the first test, one here.
    expect(sessions).toHaveLength(2);
  });

  it("refuses an ID token for another application and an expired one, signed with the provider's own key", async () => {
    const now = Math.floor(Date.now() / 1000);
    // The same token re-signed unchanged is taken: what follows is refused for what was changed, not the signing.
    provider.tamper((c) => c);
    const signedAgain = await signInWithProvider(KESKI_UUSIMAA);
    await expect.poll(() => signedAgain.url(), { timeout: 20_000 }).toMatch(/\/cycles$/);
    await signedAgain.close();
    for (const [what, change] of [
      ['another audience', (c: Record<string, unknown>) => ({ ...c, aud: 'another-application' })],
      ['expired', (c: Record<string, unknown>) => ({ ...c, iat: now - 7200, exp: now - 3600 })],
    ] as const) {
      provider.tamper(change);
      try {
        const page = await signInWithProvider(KESKI_UUSIMAA);
        await expect.poll(() => page.getByRole('alert').textContent()).toContain('was not valid');
        expect((await page.goto(`${base}/cycles`))!.url(), what).toMatch(/\/login\?next=/);
        await page.close();
      } finally {
        provider.tamper(null);
      }
    }
    const refusals = await env.db
      .selectFrom('staff_events')
      .select('reason')
      .where('provider', '=', 'oidc')
      .where('event', '=', 'refused')
      .where('reason', '=', 'invalid-token')
      .execute();
    expect(refusals.length).toBeGreaterThanOrEqual(2);
  });
});

// Scope by county: a secretariat member of one county sees, steers and downloads only that county's cycles; every URL
// of another county's cycle answers as an unknown one does (404, nothing told); an auditor of every county sees all;
// every staff sign-in, sign-out and refusal is kept, for the auditors of the counties concerned.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../client/web/accounts';
import { seedAccounts, signInWithFetch } from '../support/accounts';
import { startTestWeb } from '../support/browser';
import { startTwoCountyCycles, stopCycles } from '../support/cycle-driver';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

const PASSWORD = 'alueen-oma-salasana-123';
const PIRKANMAA = { email: `hyte-${Date.now()}@pirha.example.fi`, password: PASSWORD };
const KESKI_UUSIMAA = { email: `hyte-${Date.now()}@keusote.example.fi`, password: PASSWORD };
const NATIONAL_AUDITOR = { email: `tarkastaja-${Date.now()}@vtv.example.fi`, password: PASSWORD };
const KESKI_UUSIMAA_AUDITOR = { email: `tarkastaja-${Date.now()}@keusote.example.fi`, password: PASSWORD };
const PIRKANMAA_ADMIN = { email: `yllapito-${Date.now()}@pirha.example.fi`, password: PASSWORD };
const stamp = Date.now();
const CYCLES = { '08': `scope-08-${stamp}`, '02': `scope-02-${stamp}` };

let smtp: SmtpSink;
let env: TestWorker;
let web: FastifyInstance;
let base: string;

const account = (who: { email: string }, role: string) => `${who.email}:${role}:${hashPassword(PASSWORD)}`;

/** Signs in with fetch; then gets and posts as that person, with the form's CSRF token. */
async function signIn(who: { email: string; password: string }) {
  const { response, cookie, csrf } = await signInWithFetch(base, who);
  expect(response.status).toBe(303);
  return {
    get: (path: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      }),
  };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url });
  ({ web, base } = await startTestWeb(env, { users: '', linkGraceDays: 0 }));
  await seedAccounts(env.db, account(PIRKANMAA, 'secretariat'), ['08']);
  await seedAccounts(env.db, account(KESKI_UUSIMAA, 'secretariat'), ['02']);
  await seedAccounts(env.db, account(NATIONAL_AUDITOR, 'auditor'), null);
  await seedAccounts(env.db, account(KESKI_UUSIMAA_AUDITOR, 'auditor'), ['02']);
  await seedAccounts(env.db, account(PIRKANMAA_ADMIN, 'administrator'), ['08']);
  await startTwoCountyCycles(env, CYCLES);
}, 240_000);

afterAll(async () => {
  await web?.close();
  await stopCycles(env?.client, Object.values(CYCLES));
  await env?.close();
  await smtp?.close();
});

describe('scope by county', () => {
  it("shows a secretariat member only its county's cycles; every URL of another county's cycle is a 404", async () => {
    const pirkanmaa = await signIn(PIRKANMAA);
    const list = await (await pirkanmaa.get('/cycles')).text();
    expect(list).toContain(CYCLES['08']);
    expect(list).not.toContain(CYCLES['02']);
    expect((await pirkanmaa.get(`/cycles/${CYCLES['08']}`)).status).toBe(200);

    // The other county's cycle answers exactly as a cycle that does not exist.
    const unknown = await (await pirkanmaa.get('/cycles/no-such-cycle')).text();
    const other = CYCLES['02'];
    for (const path of [
      `/cycles/${other}`,
      `/cycles/${other}/follow-up`,
      `/cycles/${other}/follow-up/overview`,
      `/cycles/${other}/answers.csv`,
      `/cycles/${other}/goals.csv`,
      `/cycles/${other}/follow-up.csv`,
      `/cycles/${other}/summary.docx`,
      `/cycles/${other}/goals.docx`,
      `/cycles/${other}/agreement.pdf`,
      `/cycles/${other}/attachments/${'0'.repeat(64)}`,
      `/audit/cycles/${other}`,
    ]) {
      const response = await pirkanmaa.get(path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toContain(other);
      expect(body.replace(/no-such-cycle/g, ''), path).toBe(unknown.replace(/no-such-cycle/g, ''));
    }
    for (const control of ['close-phase', 'extend', 'cancel'])
      expect((await pirkanmaa.post(`/cycles/${other}/${control}`, { reason: 'x', confirm: 'yes' })).status).toBe(404);
    const cycle = await env.client.workflow.getHandle(`cycle/${other}`).describe();
    expect(cycle.status.name).toBe('RUNNING');

    // Nor can it reach the other county by its forms: a new cycle, the directory, the calendar.
    expect((await pirkanmaa.get('/cycles/new?kind=annual&county=02&period=2027')).status).toBe(422);
    expect((await pirkanmaa.post('/cycles/new', { kind: 'annual', county: '02', period: '2027' })).status).toBe(404);
    const directory = await (await pirkanmaa.get('/directory?county=02')).text();
    expect(directory).not.toContain('Järvenpää');
    expect(directory).not.toContain('value="02"');
    expect((await pirkanmaa.post('/calendar/install', { county: '02' })).status).toBe(404);
    expect((await pirkanmaa.post('/calendar/trigger', { schedule: 'sopu-annual-02' })).status).toBe(404);
    expect(
      (
        await pirkanmaa.post('/directory/entries', {
          party_code: '186',
          name: 'Tunkeilija',
          email: 'x@x.fi',
          role: 'contact',
        })
      ).status,
    ).toBe(404);
    const compliance = await (await pirkanmaa.get('/compliance?county=02')).text();
    expect(compliance).not.toContain('Järvenpää');

    // What needs doing now, read from the record: a message the mail server refused for this county's cycle.
    await env.db
      .insertInto('emails')
      .values({
        idempotency_key: `refused-${stamp}`,
        kind: 'task-assigned',
        cycle_id: CYCLES['08'],
        task_id: null,
        recipient: 'vanha.osoite@pirha.example.fi',
        subject: 'Lähtötiedot',
        message_id: `<refused-${stamp}@sopu.test>`,
        status: 'failed',
        last_error: '550 5.1.1 no such user',
      })
      .execute();
    const summary = await (await pirkanmaa.get('/cycles')).text();
    expect(summary).toContain('1 viesti ei ole mennyt perille');

    const keskiUusimaa = await signIn(KESKI_UUSIMAA);
    expect(await (await keskiUusimaa.get('/cycles')).text()).toContain(other);
    expect((await keskiUusimaa.get(`/cycles/${CYCLES['08']}`)).status).toBe(404);
  });

  it('gives an auditor of every county all of them, and keeps every sign-in for the auditors it concerns', async () => {
    const national = await signIn(NATIONAL_AUDITOR);
    const list = await (await national.get('/cycles')).text();
    expect(list).toContain(CYCLES['08']);
    expect(list).toContain(CYCLES['02']);
    expect((await national.get(`/audit/cycles/${CYCLES['02']}`)).status).toBe(200);

    // A wrong password is refused and kept.
    const wrong = await fetch(`${base}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await wrong.text())![1]!;
    const cookie = wrong.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, email: PIRKANMAA.email, password: 'väärä', next: '/cycles' }),
    });
    const everything = await (await national.get('/audit/sign-ins')).text();
    expect(everything).toContain(PIRKANMAA.email);
    expect(everything).toContain('väärä salasana');
    expect(everything).toContain(KESKI_UUSIMAA.email);

    // Keski-Uusimaa's auditor reads its own county's sign-ins, not Pirkanmaa's.
    const regional = await signIn(KESKI_UUSIMAA_AUDITOR);
    const own = await (await regional.get('/audit/sign-ins')).text();
    expect(own).toContain(KESKI_UUSIMAA.email);
    expect(own).not.toContain(PIRKANMAA.email);
    expect(await (await regional.get('/cycles')).text()).not.toContain(CYCLES['08']);
  });

  it("lets a county's administrator keep its own county's accounts on the web, and no other's", async () => {
    const admin = await signIn(PIRKANMAA_ADMIN);
    const page = await (await admin.get('/admin/accounts')).text();
    expect(page).toContain(PIRKANMAA.email);
    expect(page).not.toContain(KESKI_UUSIMAA.email);
    // An administrator reads no cycle.
    expect((await admin.get('/cycles')).status).toBe(403);

    const newcomer = { email: `uusi-${Date.now()}@pirha.example.fi`, password: 'uuden-tulijan-salasana' };
    const added = await admin.post('/admin/accounts', {
      email: newcomer.email,
      role: 'secretariat',
      'county.08': 'yes',
      password: newcomer.password,
    });
    expect(added.status).toBe(200);
    const outside = await admin.post('/admin/accounts', {
      email: `ulkopuolinen-${Date.now()}@keusote.example.fi`,
      role: 'secretariat',
      'county.02': 'yes',
      password: 'ulkopuolisen-salasana',
    });
    expect(outside.status).toBe(422);
    expect((await admin.post('/admin/accounts/remove', { email: KESKI_UUSIMAA.email })).status).toBe(422);

    const session = await signIn(newcomer);
    expect(await (await session.get('/cycles')).text()).toContain(CYCLES['08']);
    expect((await admin.post('/admin/accounts/remove', { email: newcomer.email })).status).toBe(200);
    expect((await session.get('/cycles')).status).toBe(302);
    const left = await env.db
      .selectFrom('staff_accounts')
      .select('email')
      .where('email', 'like', '%ulkopuolinen%')
      .execute();
    expect(left).toEqual([]);
  });
});

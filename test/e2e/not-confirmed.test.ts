// Faults without lies: an answer sent while no worker runs is neither "recorded" nor "nothing changed" — the page
// says it is not confirmed yet and checks again, and shows the receipt once a worker has recorded it (once).
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { signTaskToken } from '../../core/domain/task-links';
import { startCycle } from '../../client/cycles';
import { buildWebServer } from '../../client/web/server';
import { hashPassword } from '../../client/web/accounts';
import { connectDb } from '../../db/connect';
import { seedAccounts } from '../support/accounts';
import type { Database } from '../../db/schema';
import { taskId } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import { allHaveTask, smallAnnualCycle, stopCycles, waitForCycle } from '../support/cycle-driver';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, TEST_LINK_KEYS, type TestWorker } from '../support/test-worker';

const taskQueue = `not-confirmed-${randomUUID()}`;
const cycleId = `not-confirmed-${Date.now()}`;
let smtp: SmtpSink;
let worker: TestWorker | undefined;
let client: Client;
let db: Kysely<Database>;
let web: FastifyInstance;
let base: string;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpSink();
  worker = await startTestWorker({ smtpUrl: smtp.url, taskQueue });
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  db = connectDb(inject('databaseUrl'), 2);
  web = await buildWebServer({
    client,
    db,
    taskQueue,
    answerWaitMs: 2_000,
    config: {
      linkKeys: TEST_LINK_KEYS,
      web: {
        port: 0,
        sessionSecret: 'session-secret-for-not-confirmed-0123',
        linkGraceDays: 0,
        accessibilityContact: 'saavutettavuus@sopu.test',
        trustProxy: false,
      },
      publicUrl: 'http://sopu.test',
    },
  });
  await web.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(web.server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await stopCycles(client, [cycleId]);
  await worker?.close();
  await client?.connection.close();
  await db?.destroy();
  await smtp?.close();
});

describe('an answer sent while the worker is down', () => {
  it(
    'is "not confirmed yet" (never "nothing changed"), and becomes a receipt once a worker records it, once',
    { timeout: 120_000 },
    async () => {
      const valid = smallAnnualCycle(cycleId);
      await startCycle(client, valid, taskQueue);
      await waitForCycle(client, cycleId, allHaveTask('preparation'), 'preparation tasks');
      const contact = valid.input.parties.find((p) => p.code === '638')!.participants[0]!.email;
      const task = taskId(cycleId, '638', 'preparation');
      const link = `${base}/t/${signTaskToken(TEST_LINK_KEYS, { taskId: task, email: contact, issuedAt: Math.floor(Date.now() / 1000) })}`;

      // The participant has the task open when the worker stops.
      const page = await browser.newPage();
      await page.goto(link);
      await page.getByLabel('Vastaus').fill('Lähetetty katkon aikana');
      await worker!.close();
      worker = undefined;
      // Opened now, the task page shows what the record holds, says so, and still takes the answer.
      const late = await browser.newPage();
      await late.goto(link);
      expect(await late.getByRole('heading', { level: 1 }).textContent()).toBe('Lähtötiedot neuvotteluun: Porvoo');
      expect(await late.getByRole('status').textContent()).toMatch(/^Neuvottelupalvelu ei vastaa juuri nyt/);
      expect(await late.getByLabel('Vastaus').count()).toBe(1);
      await late.close();
      await page.getByRole('button', { name: 'Lähetä' }).click();
      expect(await page.getByRole('status').textContent()).toMatch(/^Vastaustasi ei ole vielä vahvistettu/);
      expect(await page.content()).not.toMatch(/Nothing was changed|Something went wrong/);
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);

      worker = await startTestWorker({ smtpUrl: smtp.url, taskQueue });
      await waitFor(
        async () => {
          await page.reload();
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
          expect(await page.getByRole('status').textContent()).toMatch(/^Tallennettu /);
        },
        { timeoutMs: 60_000, what: 'the receipt after the worker came back', intervalMs: 1_000 },
      );
      const rows = await db.selectFrom('responses').select('body').where('task_id', '=', task).execute();
      expect(rows).toEqual([{ body: 'Lähetetty katkon aikana' }]);
      await page.close();
    },
  );

  it(
    'keeps a control Temporal has not confirmed as "not confirmed yet", and settles it once the worker has recorded it',
    { timeout: 120_000 },
    async () => {
      const secretariat = { email: `hyte-${Date.now()}@itauusimaa.example.fi`, password: 'sihteeristön-salasana-9' };
      await seedAccounts(db, `${secretariat.email}:secretariat:${hashPassword(secretariat.password)}`);
      const page = await browser.newPage();
      await page.goto(`${base}/login?lang=en`);
      await page.getByLabel('Email').fill(secretariat.email);
      await page.getByLabel('Password').fill(secretariat.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${base}/cycles/${cycleId}`);
      await page.locator('#extend-reason').fill('Kunnanhallitus kokoontuu myöhemmin');
      await worker!.close();
      worker = undefined;
      await page.locator('#control-extend button[type=submit]').click();
      // The cycle's page cannot know the cycle's state just now, and says so; it asks again by itself.
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
        .toMatch(/^The negotiation service does not answer just now/);
      // Sent, not confirmed: kept as such, never "nothing changed".
      await waitFor(
        async () =>
          void expect(
            await db.selectFrom('pending_requests').select('control').where('cycle_id', '=', cycleId).execute(),
          ).toEqual([{ control: 'extend' }]),
        { timeoutMs: 30_000, what: 'the request kept as pending' },
      );
      worker = await startTestWorker({ smtpUrl: smtp.url, taskQueue });
      await waitFor(
        async () => {
          await page.goto(`${base}/cycles/${cycleId}`);
          expect(await page.locator('section.todo').textContent()).not.toContain('Not confirmed yet');
          expect(
            await db.selectFrom('pending_requests').select('control').where('cycle_id', '=', cycleId).execute(),
          ).toEqual([]);
        },
        { timeoutMs: 60_000, what: 'the request settled after the worker came back', intervalMs: 1_000 },
      );
      const extended = await db.selectFrom('deadlines').select('version').where('cycle_id', '=', cycleId).execute();
      expect(extended.some((d) => d.version > 1)).toBe(true);
      await page.close();
    },
  );
});

// Real documents through the pages, in Debian's Chromium: a participant answers with a PDF and a Word file (and a
// file that only pretends to be a PDF is refused); the secretariat publishes a Word draft that participants read on
// the task page; a revision after the meeting; sign-off; and every party receives the agreement PDF whose
// certificate names each party's decision and the final version's SHA-256.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, partyAction, startCycle } from '../../client/cycles';
import { hashPassword } from '../../client/web/accounts';
import { recordMinutesUpdate, scheduleMeetingUpdate } from '../../workflows/cycle/messages';
import { signOffUpdate } from '../../workflows/party/messages';
import { cycleWorkflowId, taskId, type CycleInput } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import { launchBrowser, startTestWeb } from '../support/browser';
import { allHaveTask, smallAnnualCycle, stopCycles, waitForCycle } from '../support/cycle-driver';
import { pdfPages, renderPdf } from '../support/pdf-read';
import { AGREEMENT_DRAFT, docxBomb, docxFile, pdfFile, pngFile, structuredDocx } from '../support/sample-files';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

/** The revision that becomes the final version. */
const REVISION = AGREEMENT_DRAFT;
const SECRETARIAT = { email: 'hyte@itauusimaa.example.fi', password: 'sihteeristön-salasana-1' };
/** A nominal day lasts this many seconds: the meeting an hour ahead starts within seconds. */
const DAY_SECONDS = 60;

let smtp: SmtpSink;
let env: TestWorker;
let web: FastifyInstance;
let base: string;
let browser: Browser;
let input: CycleInput;
let epoch: number;
const cycleId = `documents-${Date.now()}`;
const person = (code: string, role: 'contact' | 'signatory') =>
  input.parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;
const nominalNow = () => epoch + (Date.now() - epoch) * (86_400 / DAY_SECONDS);

async function linkFromEmail(email: string, phase: string): Promise<string> {
  const match = (m: ParsedMail) =>
    recipient(m) === email &&
    sopuHeader(m, 'cycle') === cycleId &&
    sopuHeader(m, 'kind') === 'task-assigned' &&
    Boolean(sopuHeader(m, 'task')?.endsWith(`/${phase}`));
  const [mail] = await smtp.waitForMessages(1, match);
  return `${base}${/http:\/\/sopu\.test(\/t\/[A-Za-z0-9_.-]+)/.exec(mail!.text ?? '')![1]}`;
}

async function signIn(page: Page) {
  await page.goto(`${base}/login?lang=en`);
  await page.getByLabel('Email').fill(SECRETARIAT.email);
  await page.getByLabel('Password').fill(SECRETARIAT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Publishes a draft through the cycle page, confirming what it closes. */
async function publish(page: Page, title: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`${base}/cycles/${cycleId}`);
  await page.getByLabel('Draft title').fill(title);
  await page.locator('#draft-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Publish a draft' }).click();
  if ((await page.getByRole('heading', { level: 1 }).textContent())?.startsWith('Confirm'))
    await page.getByRole('button', { name: 'Yes, publish the draft' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Draft published/);
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: DAY_SECONDS });
  ({ web, base } = await startTestWeb(env, {
    users: `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)}`,
    linkGraceDays: 14,
  }));
  browser = await launchBrowser();
  const valid = smallAnnualCycle(cycleId, { secretariat: SECRETARIAT.email });
  input = valid.input;
  const { runId } = await startCycle(env.client, valid, env.taskQueue);
  epoch = (await env.client.workflow.getHandle(cycleWorkflowId(cycleId), runId).describe()).startTime.getTime();
  await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await stopCycles(env?.client, [cycleId]);
  await env?.close();
  await smtp?.close();
});

describe('documents', () => {
  const report = pdfFile(['Porvoon hyvinvointikertomus 2026']);
  const decision = docxFile(['Kaupunginhallitus 3.2.2027 § 12: Porvoon tavoitteet hyväksyttiin.']);

  it('refuses three zip bombs at once while the server stays responsive and small', async () => {
    const bomb = docxBomb(200); // about 200 kB that unpack to 200 MB
    const link = await linkFromEmail(person('638', 'contact'), 'preparation');
    const rssBefore = process.memoryUsage().rss;
    let slowest = 0;
    let checking = true;
    const health = (async () => {
      while (checking) {
        const started = performance.now();
        await fetch(`${base}/healthz`);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const post = async () => {
      const form = new FormData();
      form.append('action', 'answer');
      form.append('text', 'Vastaus liitteineen');
      form.append('attachments', new Blob([new Uint8Array(bomb)]), 'raportti.docx');
      const response = await fetch(link, { method: 'POST', body: form });
      return [response.status, await response.text()] as const;
    };
    const answers = await Promise.all([post(), post(), post()]);
    checking = false;
    await health;
    for (const [status, page] of answers) {
      expect(status).toBe(422);
      expect(page).toContain('raportti.docx: tiedosto purkautuu yli 128 Mt:n kokoiseksi, eikä sitä oteta vastaan');
    }
    const grew = process.memoryUsage().rss - rssBefore;
    console.log(
      `three zip bombs: slowest /healthz ${slowest.toFixed(0)} ms, process grew ${(grew / 1_048_576).toFixed(0)} MB`,
    );
    expect(slowest).toBeLessThan(200);
    expect(grew).toBeLessThan(100 * 1_048_576);
  });

  it("refuses a form sent on another participant's link, and records nothing", async () => {
    const answersOf = async (partyCode: string) =>
      (
        await env.db
          .selectFrom('responses')
          .innerJoin('tasks', 'tasks.id', 'responses.task_id')
          .select('responses.update_id')
          .where('tasks.cycle_id', '=', cycleId)
          .where('tasks.party_code', '=', partyCode)
          .execute()
      ).length;
    const own = await browser.newPage();
    await own.goto(await linkFromEmail(person('638', 'contact'), 'preparation'));
    // Porvoo's form, its request id sent again on Askola's link (a resent form, a crafted request).
    const porvoos = await own.locator('input[name="request"]').first().inputValue();
    const before = [await answersOf('018'), await answersOf('638')];
    const other = await browser.newPage();
    await other.goto(await linkFromEmail(person('018', 'contact'), 'preparation'));
    await other.getByLabel('Vastaus').fill('Askolan vastaus toisen lomakkeella');
    await other
      .locator('input[name="request"]')
      .first()
      .evaluate((field, value) => ((field as unknown as { value: string }).value = value), porvoos);
    await other.getByRole('button', { name: 'Lähetä' }).click();
    expect(await other.getByRole('alert').textContent()).toBe(
      'Tämä lomake on tehty toiselle tehtävälle tai henkilölle, eikä sitä kirjattu. Avaa oma linkkisi sähköpostista ja vastaa siellä.',
    );
    expect(await other.getByLabel('Vastaus').inputValue()).toBe('Askolan vastaus toisen lomakkeella');
    expect([await answersOf('018'), await answersOf('638')]).toEqual(before);
    await own.close();
    await other.close();
  });

  it('takes an answer with a PDF and a Word attachment, and refuses a file that only pretends to be a PDF', async () => {
    const page = await browser.newPage();
    await page.goto(await linkFromEmail(person('638', 'contact'), 'preparation'));
    await page.getByLabel('Vastaus').fill('Porvoon tavoitteet liitteineen.');
    // A PNG named as a PDF: refused with the reason in Finnish, the typed answer kept, nothing stored.
    await page
      .getByLabel('Liitteet')
      .setInputFiles([{ name: 'raportti.pdf', mimeType: 'application/pdf', buffer: pngFile() }]);
    await page.getByRole('button', { name: 'Lähetä' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'raportti.pdf: tiedoston nimi kertoo muodoksi PDF, mutta sisältö on PNG',
    );
    expect(await page.getByLabel('Vastaus').inputValue()).toBe('Porvoon tavoitteet liitteineen.');
    const png = createHash('sha256').update(pngFile()).digest('hex');
    expect(await env.db.selectFrom('files').select('sha256').where('sha256', '=', png).execute()).toEqual([]);
    // An empty file: refused with the reason, not dropped in silence with the answer recorded without it.
    await page
      .getByLabel('Liitteet')
      .setInputFiles([{ name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
    await page.getByRole('button', { name: 'Lähetä' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('empty.pdf: tiedosto on tyhjä');
    expect(await page.getByLabel('Vastaus').inputValue()).toBe('Porvoon tavoitteet liitteineen.');

    await page.getByLabel('Liitteet').setInputFiles([
      { name: 'hyvinvointikertomus.pdf', mimeType: 'application/pdf', buffer: await report },
      {
        name: 'kaupunginhallitus-12.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await decision,
      },
    ]);
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    const rows = await env.db
      .selectFrom('answer_attachments')
      .innerJoin('responses', 'responses.id', 'answer_attachments.response_id')
      .select(['answer_attachments.file_name', 'answer_attachments.media_type', 'responses.body'])
      .where('responses.task_id', '=', taskId(cycleId, '638', 'preparation'))
      .orderBy('answer_attachments.position')
      .execute();
    expect(rows).toEqual([
      { file_name: 'hyvinvointikertomus.pdf', media_type: 'application/pdf', body: 'Porvoon tavoitteet liitteineen.' },
      {
        file_name: 'kaupunginhallitus-12.docx',
        media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body: 'Porvoon tavoitteet liitteineen.',
      },
    ]);
    // The party's earlier answers list the files; the one downloaded is the one sent.
    await page.getByRole('link', { name: /Takaisin|Tillbaka|Back/ }).click();
    const download = await page.request.get(
      `${base}${await page.getByRole('link', { name: 'hyvinvointikertomus.pdf' }).first().getAttribute('href')}`,
    );
    expect((await download.body()).equals(await report)).toBe(true);
    await page.close();
  });

  it('publishes a Word draft that participants read on the task page; a revision after the meeting; the agreement PDF reaches every party', async () => {
    const page = await browser.newPage();
    await signIn(page);
    // The secretariat reads the attachment too.
    await page.goto(`${base}/cycles/${cycleId}?phase=preparation`);
    const href = await page.getByRole('link', { name: 'kaupunginhallitus-12.docx' }).getAttribute('href');
    expect((await (await page.request.get(`${base}${href}`)).body()).equals(await decision)).toBe(true);

    const draft = Buffer.from('# Yhteistyösopimus 2027\n\nKunnat ja hyvinvointialue edistävät liikuntaa.\n');
    await publish(page, 'Sopimusluonnos', { name: 'sopimusluonnos.md', mimeType: 'text/markdown', buffer: draft });
    await waitForCycle(env.client, cycleId, allHaveTask('round-1'), 'round 1');

    const reader = await browser.newPage();
    await reader.goto(await linkFromEmail(person('018', 'contact'), 'round-1'));
    expect(await reader.locator('.document h1').textContent()).toBe('Yhteistyösopimus 2027');
    expect(await reader.locator('.document').textContent()).toContain('Kunnat ja hyvinvointialue edistävät liikuntaa.');
    const original = await reader.request.get(
      `${base}${await reader.getByRole('link', { name: 'Lataa luonnos' }).getAttribute('href')}`,
    );
    expect((await original.body()).equals(draft)).toBe(true);

    // The meeting, its minutes, then a revised version after it: a Word revision, with a heading, a list and a table,
    // opens a round on it.
    const startsAt = new Date(nominalNow() + 3_600_000).toISOString();
    await control(env.client, cycleId, scheduleMeetingUpdate, {
      by: SECRETARIAT.email,
      confirm: true,
      startsAt,
      location: 'Porvoon kaupungintalo',
    });
    // The cycle page says when and where the meeting is, as the parties were told.
    await page.goto(`${base}/cycles/${cycleId}`);
    const meetingFacts = page.locator('h2:has-text("The meeting") + table.facts');
    expect(await meetingFacts.getByRole('row', { name: /^Place/ }).textContent()).toContain('Porvoon kaupungintalo');
    expect(await meetingFacts.getByRole('row', { name: /^Time/ }).textContent()).toMatch(
      /\d{1,2}\.\d{1,2}\.20\d\d \d\d:\d\d/,
    );
    await waitFor(async () => void expect(nominalNow()).toBeGreaterThan(Date.parse(startsAt) + 60_000), {
      timeoutMs: 30_000,
      what: 'the meeting to start',
    });
    await control(env.client, cycleId, recordMinutesUpdate, {
      by: SECRETARIAT.email,
      attendees: [{ partyCode: '01', name: 'Alue', role: 'johtaja', organisation: 'Itä-Uusimaa' }],
      items: [{ number: 1, title: 'Sopimus', conclusion: 'Liikuntatavoite tarkennetaan.' }],
    });
    const revision = await structuredDocx(REVISION);
    await publish(page, 'Tarkistettu sopimus', {
      name: 'sopimus-tarkistettu.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: revision,
    });
    await waitForCycle(env.client, cycleId, allHaveTask('round-2'), 'round 2 on the revision');
    await reader.goto(await linkFromEmail(person('018', 'contact'), 'round-2'));
    expect((await reader.locator('.changes ins').allTextContents()).join('')).toContain('uintitaitoa');

    // Sign-off of the revision: Porvoo's signatory in the browser, the others by their own tools.
    await page.goto(`${base}/cycles/${cycleId}`);
    await page.getByRole('button', { name: 'Start the sign-off' }).click();
    if ((await page.getByRole('heading', { level: 1 }).textContent())?.startsWith('Confirm'))
      await page.getByRole('button', { name: 'Yes, start the sign-off' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Sign-off started/);
    const status = await waitForCycle(env.client, cycleId, allHaveTask('signoff'), 'sign-off');
    const signatory = await browser.newPage();
    const signOffLink = await linkFromEmail(person('638', 'signatory'), 'signoff');
    // Porvoo is bilingual: its signatory signs in Swedish.
    await signatory.goto(`${signOffLink}?lang=sv`);
    await signatory.getByLabel('Beslutshänvisning').fill('Kaupunginhallitus 8.3.2027 § 40');
    await signatory.getByRole('button', { name: 'Godkänn' }).click();
    await expect.poll(() => signatory.getByRole('heading', { level: 1 }).textContent()).toBe('Kvitto');
    expect(status.parties.every((p) => p.tasks.signoff)).toBe(true);
    const document = await env.db
      .selectFrom('documents')
      .select(['sha256', 'version'])
      .where('cycle_id', '=', cycleId)
      .where('is_final', '=', true)
      .executeTakeFirstOrThrow();
    expect(document.version).toBe(2);
    for (const code of ['01', '018'])
      await partyAction(env.client, cycleId, code, signOffUpdate, {
        taskId: taskId(cycleId, code, 'signoff'),
        participantEmail: person(code, 'signatory'),
        decision: 'approved',
        decisionReference: `Hallitus 9.3.2027 § ${code}`,
        documentSha256: document.sha256,
      });
    await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).result();

    // Every party's contact and signatory, and the secretariat, receive the same agreement PDF.
    const mails = await smtp.waitForMessages(
      7,
      (m) => sopuHeader(m, 'cycle') === cycleId && sopuHeader(m, 'kind') === 'cycle-completed',
    );
    const pdfs = mails.map((m) => m.attachments.find((a) => a.contentType === 'application/pdf')!.content);
    expect(pdfs.every((p) => p.equals(pdfs[0]!))).toBe(true);
    // Read back by PDF.js: the Word version's heading, list and table, then the certificate in Finnish and Swedish
    // (Porvoo is bilingual), with Helsinki times and the outcome in words.
    const pages = await pdfPages(pdfs[0]!);
    expect(pages[0]!.slice(0, 4)).toEqual([REVISION.heading, ...REVISION.bullets, REVISION.table[0]!.join(' ')]);
    expect(pages[0]).toContain(REVISION.table[1]!.join(' '));
    expect(pages[1]![0]).toBe(REVISION.afterBreak);
    const certificate = pages.slice(2).flat().join('\n');
    for (const reference of ['Kaupunginhallitus 8.3.2027 § 40', 'Hallitus 9.3.2027 § 01', 'Hallitus 9.3.2027 § 018'])
      expect(certificate.replace(/\s/g, '')).toContain(reference.replace(/\s/g, ''));
    expect(certificate).toContain(document.sha256);
    expect(certificate).toContain('Todistus neuvottelun päättymisestä');
    expect(certificate).toContain('Tulos: Kaikki osapuolet hyväksyivät');
    expect(certificate).toContain('Intyg om förhandlingens avslutande');
    expect(certificate).toContain('Resultat: Alla parter godkände');
    expect(certificate).toContain('Borgå (638) Godkände');
    expect(certificate).toMatch(/Päättyi: \d{1,2}\.\d{1,2}\.20\d\d klo \d{1,2}\.\d\d\.\d\d/);
    expect(certificate).not.toMatch(/T\d\d:\d\d:\d\d|\?\?|\uFFFD/);
    // Rendered in Chromium: the draft's table prints its borders, and every page shows something.
    const rendered = await renderPdf(browser, pdfs[0]!);
    expect(rendered).toHaveLength(pages.length);
    expect(rendered[0]!.rules).toBeGreaterThanOrEqual(REVISION.table.length + 1);
    for (const { png } of rendered) expect(png.length).toBeGreaterThan(5_000);
    // The signatory's task page offers it too, and the secretariat downloads the same file from the cycle page.
    await signatory.goto(`${signOffLink}?lang=sv`);
    const fromTask = await signatory.request.get(
      `${base}${await signatory.getByRole('link', { name: 'Avtalet och intyget om förhandlingens avslutande (PDF)' }).getAttribute('href')}`,
    );
    expect((await fromTask.body()).equals(pdfs[0]!)).toBe(true);

    await page.goto(`${base}/cycles/${cycleId}`);
    const agreementHref = await page
      .getByRole('link', { name: 'the agreement with its certificate (PDF)' })
      .getAttribute('href');
    expect((await (await page.request.get(`${base}${agreementHref}`)).body()).equals(pdfs[0]!)).toBe(true);
    await Promise.all([page.close(), reader.close(), signatory.close()]);
  });
});

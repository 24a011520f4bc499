// The web pages in a real browser: Debian's Chromium driven by playwright-core, against a running cycle on the dev
// server, with real PostgreSQL and the links from real received emails.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { foreignWords, leaks } from '../support/language-leaks';
import { STAFF_WORDS } from '../../client/web/words/staff';
import { LEDGER_WORDS } from '../../client/web/words/ledger-words';
import { PAGE_WORDS } from '../../client/web/words/page';
import { CSV_WORDS } from '../../client/csv-words';
import { SUMMARY_WORDS } from '../../client/statement-summary';
import { WORDS as MAIL_WORDS } from '../../core/domain/words';
import { launchBrowser, startTestWeb } from '../support/browser';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { hashPassword } from '../../client/web/accounts';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { shippedReference } from '../support/reference';
import { control, cycleStatus, startCycle } from '../../client/cycles';
import { replaceParticipantUpdate } from '../../workflows/cycle/messages';
import type { CycleInput } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import type { Witness } from '../../db/witness';
import { verifyInclusion } from '../../db/merkle';
import { allHaveTask, stopCycles, waitForCycle } from '../support/cycle-driver';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

/** What the parties wrote themselves in this file's cycle: theirs, not Sopu's to translate. */
const THEIRS = [
  'Porvoon tavoitteet: ikäihmisten liikunta.',
  'Kuntosaliryhmät kaikille yli 75-vuotiaille',
  'Ryhmiä aloitettu kolmessa kylässä',
];
const SECRETARIAT = { email: 'hyte@itauusimaa.example.fi', password: 'sihteeristön-salasana-1' };
const AUDITOR = { email: 'tarkastaja@itauusimaa.example.fi', password: 'tarkastajan-salasana-2' };

let smtp: SmtpSink;
let env: TestWorker;
let web: FastifyInstance;
let base: string;
let browser: Browser;
let input: CycleInput;
const cycleId = `web-${Date.now()}`;
const person = (code: string, role: 'contact' | 'signatory') =>
  input.parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;

/** The action link of the newest email of `kind` to `email`, pointed at this test's web server. */
async function linkFromEmail(email: string, kind: string, phase: string, cycle = cycleId): Promise<string> {
  const match = (m: ParsedMail) =>
    recipient(m) === email &&
    sopuHeader(m, 'cycle') === cycle &&
    sopuHeader(m, 'kind') === kind &&
    Boolean(sopuHeader(m, 'task')?.endsWith(phase));
  const [mail] = await smtp.waitForMessages(1, match);
  const link = /http:\/\/sopu\.test(\/t\/[A-Za-z0-9_.-]+)/.exec(mail!.text ?? '')?.[1];
  expect(link, 'the email has an action link').toBeDefined();
  return `${base}${link}`;
}

/** Signs in with the staff pages in English (the default is Finnish: sessions.test.ts covers the languages). */
const TITLE_EN = 'East Uusimaa wellbeing services county: health and wellbeing promotion negotiation 2027';

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${base}/login?lang=en`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** With UPDATE_SCREENSHOTS set, saves the page for the README (docs/screenshots). */
async function screenshot(page: Page, name: string, fullPage = true) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: path.join('docs/screenshots', `${name}.png`), fullPage });
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 3600 });
  const users = `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)} ${AUDITOR.email}:auditor:${hashPassword(AUDITOR.password)}`;
  ({ web, base } = await startTestWeb(env, { users, linkGraceDays: 0 }));
  browser = await launchBrowser();
  const definition = YAML.parse(readFileSync('examples/east-uusimaa-annual.yaml', 'utf8'));
  const valid = toCycleInput({ ...definition, id: cycleId }, new Date(), shippedReference());
  input = valid.input;
  await startCycle(env.client, valid, env.taskQueue);
  await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await stopCycles(env?.client, [cycleId]);
  await env?.close();
  await smtp?.close();
});

describe('participant pages', () => {
  it('opens the task from a real email link, takes the answer and shows a receipt; the answer is in Postgres', async () => {
    const page = await browser.newPage();
    await page.goto(await linkFromEmail(person('638', 'contact'), 'task-assigned', 'preparation'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Lähtötiedot neuvotteluun: Porvoo');
    // The agenda, in the participant's language, is on the task page.
    expect(await page.locator('ul.agenda').textContent()).toContain('Hyvinvoinnin ja terveyden edistämisen tavoitteet');
    await page.getByLabel('Vastaus').fill('Porvoon tavoitteet: ikäihmisten liikunta.');
    await screenshot(page, 'participant-task');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    // The receipt is a page like every other: axe finds nothing on it.
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('status').textContent()).toMatch(/^Tallennettu /);
    const rows = await env.db
      .selectFrom('responses')
      .select('body')
      .where('task_id', '=', `${cycleId}/638/preparation`)
      .execute();
    expect(rows).toEqual([{ body: 'Porvoon tavoitteet: ikäihmisten liikunta.' }]);
    // The receipt names the answer's line in the signed record and gives the file that proves it.
    expect(await page.locator('main').textContent()).toMatch(
      /Kirjauksenne on neuvottelun allekirjoitetun tallenteen rivi \d+/,
    );
    const download = page.getByRole('link', { name: 'Lataa kuittaustiedosto (sopu-witness.json)' });
    const witness = (await (
      await page.request.get(new URL((await download.getAttribute('href'))!, page.url()).href)
    ).json()) as Witness;
    expect(witness.act!.event).toMatchObject({ action: 'task.answer', actor: person('638', 'contact') });
    const { act, treeHead } = witness;
    expect(verifyInclusion(act!.seq - 1, treeHead.seq, act!.leafHash, act!.inclusionProof, treeHead.rootHash)).toBe(
      true,
    );
    // The receipt page was reached by a redirect: refreshing it reads the receipt again and records nothing.
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    expect(
      await env.db.selectFrom('responses').select('body').where('task_id', '=', `${cycleId}/638/preparation`).execute(),
    ).toHaveLength(1);
    await page.close();
  });

  it('records a form sent twice once, and returns the first receipt both times', async () => {
    const page = await browser.newPage();
    const link = await linkFromEmail(person('638', 'contact'), 'task-assigned', 'preparation');
    await page.goto(link);
    // The same form, with its one-time id, sent twice (a double click or a resend after a lost answer).
    const form = page.locator('form:has(textarea)');
    const action = new URL((await form.getAttribute('action'))!, page.url()).toString();
    const nonce = (await form.locator('input[name=request]').getAttribute('value'))!;
    const send = () =>
      fetch(action, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request: nonce, text: 'Tarkennus: liikuntapaikat.', action: 'answer' }),
      });
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const bodies = await env.db
      .selectFrom('responses')
      .select('body')
      .where('task_id', '=', `${cycleId}/638/preparation`)
      .execute();
    expect(bodies.filter((b) => b.body === 'Tarkennus: liikuntapaikat.')).toHaveLength(1);
    await page.goto(new URL(first.headers.get('location')!, base).toString());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    // A receipt id that Temporal never recorded shows nothing.
    expect((await page.goto(`${link}/receipt/web-00000000-0000-0000-0000-000000000000`))?.status()).toBe(404);
    await page.close();
  });

  it('takes goals per agenda item; the secretariat reads them, in the register and in the summary', async () => {
    const page = await browser.newPage();
    await page.goto(await linkFromEmail(person('753', 'contact'), 'task-assigned', 'preparation'));
    // The first two agenda items of the annual cycle: its goals and its measures of health and wellbeing promotion.
    await page.locator('#area-0').fill('Liikunta on kärkemme.');
    await page.locator('#goal-0-0').fill('Ikäihmisten liikkuminen lisääntyy');
    // Saved as a draft: kept by the web server, shown again, not sent.
    await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Luonnos tallennettu .*ei ole vielä lähetetty\.$/);
    await page.reload();
    expect(await page.locator('#goal-0-0').inputValue()).toBe('Ikäihmisten liikkuminen lisääntyy');
    expect(
      await env.db.selectFrom('responses').select('id').where('task_id', '=', `${cycleId}/753/preparation`).execute(),
    ).toEqual([]);
    // A refused answer keeps what was typed, and names the field.
    await page.locator('#measure-2-0').fill('Toimenpide ilman tavoitetta');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Tarkista lomake: Yhteistyö hyvinvoinnin ja terveyden edistämisessä – Tavoite 1: Tavoite',
    );
    expect(await page.locator('#area-0').inputValue()).toBe('Liikunta on kärkemme.');
    expect(await page.locator('#measure-2-0').inputValue()).toBe('Toimenpide ilman tavoitetta');
    await page.locator('#measure-2-0').fill('');
    await page.locator('#measure-0-0').fill('Kuntosaliryhmät kaikille yli 75-vuotiaille');
    await page.locator('#indicator-0-0').fill('Liikuntaa harrastavien osuus (%)');
    await page.locator('#baseline-0-0').fill('31');
    await page.locator('#target-0-0').fill('40');
    await page.locator('#targetYear-0-0').fill('2029');
    await page.locator('#responsible-0-0').fill('Vapaa-aikalautakunta');
    await page.locator('#partyPerson-0-0').fill('Liikuntapäällikkö');
    await page.locator('#countyPerson-0-0').fill('Hyte-koordinaattori');
    await page.locator('#goal-1-0').fill('Savuton kunta');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    const goals = await env.db
      .selectFrom('goals')
      .innerJoin('responses', 'responses.id', 'goals.response_id')
      .select(['goals.area', 'goals.goal', 'goals.target_year', 'goals.county_person'])
      .where('responses.task_id', '=', `${cycleId}/753/preparation`)
      .orderBy('goals.area')
      .execute();
    // Sent: the draft is gone.
    expect(
      await env.db
        .selectFrom('answer_drafts')
        .select('task_id')
        .where('task_id', '=', `${cycleId}/753/preparation`)
        .execute(),
    ).toEqual([]);
    expect(goals).toEqual([
      { area: 0, goal: 'Ikäihmisten liikkuminen lisääntyy', target_year: 2029, county_person: 'Hyte-koordinaattori' },
      { area: 1, goal: 'Savuton kunta', target_year: null, county_person: null },
    ]);

    await signIn(page, SECRETARIAT);
    await page.goto(`${base}/cycles/${cycleId}?phase=preparation`);
    const sipoo = page.locator('section.party-answer', { hasText: '753 Sipoo' });
    expect(await sipoo.textContent()).toContain('Ikäihmisten liikkuminen lisääntyy');
    expect(await sipoo.locator('h4').first().textContent()).toBe('Goals of health and wellbeing promotion');
    // Filtered by an agenda item: only what each party said there.
    await page.getByRole('link', { name: 'Measures of health and wellbeing promotion' }).click();
    const filtered = page.locator('section.party-answer', { hasText: '753 Sipoo' });
    expect(await filtered.textContent()).toContain('Savuton kunta');
    expect(await filtered.textContent()).not.toContain('Ikäihmisten liikkuminen lisääntyy');
    const register = await (await page.request.get(`${base}/cycles/${cycleId}/goals.csv?language=fi`)).text();
    expect(register).toContain(
      'valmistelu,753,Sipoo,Hyvinvoinnin ja terveyden edistämisen tavoitteet,Ikäihmisten liikkuminen lisääntyy,Kuntosaliryhmät kaikille yli 75-vuotiaille,Liikuntaa harrastavien osuus (%),31,40,2029,Vapaa-aikalautakunta,Liikuntapäällikkö,Hyte-koordinaattori',
    );
    // Headers, phases and kinds in the language asked for: no Finnish or English column in a Swedish sheet.
    const swedish = await (await page.request.get(`${base}/cycles/${cycleId}/answers.csv?language=sv`)).text();
    expect(swedish.split('\r\n')[0]).toBe(
      'fas,partens kod,part,deltagare,e-post,slag,anteckningar,tid (Helsingfors),punkt på dagordningen,text',
    );
    // What Sipoo said of an agenda item is a line of its own, the item named in Swedish.
    expect(swedish).toMatch(/\nberedning,753,Sipoo,[^\n]*,Mål för främjandet av hälsa och välfärd,/);
    expect(swedish).toContain('beredning,753,');
    expect(swedish).not.toMatch(/\bpreparation\b|\bvalmistelu\b/);
    const docx = await page.request.get(`${base}/cycles/${cycleId}/summary.docx?language=sv`);
    const summary = (await mammoth.extractRawText({ buffer: await docx.body() })).value;
    expect(summary).toContain('Mål för främjandet av hälsa och välfärd');
    expect(summary).toContain('Mål: Ikäihmisten liikkuminen lisääntyy; Kuntosaliryhmät kaikille yli 75-vuotiaille');
    // Names in Swedish in a Swedish document: the title, the county and Sibbo, not the Finnish names (names the
    // cycle file wrote itself, such as another actor's, are shown as written).
    expect(summary).toContain('Sammanställning av utlåtanden: Östra Nylands välfärdsområde');
    expect(summary).toContain('753 Sibbo');
    expect(summary).not.toMatch(/753 Sipoo|01 Itä-Uudenmaan hyvinvointialue/);
    // The goals register as a Word document too: per agenda item, each party's goals.
    const goalsDocx = await page.request.get(`${base}/cycles/${cycleId}/goals.docx?language=fi`);
    const goalsHtml = (await mammoth.convertToHtml({ buffer: await goalsDocx.body() })).value;
    expect(goalsHtml).toContain('Tavoiterekisteri');
    // A table under its agenda item, its columns named in Finnish, one goal a row.
    expect(goalsHtml).toMatch(
      /<h1>Hyvinvoinnin ja terveyden edistämisen tavoitteet<\/h1><table><thead><tr><th><p><strong>osapuoli<\/strong><\/p><\/th><th><p><strong>vaihe<\/strong><\/p><\/th><th><p><strong>tavoite<\/strong><\/p><\/th><th><p><strong>toimenpide<\/strong>/,
    );
    expect(goalsHtml).toMatch(
      /<tr><td><p>753 Sipoo<\/p><\/td><td><p>Valmistelu<\/p><\/td><td><p>Ikäihmisten liikkuminen lisääntyy<\/p><\/td><td><p>Kuntosaliryhmät kaikille yli 75-vuotiaille<\/p><\/td><td><p>Liikuntaa harrastavien osuus \(%\)<\/p><\/td><td><p>31<\/p><\/td><td><p>40<\/p><\/td><td><p>2029<\/p>/,
    );
    await page.close();
  });

  it('shows the secretariat every scheduled negotiation that did not start, what was missing and who was told', async () => {
    const run = { schedule_id: `sopu-ministry-21-web-${Date.now()}`, kind: 'ministry' as const, county_code: '21' };
    await env.db
      .insertInto('schedule_runs')
      .values({
        ...run,
        period: '2027',
        at: '2027-08-15T06:00:00Z',
        outcome: 'missing',
        cycle_id: null,
        missing: JSON.stringify(['participants.vm: party Valtiovarainministeriö has no participants']),
        problems: JSON.stringify([
          { field: 'participants.vm', key: 'noParticipants', party: 'vm', name: 'Valtiovarainministeriö' },
        ]),
        told: JSON.stringify(['hyte@pohjanmaa.example.fi']),
      })
      .execute();
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    await page.goto(`${base}/cycles?lang=fi`);
    const notice = page.getByRole('region', { name: 'Aikataulutetut neuvottelut, jotka eivät alkaneet' });
    const text = await notice.textContent();
    expect(text).toContain(`${run.schedule_id}: ajo 15.8.2027 09:00 ei käynnistänyt neuvottelua`);
    // What was missing, in the reader's words.
    expect(text).toContain('participants.vm: osapuolella Valtiovarainministeriö ei ole osallistujia');
    expect(text).toContain('hyte@pohjanmaa.example.fi');
    // A later run that starts the cycle clears it.
    await env.db
      .insertInto('schedule_runs')
      .values({ ...run, period: '2027', at: '2027-08-16T06:00:00Z', outcome: 'started', cycle_id: 'ministry-21-2027' })
      .execute();
    await page.goto(`${base}/cycles`);
    expect(await page.content()).not.toContain(run.schedule_id);
    await page.close();
  });

  it("asks next year's preparation for the status of last year's goals; the follow-up report lists them", async () => {
    const nextId = `${cycleId}-next`;
    const definition = YAML.parse(readFileSync('examples/east-uusimaa-annual.yaml', 'utf8'));
    // Checked as on a day a year from now, when 2028 is the coming year.
    const aYearOn = new Date(Date.now() + 365 * 86_400_000);
    const next = toCycleInput({ ...definition, id: nextId, period: '2028' }, aYearOn, shippedReference());
    await startCycle(env.client, next, env.taskQueue);
    try {
      await waitForCycle(env.client, nextId, allHaveTask('preparation'), 'next year preparation tasks');
      const page = await browser.newPage();
      await page.goto(await linkFromEmail(person('753', 'contact'), 'task-assigned', 'preparation', nextId));
      const first = page.locator('fieldset.goal', { hasText: 'Ikäihmisten liikkuminen lisääntyy' });
      expect(await first.textContent()).toContain('asetettu 2027');
      // A value and a comment without a status: refused at the status, what was typed kept, nothing receipted.
      await page.locator('#fu-value-0').fill('35');
      await page.locator('#fu-comment-0').fill('Ryhmiä aloitettu kolmessa kylässä');
      await page.getByRole('button', { name: 'Lähetä' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Aiempien tavoitteiden seuranta: Tilanne');
      expect(await page.locator('#fu-value-0').inputValue()).toBe('35');
      await page.locator('#fu-status-0').selectOption('on_track');
      await page.locator('#fu-status-1').selectOption('achieved');
      await page.getByRole('button', { name: 'Lähetä' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');

      await signIn(page, SECRETARIAT);
      const report = await (await page.request.get(`${base}/cycles/${nextId}/follow-up.csv?language=fi`)).text();
      expect(report).toContain(
        '753,Sipoo,annual 2027,Hyvinvoinnin ja terveyden edistämisen tavoitteet,Ikäihmisten liikkuminen lisääntyy,Liikuntaa harrastavien osuus (%),31,40,2029,2028: etenee (35) – Ryhmiä aloitettu kolmessa kylässä',
      );
      expect(report).toContain('Savuton kunta,,,,,2028: saavutettu');
      await page.goto(`${base}/cycles/${nextId}/follow-up`);
      const row = page.getByRole('row', { name: /Ikäihmisten liikkuminen lisääntyy/ });
      expect(await row.textContent()).toContain('2028: on track (35) – Ryhmiä aloitettu kolmessa kylässä');
      await page.close();
    } finally {
      await stopCycles(env.client, [nextId]);
    }
  });

  it('speaks Swedish to a Swedish-speaking participant, with a language switch', async () => {
    const page = await browser.newPage();
    const link = await linkFromEmail(person('434', 'contact'), 'task-assigned', 'preparation');
    await page.goto(link);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    // The municipality and the cycle by their names in the reader's language.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Underlag för förhandlingen: Lovisa');
    expect(await page.locator('table.facts').textContent()).toContain(
      'Östra Nylands välfärdsområde: förhandling om främjande av hälsa och välfärd 2027',
    );
    // An answer, then the task page again: its earlier answers name the phase in words, never its code.
    await page.getByLabel('Svar', { exact: true }).fill('Lovisas svar');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('link', { name: 'Tillbaka till uppgiften' }).click();
    // (The task's reference, an identifier to quote, is not a word and keeps its form.)
    const earlier = await page.locator('table:not(.facts)').last().textContent();
    expect(earlier).toContain('Beredning');
    expect(earlier).not.toMatch(/\bpreparation\b|round-\d|\bsignoff\b/);
    await page.getByRole('link', { name: 'EN' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Input for the negotiation: Loviisa');
    // Its mail said the same: in Swedish, with the Swedish names.
    const [mail] = await smtp.waitForMessages(
      1,
      (m) => recipient(m) === person('434', 'contact') && sopuHeader(m, 'cycle') === cycleId,
    );
    expect(mail!.subject).toContain('Östra Nylands välfärdsområde: förhandling om främjande av hälsa och välfärd 2027');
    expect(mail!.text).toContain('Lovisa');
    await page.close();
  });

  it('refuses the link of a participant who has been replaced', async () => {
    const link = await linkFromEmail(person('753', 'contact'), 'task-assigned', 'preparation');
    await control(env.client, cycleId, replaceParticipantUpdate, {
      by: SECRETARIAT.email,
      partyCode: '753',
      oldEmail: person('753', 'contact'),
      participant: { name: 'Uusi Yhteyshenkilö', email: 'uusi@sipoo.example.fi', role: 'contact' },
      reason: 'Vastuuhenkilö vaihtui',
    });
    await waitFor(
      async () => {
        const row = await env.db
          .selectFrom('participants')
          .select('active')
          .where('cycle_id', '=', cycleId)
          .where('email', '=', person('753', 'contact'))
          .executeTakeFirstOrThrow();
        expect(row.active).toBe(false);
      },
      { timeoutMs: 10_000, what: 'the replacement recorded' },
    );
    const page = await browser.newPage();
    expect((await page.goto(link))?.status()).toBe(404);
    await page.close();
  });

  it('refuses a forged link with a neutral message', async () => {
    const page = await browser.newPage();
    const link = await linkFromEmail(person('018', 'contact'), 'task-assigned', 'preparation');
    const response = await page.goto(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(response?.status()).toBe(404);
    expect(await page.getByText('Linkki ei ole voimassa.').count()).toBe(1);
    await page.close();
  });
});

describe('accessibility', () => {
  it('passes axe (WCAG 2.1 A and AA) on every kind of page, in Finnish, Swedish and English', async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    const check = async (what: string) => found.push(...(await axeViolations(page)).map((v) => `${what}: ${v}`));
    const link = await linkFromEmail(person('018', 'contact'), 'task-assigned', 'preparation');
    for (const lang of ['fi', 'sv', 'en']) {
      await page.goto(`${link}?lang=${lang}`);
      await check(`task page (${lang})`);
      await page.goto(`${base}/accessibility?lang=${lang}`);
      await check(`statement (${lang})`);
      await page.goto(`${base}/login?lang=${lang}`);
      await check(`sign-in (${lang})`);
    }
    await signIn(page, SECRETARIAT);
    for (const lang of ['fi', 'sv', 'en']) {
      for (const [what, path] of [
        ['cycle list', '/cycles'],
        ['cycle page', `/cycles/${cycleId}`],
        ['follow-up', `/cycles/${cycleId}/follow-up`],
        ['goals by municipality', `/cycles/${cycleId}/follow-up/overview`],
        ['compliance', '/compliance'],
        ['audit timeline', `/audit/cycles/${cycleId}`],
      ]) {
        await page.goto(`${base}${path}?lang=${lang}`);
        await check(`${what} (${lang})`);
      }
    }
    // Why a county's negotiation has not started is said in the page's language, not in the report's English.
    await page.goto(`${base}/compliance?lang=sv`);
    const compliance = await page.locator('main').textContent();
    expect(compliance).toContain('ingen förhandling har inletts för perioden');
    expect(compliance).not.toMatch(/no cycle has been started|not a party of|municipalities took part/);
    expect(found).toEqual([]);
    await page.close();
  });

  it("links every page to the accessibility statement, in the reader's language, with a skip link first", async () => {
    const page = await browser.newPage();
    await page.goto(await linkFromEmail(person('018', 'contact'), 'task-assigned', 'preparation'));
    // The first thing a keyboard reaches is the way past the header.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Siirry sisältöön');
    await page.getByRole('link', { name: 'Saavutettavuusseloste' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Saavutettavuusseloste');
    expect(await page.content()).toContain('Liikenne- ja viestintävirasto Traficom');
    expect(await page.content()).toContain('saavutettavuus@sopu.test');
    await page.goto(`${base}/accessibility?lang=sv`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tillgänglighetsutlåtande');
    // Staff pages too, the sign-in page first.
    await page.goto(`${base}/login?lang=en`);
    expect(await page.getByRole('link', { name: 'Accessibility statement' }).count()).toBe(1);
    await page.close();
  });
});

describe('Swedish', () => {
  it("walks every page and document in Swedish and finds none of Sopu's Finnish or English words", async () => {
    // Sopu's own words: every Finnish and English string of its pages, mails, documents and refusals that Swedish
    // never uses. The parties' own content (their answers, names as written) is theirs, not Sopu's.
    const swedish = [STAFF_WORDS.sv, PAGE_WORDS.sv, CSV_WORDS.sv, SUMMARY_WORDS.sv, MAIL_WORDS.sv, LEDGER_WORDS.sv];
    const foreign = foreignWords(swedish, [
      LEDGER_WORDS.fi,
      LEDGER_WORDS.en,
      STAFF_WORDS.fi,
      STAFF_WORDS.en,
      PAGE_WORDS.fi,
      PAGE_WORDS.en,
      CSV_WORDS.fi,
      CSV_WORDS.en,
      SUMMARY_WORDS.fi,
      MAIL_WORDS.fi,
      MAIL_WORDS.en,
    ]);
    // Cycles and schedules other tests of the run made share the database: their titles and ids are theirs too.
    const cycles = await env.db.selectFrom('cycles').select(['id', 'title']).execute();
    const schedules = await env.db.selectFrom('schedule_runs').select('schedule_id').distinct().execute();
    const theirs = [
      ...THEIRS,
      ...cycles.map((c) => c.title),
      ...cycles.map((c) => c.id),
      ...schedules.map((r) => r.schedule_id),
    ].sort((a, b) => b.length - a.length);
    const found: string[] = [];
    const check = (what: string, text: string) => {
      const words = leaks(text, foreign, theirs);
      if (words.length) found.push(`${what}: ${words.join(', ')}`);
    };
    const page = await browser.newPage();
    const link = await linkFromEmail(person('018', 'contact'), 'task-assigned', 'preparation');
    await page.goto(`${link}?lang=sv`);
    // The task's reference is an identifier, quoted as it is when the participant asks about the task.
    check('task page', (await page.locator('body').textContent())!.replace(`${cycleId}/018/preparation`, ''));
    await page.goto(`${base}/accessibility?lang=sv`);
    check('accessibility statement', (await page.locator('body').textContent())!);
    await signIn(page, SECRETARIAT);
    for (const [what, path] of [
      ['cycle list', '/cycles'],
      ['cycle page', `/cycles/${cycleId}`],
      ['follow-up', `/cycles/${cycleId}/follow-up`],
      ['goals by municipality', `/cycles/${cycleId}/follow-up/overview`],
      ['compliance', '/compliance'],
    ]) {
      // (The auditors' timeline shows the ledger's and histories' own records as they are, not Sopu's words.)
      await page.goto(`${base}${path}?lang=sv`);
      check(what!, (await page.locator('body').textContent())!);
    }
    // The record's own page: Sopu's words around the ledger (its lines are the record's data, as recorded).
    await page.goto(`${base}/audit/cycles/${cycleId}?lang=sv`);
    for (const part of await page
      .locator('main > h1, main > nav, main [role=status], main details > summary, main form')
      .all())
      check('record page', (await part.textContent())!);
    for (const file of ['answers.csv', 'goals.csv'])
      check(file, await (await page.request.get(`${base}/cycles/${cycleId}/${file}?language=sv`)).text());
    for (const file of ['summary.docx', 'goals.docx']) {
      const docx = await (await page.request.get(`${base}/cycles/${cycleId}/${file}?language=sv`)).body();
      check(file, (await mammoth.extractRawText({ buffer: docx })).value);
    }
    expect(found).toEqual([]);
    await page.close();
  });
});

describe('secretariat', () => {
  it('refuses a line break in a name sent to a control, at the field, and records nothing', async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    const cyclePage = await page.request.get(`${base}/cycles/${cycleId}?lang=en`);
    const html = await cyclePage.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    // Crafted: a browser's text field cannot hold a line break, so only a made-up request sends one.
    const refused = await page.request.post(`${base}/cycles/${cycleId}/replace-participant`, {
      form: {
        _csrf: csrf,
        partyCode: '018',
        oldEmail: person('018', 'contact'),
        name: 'Eve\r\nBcc: everyone@example.fi',
        email: 'eve@askola.example.fi',
        role: 'contact',
        reason: 'Vaihtui',
      },
    });
    expect(refused.status()).toBe(422);
    // Named in the reader's words (here English), never the validator's text or the field's code.
    const text = await refused.text();
    expect(text).toContain('Not done: check these fields: Name (must be on one line)');
    expect(text).not.toContain('participant.name');
    const eve = await env.db
      .selectFrom('participants')
      .select('email')
      .where('cycle_id', '=', cycleId)
      .where('email', '=', 'eve@askola.example.fi')
      .execute();
    expect(eve).toEqual([]);
    await page.close();
  });

  it("says a cycle's refusal in the reader's language, times in Helsinki: a meeting in the past, in Swedish", async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    await page.goto(`${base}/cycles/${cycleId}?lang=sv`);
    await page.locator('#meeting-date').fill('15.1.2020');
    await page.locator('#meeting-time').fill('10.00');
    await page.locator('#meeting-location').fill('Borgå stadshus');
    await page.locator('form:has(#meeting-date) button[type="submit"]').click();
    const alert = await page.getByRole('alert').first().textContent();
    expect(alert).toContain('Förhandlingsmötet kan inte bestämmas till en tid som har varit (15.1.2020 kl. 10.00)');
    expect(alert).not.toMatch(/meeting|2020-01-15T/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await env.db.selectFrom('meetings').select('version').where('cycle_id', '=', cycleId).execute()).toEqual([]);
    await page.close();
  });

  it('signs in, extends a deadline and publishes a draft; the matrix updates; the old link then expires', async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    await page.locator(`td a[href="/cycles/${cycleId}"]`).click();
    // The title in the reader's language: the template's English title for a cycle titled as the template titles it.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE_EN);
    expect(await page.getByRole('row', { name: /638 Porvoo/ }).textContent()).toContain('answered');
    // What the parties said is on the same page, per phase, with who said it and when; and as a CSV download.
    const said = page.locator('section.party-answer', { hasText: '638 Porvoo' });
    expect(await said.textContent()).toContain('Porvoon tavoitteet: ikäihmisten liikunta.');
    expect(await said.textContent()).toContain(person('638', 'contact'));
    await screenshot(page, 'secretariat-answers');
    // The same page in Swedish: statuses in words, the parties and the cycle by their Swedish names, phases named.
    await page.goto(`${base}/cycles/${cycleId}?lang=sv`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Östra Nylands välfärdsområde: förhandling om främjande av hälsa och välfärd 2027',
    );
    expect(await page.getByRole('row', { name: /638 Borgå/ }).textContent()).toContain('besvarad');
    expect(await page.getByRole('columnheader', { name: 'beredning' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toMatch(/no_response|Parties and tasks/);
    await page.goto(`${base}/cycles/${cycleId}?lang=en`);
    const csv = await page.request.get(`${base}/cycles/${cycleId}/answers.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Porvoon tavoitteet: ikäihmisten liikunta.');
    // The statement summary, followed from the page's link, opens as a Word document with what Porvoo said.
    const href = await page.locator('a[href*="summary.docx"]', { hasText: 'suomeksi' }).getAttribute('href');
    const docx = await page.request.get(`${base}${href}`);
    expect(docx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const summary = (await mammoth.extractRawText({ buffer: await docx.body() })).value;
    expect(summary).toContain(`Lausuntoyhteenveto: ${input.title}`);
    const latest = await env.db
      .selectFrom('responses')
      .select('body')
      .where('task_id', '=', `${cycleId}/638/preparation`)
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(summary).toContain('638 Porvoo');
    expect(summary).toContain(latest.body);
    if (process.env.UPDATE_SCREENSHOTS) {
      // The README's picture of the summary: the Word document as mammoth reads it, on a page of its own.
      const { value } = await mammoth.convertToHtml({ buffer: await docx.body() });
      const view = await browser.newPage({ viewport: { width: 900, height: 700 } });
      await view.setContent(`<body style="font-family:serif;max-width:46rem;margin:2rem auto">${value}</body>`);
      await screenshot(view, 'statement-summary');
      await view.close();
    }

    await page.getByLabel('Working days to add').fill('3');
    await page.locator('#extend-reason').fill('Kuntien lautakunnat kokoontuvat myöhemmin');
    await page.getByRole('button', { name: 'Extend the deadline' }).click();
    expect(await page.getByRole('status').textContent()).toMatch(/^Deadline extended/);
    // A notice comes from what the server recorded, never from the address: a crafted one shows nothing.
    await page.goto(`${base}/cycles/${cycleId}?done=You+won+a+prize&receipt=extend%3Aforged`);
    expect(await page.getByRole('status').count()).toBe(0);
    expect(await page.content()).not.toContain('You won a prize');

    await page.getByLabel('Draft title').fill('Hyte-suunnitelman luonnos');
    await page.locator('#draft-file').setInputFiles({
      name: 'luonnos.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Luonnos\n\nTavoitteet 2027'),
    });
    await page.getByRole('button', { name: 'Publish a draft' }).click();
    // Publishing closes the preparation early: the page says what that does to whom, and waits for a yes.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm: Publish a draft');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('alert').textContent()).toMatch(
      /^\d+ of \d+ parties have not answered in the preparation \([^)0-9]+\); their tasks close as no response\. Confirm to go on\.$/,
    );
    expect(await env.db.selectFrom('documents').select('version').where('cycle_id', '=', cycleId).execute()).toEqual(
      [],
    );
    await page.getByRole('button', { name: 'Yes, publish the draft' }).click();
    expect(await page.getByRole('status').textContent()).toMatch(/^Draft published/);
    await waitFor(
      async () => {
        await page.reload();
        expect(await page.getByRole('row', { name: /638 Porvoo/ }).textContent()).toContain('open •');
      },
      { timeoutMs: 15_000, what: 'round 1 in the matrix' },
    );
    await screenshot(page, 'secretariat-cycle');
    const documents = await env.db
      .selectFrom('documents')
      .select(['title', 'published_by'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(documents).toEqual([{ title: 'Hyte-suunnitelman luonnos', published_by: SECRETARIAT.email }]);

    // The preparation task is closed now; with no grace period its link is refused.
    const expired = await browser.newPage();
    expect(
      (await expired.goto(await linkFromEmail(person('018', 'contact'), 'task-assigned', 'preparation')))?.status(),
    ).toBe(404);
    await expired.close();
    await page.close();
  });

  it("shows a party the other parties' answers once the phase has closed", async () => {
    const page = await browser.newPage();
    await page.goto(await linkFromEmail(person('018', 'contact'), 'task-assigned', 'round-1'));
    expect(await page.locator('main').textContent()).toContain(
      'Vastaukset näkyvät muille osapuolille, kun vaihe on päättynyt.',
    );
    const porvoo = page.locator('section.party-answer', { hasText: 'Porvoo' });
    const latest = await env.db
      .selectFrom('responses')
      .select('body')
      .where('task_id', '=', `${cycleId}/638/preparation`)
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(await porvoo.textContent()).toContain(latest.body);
    // Askola comments on the draft per agenda item: one item's comment, kept as its row.
    await page.locator('#area-1').fill('Toimenpiteisiin lisättävä koululaisten liikunta.');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    const commented = await env.db
      .selectFrom('response_areas')
      .innerJoin('responses', 'responses.id', 'response_areas.response_id')
      .select(['response_areas.area', 'response_areas.text'])
      .where('responses.task_id', '=', `${cycleId}/018/round-1`)
      .execute();
    expect(commented).toEqual([{ area: 1, text: 'Toimenpiteisiin lisättävä koululaisten liikunta.' }]);
    await page.close();
  });

  it('starts a cycle from an uploaded file, and names the field of a bad one', async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    const definition = YAML.parse(readFileSync('examples/east-uusimaa-annual.yaml', 'utf8'));
    const upload = (name: string, content: unknown) =>
      page
        .getByLabel('Cycle file (YAML or JSON)')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
    await upload('bad.json', {
      ...definition,
      id: `${cycleId}-b`,
      secretariat: { name: 'Hyte', email: 'not-an-address' },
    });
    await page.getByRole('button', { name: 'Start' }).click();
    // In English too the reader's words, not the validator's.
    expect(await page.getByRole('alert').textContent()).toContain('secretariat.email: not valid');
    // The county has its 2027 annual cycle already: a second one needs its reason.
    await upload('second.json', { ...definition, id: `${cycleId}-b` });
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(
      /supplementaryReason: East Uusimaa wellbeing services county already has a negotiation for 2027 \(.*\); a second one needs its reason/,
    );
    // In Swedish: every problem at its field in Swedish words, the county by its Swedish name, no validator text.
    await page.goto(`${base}/cycles?lang=sv`);
    const uploadSv = async (name: string, content: unknown) => {
      await page
        .locator('#cycle-file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
      await page.locator('form[action="/cycles"] button[type="submit"]').click();
      return (await page.getByRole('alert').textContent())!;
    };
    const badSv = await uploadSv('bad.json', {
      ...definition,
      id: `${cycleId}-b`,
      secretariat: { name: 'Hyte', email: 'not-an-address' },
      schedule: { roundDays: 999 },
    });
    expect(badSv).toContain('Förhandlingsfilen godtogs inte: ');
    expect(badSv).toContain('secretariat.email: duger inte');
    expect(badSv).toContain('schedule.roundDays: för stor (gräns 120)');
    expect(badSv).not.toMatch(/valid|Too big|expected/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await uploadSv('second.json', { ...definition, id: `${cycleId}-b` })).toMatch(
      /supplementaryReason: Östra Nylands välfärdsområde har redan en förhandling för 2027 \(.*\); en andra behöver en orsak/,
    );
    await page.goto(`${base}/cycles?lang=en`);
    const supplementary = {
      ...definition,
      id: `${cycleId}-b`,
      supplementaryReason: 'Lisäneuvottelu ikäihmisten palveluista',
    };
    await upload('good.json', supplementary);
    await page.getByRole('button', { name: 'Start' }).click();
    // Starting mails every party's contact: said first, done on a yes.
    expect(await page.getByRole('alert').textContent()).toMatch(
      /^Starting cycle .*-b mails \d+ people in 11 parties their first task\.$/,
    );
    await page.getByRole('button', { name: 'Yes, start the cycle' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/cycles/${cycleId}-b`);
    // The page opened once every party's first task was open.
    expect(allHaveTask('preparation')(await cycleStatus(env.client, `${cycleId}-b`))).toBe(true);
    await env.client.workflow.getHandle(`cycle/${cycleId}-b`).terminate('test finished');
    await page.close();
  });

  it('lets a signatory reject the final version with a reason', async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    await page.goto(`${base}/cycles/${cycleId}`);
    await page.getByLabel('No meeting was held: why (kept in the record)').fill('Kirjallinen menettely');
    await page.getByRole('button', { name: 'Start the sign-off' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm: Start the sign-off');
    await page.getByRole('button', { name: 'Yes, start the sign-off' }).click();
    expect(await page.getByRole('status').textContent()).toMatch(/^Sign-off started/);
    await page.close();

    const signatory = await browser.newPage();
    await signatory.goto(await linkFromEmail(person('753', 'signatory'), 'task-assigned', 'signoff'));
    // A refusal is wholly in the participant's language: the field named as the form names it, nothing in English.
    await signatory.getByRole('button', { name: 'Hylkää' }).click();
    const refusal = (await signatory.getByRole('alert').textContent())!;
    expect(refusal).toBe('Tarkista lomake: Perustelu');
    await signatory.getByLabel('Perustelu').fill('Työnjako puuttuu.');
    await signatory.getByRole('button', { name: 'Hylkää' }).click();
    await expect.poll(() => signatory.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
    const rows = await env.db
      .selectFrom('signoffs')
      .select(['decision', 'reason'])
      .where('task_id', '=', `${cycleId}/753/signoff`)
      .execute();
    expect(rows).toEqual([{ decision: 'rejected', reason: 'Työnjako puuttuu.' }]);
    await signatory.close();
  });

  it('refuses a cross-site post (CSRF) and changes nothing', async () => {
    const page = await browser.newPage();
    await signIn(page, SECRETARIAT);
    const evil: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<form method="post" action="${base}/cycles/${cycleId}/cancel"><input name="reason" value="forged"><button>Win a prize</button></form>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://localhost:${(evil.address() as { port: number }).port}/`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/cancel')),
        page.getByRole('button', { name: 'Win a prize' }).click(),
      ]);
      expect(response.status()).toBe(403);
      expect((await cycleStatus(env.client, cycleId)).phase).toBe('signoff');
    } finally {
      evil.close();
      await page.close();
    }
  });
});

describe('auditor', () => {
  it('reads the timeline and cannot reach any action, not even by posting directly', async () => {
    const page = await browser.newPage();
    await signIn(page, AUDITOR);
    await page.goto(`${base}/cycles/${cycleId}`);
    expect(page.url()).toBe(`${base}/audit/cycles/${cycleId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Record: ${TITLE_EN}`);
    // The record verified with the county's key, as far as a running cycle goes.
    expect(await page.getByRole('status').textContent()).toMatch(
      /^Holds so far: the ledger's \d+ lines, \d+ signed heads/,
    );
    // Paged: the first fifty lines, and a link to the next.
    const [, to, all] = /Lines 1–(\d+) of (\d+)/.exec((await page.locator('main').textContent())!)!.map(Number);
    expect(to).toBe(Math.min(50, all!));
    expect(await page.locator('table.ledger tbody tr').count()).toBe(to);
    expect(await page.getByRole('link', { name: 'Next' }).count()).toBe(all! > 50 ? 1 : 0);
    // Each line with its sequence number, its time in Helsinki, and what happened in words beside the export's name.
    await page.getByLabel('Event').selectOption({ label: 'Draft published' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const published = page.locator('table.ledger tr', { hasText: 'Draft published' });
    expect(await published.count()).toBe(1);
    expect(await published.locator('td').nth(0).textContent()).toMatch(/^\d+$/);
    expect(await published.locator('td').nth(1).textContent()).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} \d\d\.\d\d\.\d\d$/);
    expect(await published.locator('td').nth(3).textContent()).toBe('Draft publisheddocument.published');
    // The only forms: the filter (GET) and signing out.
    expect(
      await page.locator('form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action'))),
    ).toEqual(['/logout']);
    await page.getByLabel('Event').selectOption({ label: 'Answer' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const answers = await page.locator('table.ledger tbody tr').count();
    expect(answers).toBeGreaterThan(0);
    expect(await page.locator('table.ledger tbody tr', { hasText: 'task.answer' }).count()).toBe(answers);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-timeline', false);
    // The engine's events apart.
    await page.getByRole('link', { name: 'Engine events' }).click();
    expect(await page.getByRole('cell', { name: /^WorkflowExecutionStarted/ }).count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);

    const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
    const response = await page.request.post(`${base}/cycles/${cycleId}/close-phase`, { form: { _csrf: csrf! } });
    expect(response.status()).toBe(403);
    expect((await cycleStatus(env.client, cycleId)).openPhaseKey).toBe('signoff');
    await page.close();
  });
});

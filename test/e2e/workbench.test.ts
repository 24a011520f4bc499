// The secretariat's workbench in a real browser, as a secretariat member with no file and no terminal would use it:
// a new negotiation drafted from the law and the party directory, its problems shown at their fields, its timeline
// and mail previewed, then started; and next year's started from it. Every page is checked with axe.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { control, partyAction } from '../../client/cycles';
import { hashPassword } from '../../client/web/accounts';
import { cycleWorkflowId, taskId } from '../../core/contracts';
import { closePhaseUpdate, scheduleMeetingUpdate } from '../../workflows/cycle/messages';
import { registerAttendeesUpdate, signOffUpdate } from '../../workflows/party/messages';
import { waitFor } from '../../worker/dev/processes';
import { allHaveTask, stopCycles, waitForCycle } from '../support/cycle-driver';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { seedAccounts } from '../support/accounts';
import { axeViolations } from '../support/axe';
import { foreignWords, leaks } from '../support/language-leaks';
import { STAFF_WORDS } from '../../client/web/words/staff';
import { PAGE_WORDS } from '../../client/web/words/page';
import { NEW_CYCLE_WORDS } from '../../client/web/words/new-cycle-words';
import { DIRECTORY_WORDS } from '../../client/web/words/directory-words';
import { CALENDAR_WORDS } from '../../client/web/words/calendar-words';
import { TODO_WORDS } from '../../client/web/words/todo-words';
import { MINUTES_WORDS } from '../../client/web/words/minutes-words';
import { DIRECTORY_SHEET_WORDS } from '../../core/domain/directory-words';
import { launchBrowser, startTestWeb } from '../support/browser';
import { shippedReference } from '../support/reference';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

const SECRETARIAT = { email: 'hyte@vakehyva.example.fi', password: 'sihteeristön-salasana-3' };
// Vantaa and Kerava: the county and two municipalities, Vantaa bilingual. Kerava has no signatory yet, and one
// row has an address mistyped.
const DIRECTORY: string[][] = [
  ['04', 'Hyte-yksikkö', 'hyte@vakehyva.example.fi', 'secretariat', ''],
  ['04', 'Anna Aaltonen', 'anna.aaltonen@vakehyva.example.fi', 'contact', ''],
  ['04', 'Aluehallitus', 'kirjaamo@vakehyva.example.fi', 'signatory', ''],
  ['092', 'Bertil Lindqvist', 'bertil.lindqvist@vantaa.example.fi', 'contact', 'sv'],
  ['092', 'Kaupunginhallitus', 'kirjaamo@vantaa.example.fi', 'signatory', ''],
  ['245', 'Kaisa Koivu', 'kaisa.koivu@kerava.example.fi', 'contact', ''],
  ['245', 'Matti Meikäläinen', 'matti.meikalainen(at)kerava.example.fi', 'member', ''],
];

/** A nominal day in real seconds: an hour's wait for the meeting takes 2.5 s. */
const DAY_SECONDS = 60;

let smtp: SmtpSink;
let env: TestWorker;
let web: FastifyInstance;
let base: string;
let browser: Browser;
const started: string[] = [];

async function signIn(page: Page) {
  await page.goto(`${base}/login?lang=en`);
  await page.getByLabel('Email').fill(SECRETARIAT.email);
  await page.getByLabel('Password').fill(SECRETARIAT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** With UPDATE_SCREENSHOTS set, saves the page as the README's secretariat section shows it (docs/screenshots). */
async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: path.join('docs/screenshots', `${name}.png`) });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: DAY_SECONDS });
  ({ web, base } = await startTestWeb(env, {
    users: `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)}`,
    linkGraceDays: 0,
  }));
  // A county's secretariat: Vantaa and Kerava's, and Kainuu's (whose directory is still empty).
  await seedAccounts(env.db, `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)}`, ['04', '20']);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await stopCycles(env?.client, started);
  await env?.close();
  await smtp?.close();
});

describe('the party directory', () => {
  it('is imported from the XLSX template filled in, a refused row fixed on the page', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'Party directory' }).click();
    expect(await heading(page)).toBe('Party directory');
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download an empty template (XLSX)' }).click(),
    ]);
    // The template read back: its headers, filled in as a county would, in a spreadsheet program of its own.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await template.path())!);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['party_code', 'name', 'email', 'role', 'language']);
    DIRECTORY.forEach((row, i) => (sheet.getRow(i + 2).values = row));
    const filled = path.join(mkdtempSync(path.join(tmpdir(), 'sopu-directory-')), 'hakemisto.xlsx');
    await book.xlsx.writeFile(filled);

    await page.getByLabel('File (XLSX or CSV)').setInputFiles(filled);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Imported 6 entries for 3 parties.');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('1 row was refused');
    expect(await page.locator('#row-8-email-problem').textContent()).toBe(
      'matti.meikalainen(at)kerava.example.fi is not an email address',
    );
    await screenshot(page, 'workbench-1-directory-import');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('matti.meikalainen@kerava.example.fi');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
    expect(await page.locator('#party-245 table').textContent()).toContain('matti.meikalainen@kerava.example.fi');
    expect(await page.locator('#party-245 .field-error').textContent()).toBe('Missing: signatory');
    expect(await axeViolations(page)).toEqual([]);
    const changes = await env.db
      .selectFrom('directory_changes')
      .select(['action', 'by'])
      .where('party_code', 'in', ['04', '092', '245'])
      .orderBy('id')
      .execute();
    expect(changes).toEqual([
      { action: 'imported', by: SECRETARIAT.email },
      { action: 'imported', by: SECRETARIAT.email },
      { action: 'imported', by: SECRETARIAT.email },
      { action: 'added', by: SECRETARIAT.email },
    ]);
  });
});

describe('a new negotiation from the form', () => {
  it('drafts the parties and people, names what is missing at its field, previews, downloads and starts', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'New negotiation with a form' }).click();
    expect(await heading(page)).toBe('New negotiation');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Kind').selectOption('annual');
    await page.getByLabel('Wellbeing services county').selectOption('04');
    await page.getByLabel('Period').fill('2027');
    await page.getByRole('button', { name: 'Continue' }).click();

    // The law's parties, with the directory's people in them.
    await expect
      .poll(() => page.locator('#parties fieldset.party legend').allTextContents())
      .toEqual(['Vantaa and Kerava wellbeing services county (04)', 'Vantaa (092)', 'Kerava (245)']);
    expect(await page.getByLabel('Email 1, Vantaa', { exact: true }).inputValue()).toBe(
      'bertil.lindqvist@vantaa.example.fi',
    );
    expect(await page.getByLabel('Preparation (working days)').inputValue()).toBe('15');
    expect(await axeViolations(page)).toEqual([]);

    // Kerava has no signatory: the check says so at Kerava, and nothing starts.
    await page.getByRole('button', { name: 'Check and preview' }).click();
    const problems = page.locator('#problems li');
    await expect.poll(() => problems.allTextContents()).toEqual([expect.stringMatching(/^Kerava: .*signatory/)]);
    expect(await page.locator('#party-245 .field-error').textContent()).toMatch(/signatory/);
    expect(await page.locator('#problems a').getAttribute('href')).toBe('#party-245');
    await screenshot(page, 'workbench-2-new-cycle-problem');
    expect(await axeViolations(page)).toEqual([]);
    const none = await env.db.selectFrom('cycles').select('id').where('county_code', '=', '04').execute();
    expect(none).toEqual([]);

    // Fixed on the page: Kerava's next row is its signatory. A date the Finnish way is read as one.
    await page.getByLabel('Name 2, Kerava', { exact: true }).fill('Kaupunginhallitus');
    await page.getByLabel('Email 2, Kerava', { exact: true }).fill('kirjaamo@kerava.example.fi');
    await page.getByLabel('Role 2, Kerava', { exact: true }).selectOption('signatory');
    await page.getByLabel('Diary number').fill('VAKE/12/00.04.01/2026');
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await expect
      .poll(() => heading(page))
      .toBe(
        'Before starting: Vantaa and Kerava wellbeing services county: health and wellbeing promotion negotiation 2027',
      );
    const timeline = await page.locator('table.facts').textContent();
    expect(timeline).toContain('Preparation deadline');
    expect(timeline).toMatch(/at 16\.00|klo 16\.00|16:00/);
    // The preparation task's mail, in Finnish and in Swedish (Vantaa's contact reads Swedish).
    const samples = await page.locator('main').textContent();
    expect(samples).toContain('To: Anna Aaltonen <anna.aaltonen@vakehyva.example.fi>');
    expect(samples).toContain('To: Bertil Lindqvist <bertil.lindqvist@vantaa.example.fi>');
    expect(await page.locator('pre.mail[lang=fi]').textContent()).toMatch(/Määräaika: .* klo 16\.00/);
    expect(await page.locator('pre.mail[lang=sv]').textContent()).toMatch(/kl\. 16\.00/);
    await screenshot(page, 'workbench-3-timeline-and-mail');
    expect(await axeViolations(page)).toEqual([]);

    // The same definition as a cycle file, which the file path accepts as it is.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a cycle file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('annual-04-2027.yaml');
    const file = YAML.parse(readFileSync((await download.path())!, 'utf8'));
    const { input } = toCycleInput(file, new Date(), shippedReference());
    expect(input.parties.map((p) => p.code)).toEqual(['04', '092', '245']);
    expect(input.records?.diaryNumber).toBe('VAKE/12/00.04.01/2026');

    await page.getByRole('button', { name: 'Start the negotiation' }).click();
    started.push('annual-04-2027');
    await expect.poll(() => page.url()).toMatch(/\/cycles\/annual-04-2027/);
    expect(await heading(page)).toBe(
      'Vantaa and Kerava wellbeing services county: health and wellbeing promotion negotiation 2027',
    );
    const mails = await smtp.waitForMessages(
      3,
      (m) => sopuHeader(m, 'cycle') === 'annual-04-2027' && sopuHeader(m, 'kind') === 'task-assigned',
    );
    // What needs doing now: the answers awaited, on the cycle's page and above the list.
    await page.reload();
    const todo = await page.locator('section.todo').textContent();
    expect(todo).toContain('of 3 parties have answered');
    expect(todo).toContain('Waiting for the parties’ answers');
    await screenshot(page, 'workbench-4-what-needs-doing');
    await page.getByRole('link', { name: 'Cycles' }).click();
    // The list reads the same from the record's tables.
    const listed = await page.locator('section.todo').textContent();
    expect(listed).toContain(
      'Vantaa and Kerava wellbeing services county: health and wellbeing promotion negotiation 2027',
    );
    expect(listed).toContain('Preparation: 0 of 3 parties have answered');
    expect(listed).toContain('Waiting for the parties’ answers');
    expect(await axeViolations(page)).toEqual([]);
    expect(mails.map(recipient).sort()).toEqual([
      'anna.aaltonen@vakehyva.example.fi',
      'bertil.lindqvist@vantaa.example.fi',
      'kaisa.koivu@kerava.example.fi',
    ]);
  });

  it(
    'changes a contact in the directory, is offered the replacement in the running negotiation, and runs it to the agreement with the minutes form',
    { timeout: 180_000 },
    async () => {
      // Kerava's contact changes in the directory: the running negotiation is offered the replacement, not changed.
      const page = await browser.newPage();
      await signIn(page);
      await page.goto(`${base}/directory?county=04`);
      await page.getByRole('link', { name: 'Edit: Kaisa Koivu (Kerava)' }).click();
      await page.getByLabel('Name').fill('Keijo Kallio');
      await page.getByLabel('Email').fill('keijo.kallio@kerava.example.fi');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
      expect(await page.locator('main p').first().textContent()).toMatch(
        /^Kaisa Koivu acts in these running negotiations/,
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: /^Replace the participant in / }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Participant replaced/);
      const kerava = await env.db
        .selectFrom('participants')
        .select(['email', 'active'])
        .where('cycle_id', '=', 'annual-04-2027')
        .where('party_code', '=', '245')
        .where('role', '=', 'contact')
        .orderBy('added_at')
        .execute();
      expect(kerava).toEqual([
        { email: 'kaisa.koivu@kerava.example.fi', active: false },
        { email: 'keijo.kallio@kerava.example.fi', active: true },
      ]);

      // The parties' part by their own tools; the secretariat's in the browser.
      const cycleId = 'annual-04-2027';
      const epoch = (await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).describe()).startTime.getTime();
      const nominalNow = () => epoch + (Date.now() - epoch) * (86_400 / DAY_SECONDS);
      await control(env.client, cycleId, closePhaseUpdate, { by: SECRETARIAT.email, confirm: true });
      await page.goto(`${base}/cycles/${cycleId}`);
      await page.getByLabel('Draft title').fill('Sopimusluonnos');
      await page.locator('#draft-file').setInputFiles({
        name: 'sopimus.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Hyvinvointisopimus 2027\n\nLiikuntaa lisätään.\n'),
      });
      await page.getByRole('button', { name: 'Publish a draft' }).click();
      if ((await heading(page))?.startsWith('Confirm'))
        await page.getByRole('button', { name: 'Yes, publish the draft' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Draft published/);
      await waitForCycle(env.client, cycleId, allHaveTask('round-1'), 'round 1');
      const startsAt = new Date(nominalNow() + 3_600_000).toISOString();
      await control(env.client, cycleId, scheduleMeetingUpdate, {
        by: SECRETARIAT.email,
        confirm: true,
        startsAt,
        location: 'Vantaan kaupungintalo',
      });
      await waitForCycle(env.client, cycleId, allHaveTask('meeting'), 'meeting tasks');
      await partyAction(env.client, cycleId, '092', registerAttendeesUpdate, {
        taskId: taskId(cycleId, '092', 'meeting'),
        participantEmail: 'bertil.lindqvist@vantaa.example.fi',
        attendees: [{ name: 'Bertil Lindqvist', role: 'hyvinvointikoordinaattori', organisation: 'Vantaan kaupunki' }],
      });
      await waitFor(async () => void expect(nominalNow()).toBeGreaterThan(Date.parse(startsAt) + 60_000), {
        timeoutMs: 30_000,
        what: 'the meeting to start',
      });

      // The minutes: Vantaa's registration ticked, one attendee added, the agenda's items with their conclusions.
      await page.goto(`${base}/cycles/${cycleId}`);
      await page.getByRole('link', { name: 'go to the form' }).click();
      // The meeting's time is the cycle's (an accelerated clock here): held, or about to be, its minutes are next.
      expect(await page.locator('section.todo').textContent()).toMatch(/Next: .*record (the|its) minutes/);
      expect(page.url()).toMatch(/#control-record-minutes$/);
      const registered = page.getByRole('checkbox', { name: /Bertil Lindqvist/ });
      expect(await registered.isChecked()).toBe(true);
      await page.getByLabel('Name', { exact: true }).first().fill('Anna Aaltonen');
      await page.getByLabel('Role at the meeting').first().fill('puheenjohtaja');
      await page.locator('#minutes-add-0-party').selectOption('04');
      expect(await page.locator('#minutes-item-0-title').inputValue()).toBe('Goals of health and wellbeing promotion');
      await page.locator('#minutes-item-0-conclusion').fill('Liikuntatavoite hyväksyttiin.');
      await page.locator('#minutes-item-1-conclusion').fill('Toimenpiteet kirjataan sopimukseen.');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect.poll(() => heading(page)).toBe('The minutes before they are recorded');
      expect(await page.locator('main ul').first().textContent()).toContain(
        'Anna Aaltonen (puheenjohtaja, Vantaa and Kerava wellbeing services county)',
      );
      expect(await page.locator('pre.mail[lang=fi]').textContent()).toContain('Liikuntatavoite hyväksyttiin.');
      await screenshot(page, 'workbench-5-minutes-preview');
      expect(await page.locator('pre.mail[lang=sv]').textContent()).toContain('Liikuntatavoite hyväksyttiin.');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Record the minutes' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Minutes recorded/);
      const minutes = await env.db
        .selectFrom('minutes')
        .select('items')
        .where('cycle_id', '=', cycleId)
        .executeTakeFirstOrThrow();
      expect(minutes.items).toEqual([
        { number: 1, title: 'Goals of health and wellbeing promotion', conclusion: 'Liikuntatavoite hyväksyttiin.' },
        {
          number: 2,
          title: 'Measures of health and wellbeing promotion',
          conclusion: 'Toimenpiteet kirjataan sopimukseen.',
        },
      ]);
      const attendees = await env.db
        .selectFrom('meeting_attendees')
        .select(['name', 'source'])
        .where('cycle_id', '=', cycleId)
        .orderBy('name')
        .orderBy('source')
        .execute();
      expect(attendees).toEqual([
        { name: 'Anna Aaltonen', source: 'minutes' },
        { name: 'Bertil Lindqvist', source: 'minutes' },
        { name: 'Bertil Lindqvist', source: 'registration' },
      ]);

      await page.getByRole('button', { name: 'Start the sign-off' }).click();
      if ((await heading(page))?.startsWith('Confirm'))
        await page.getByRole('button', { name: 'Yes, start the sign-off' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Sign-off started/);
      await waitForCycle(env.client, cycleId, allHaveTask('signoff'), 'sign-off');
      const { sha256 } = await env.db
        .selectFrom('documents')
        .select('sha256')
        .where('cycle_id', '=', cycleId)
        .where('is_final', '=', true)
        .executeTakeFirstOrThrow();
      const signatories = {
        '04': 'kirjaamo@vakehyva.example.fi',
        '092': 'kirjaamo@vantaa.example.fi',
        '245': 'kirjaamo@kerava.example.fi',
      };
      for (const [code, email] of Object.entries(signatories))
        await partyAction(env.client, cycleId, code, signOffUpdate, {
          taskId: taskId(cycleId, code, 'signoff'),
          participantEmail: email,
          decision: 'approved',
          decisionReference: `Hallitus § ${code}`,
          documentSha256: sha256,
        });
      await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
      const cycle = await env.db
        .selectFrom('cycles')
        .select(['status', 'outcome'])
        .where('id', '=', cycleId)
        .executeTakeFirstOrThrow();
      expect(cycle).toEqual({ status: 'completed', outcome: 'agreed_by_all' });
    },
  );

  it("starts next year's negotiation from it, with the directory's changes since shown", async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${base}/cycles/new`);
    await page.getByLabel('Start from an earlier negotiation').selectOption('annual-04-2027');
    await page.getByLabel('Period').fill('');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#basics table.facts').textContent()).toContain('2028');
    const changed = await page.locator('#parties .notice').textContent();
    expect(changed).toContain('in the directory now: Keijo Kallio');
    expect(changed).toContain('no longer in the directory: Kaisa Koivu');
    // Copied as it was: Kerava's signatory added last year, the diary number not (a new case has its own).
    expect(await page.getByLabel('Email 2, Kerava', { exact: true }).inputValue()).toBe('kirjaamo@kerava.example.fi');
    expect(await page.getByLabel('Diary number').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Starts on').fill('4.1.2028');
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Before starting: .*2028$/);
    expect(await page.locator('table.facts').textContent()).toContain('Tuesday 4 January 2028 at 08:00');
    await page.getByRole('button', { name: 'Start the negotiation' }).click();
    started.push('annual-04-2028');
    await expect.poll(() => page.url()).toMatch(/\/cycles\/annual-04-2028/);
    // Held by Temporal until its day: the page says when it starts.
    expect(await page.getByRole('status').textContent()).toBe(
      'The negotiation annual-04-2028 starts on Tuesday 4 January 2028 at 08:00. Its page opens then; the parties get their tasks at the same time.',
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the statutory calendar', () => {
  it('refuses a county whose directory names no secretariat, saying why', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'Statutory calendar' }).click();
    await page.getByLabel('Wellbeing services county').selectOption('20');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^The party directory names no secretariat for the county/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it(
    'is installed in the middle of a period, says what will not start by itself, and starts it on request',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage();
      await signIn(page);
      await page.goto(`${base}/calendar?county=04`);
      expect(await page.locator('main').textContent()).toContain('No calendar is installed for the county.');
      await page.getByRole('button', { name: 'Install', exact: true }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('installed');
      const year = String(new Date().getFullYear());
      const left = await page.locator('#periods-left + ul').textContent();
      expect(left).toContain(
        `Annual health and wellbeing negotiation (612/2021 §7): no negotiation has been held for ${year}`,
      );
      expect(left).toContain('Council term negotiation (611/2021 §14): no negotiation has been held for 2025-2029');
      await screenshot(page, 'workbench-6-calendar-installed');
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByRole('button', {
          name: `Start the ${year} negotiation now: Annual health and wellbeing negotiation (612/2021 §7)`,
        })
        .click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('sopu-annual-04 was started. The page shows how the start went.');
      // Kerava's signatory was written into last cycle's form, never into the directory: the run says so.
      const annualRow = page.getByRole('row', { name: /^Annual health/ });
      await waitFor(
        async () => {
          await page.reload();
          expect(await annualRow.textContent()).toContain('Kerava has no signatory');
        },
        { timeoutMs: 30_000, what: 'the failed start to show' },
      );
      expect(await annualRow.textContent()).toContain('Told: hyte@vakehyva.example.fi');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${base}/directory?county=04`);
      await page.locator('#add-245-name').fill('Kaupunginhallitus');
      await page.locator('#add-245-email').fill('kirjaamo@kerava.example.fi');
      await page.locator('#add-245-role').selectOption('signatory');
      await page.locator('#party-245').getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
      await page.goto(`${base}/calendar?county=04`);
      await page
        .getByRole('button', { name: 'Start now: Annual health and wellbeing negotiation (612/2021 §7)' })
        .click();
      started.push(`annual-04-${year}`);
      await waitFor(
        async () =>
          void expect(
            await env.db.selectFrom('cycles').select('id').where('id', '=', `annual-04-${year}`).executeTakeFirst(),
          ).toBeDefined(),
        { timeoutMs: 30_000, what: 'the scheduled cycle to start' },
      );
      await page.reload();
      expect(await page.getByRole('row', { name: /^Annual health/ }).textContent()).toContain(
        `started the negotiation annual-04-${year}`,
      );
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});

describe('Swedish', () => {
  it("shows the workbench's pages with none of Sopu's Finnish or English words", async () => {
    const swedish = [
      STAFF_WORDS.sv,
      PAGE_WORDS.sv,
      NEW_CYCLE_WORDS.sv,
      DIRECTORY_WORDS.sv,
      CALENDAR_WORDS.sv,
      TODO_WORDS.sv,
      MINUTES_WORDS.sv,
      DIRECTORY_SHEET_WORDS.sv,
    ];
    const foreign = foreignWords(swedish, [
      STAFF_WORDS.fi,
      STAFF_WORDS.en,
      NEW_CYCLE_WORDS.fi,
      NEW_CYCLE_WORDS.en,
      DIRECTORY_WORDS.fi,
      DIRECTORY_WORDS.en,
      CALENDAR_WORDS.fi,
      CALENDAR_WORDS.en,
      TODO_WORDS.fi,
      TODO_WORDS.en,
      MINUTES_WORDS.fi,
      MINUTES_WORDS.en,
    ]);
    // What people wrote (names, addresses, titles, ids) is theirs, not Sopu's to translate.
    const cycles = await env.db.selectFrom('cycles').select(['id', 'title']).execute();
    const people = await env.db.selectFrom('directory_entries').select(['name', 'email']).execute();
    const theirs = [
      ...cycles.flatMap((c) => [c.title, c.id]),
      ...people.flatMap((p) => [p.name, p.email]),
      // Schedules are named by their ids, as Temporal and the CLI name them.
      ...['annual', 'term', 'ministry'].map((kind) => `sopu-${kind}-04`),
      // The minutes as an English-reading secretary recorded them: their titles and an organisation, in English.
      'Goals of health and wellbeing promotion',
      'Measures of health and wellbeing promotion',
      'Vantaa and Kerava wellbeing services county',
      'Sopimusluonnos',
      'Liikuntatavoite hyväksyttiin.',
      'Toimenpiteet kirjataan sopimukseen.',
      'puheenjohtaja',
      'hyvinvointikoordinaattori',
      'Vantaan kaupunki',
      'Vantaan kaupungintalo',
    ].sort((a, b) => b.length - a.length);
    const page = await browser.newPage();
    await signIn(page);
    const found: string[] = [];
    for (const url of [
      '/cycles?lang=sv',
      '/cycles/new',
      '/cycles/new?kind=annual&county=04&period=2029',
      '/directory?county=04',
      '/calendar?county=04',
      '/cycles/annual-04-2027',
      `/cycles/annual-04-${new Date().getFullYear()}`,
    ]) {
      await page.goto(`${base}${url}`);
      const words = leaks((await page.locator('body').textContent())!, foreign, theirs);
      if (words.length) found.push(`${url}: ${words.join(', ')}`);
      expect(await axeViolations(page), url).toEqual([]);
    }
    expect(found).toEqual([]);
  });
});

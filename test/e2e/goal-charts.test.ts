// Goals you can see: a county's follow-up in a real browser, three goals set in 2025 with two years of reported
// values, one linked to a THL indicator whose figures come from a loopback Sotkanet serving responses recorded for the
// tests (made up, not real statistics). The charts' text alternatives are read, the goals register is read back as a
// Word document with its charts, and with THL unreachable the page says so and still shows the parties' figures.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../client/web/accounts';
import { fetchThlFiguresNow } from '../../client/thl';
import { startCycle } from '../../client/cycles';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { THL_FETCH_NOW_WORKFLOW_ID } from '../../core/contracts';
import { axeViolations } from '../support/axe';
import { launchBrowser, startTestWeb } from '../support/browser';
import { seedGoalHistory } from '../support/goal-records';
import { allHaveTask, stopCycles, waitForCycle } from '../support/cycle-driver';
import { shippedReference } from '../support/reference';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startRecordedThl, type RecordedThl } from '../support/thl-recorded';
import { startTestWorker, type TestWorker } from '../support/test-worker';

const SECRETARIAT = { email: 'hyte@lansi-uusimaa.example.fi', password: 'sihteeristön-salasana-3' };
const prefix = `charts-${Date.now()}`;
let smtp: SmtpSink;
let thl: RecordedThl;
let env: TestWorker;
let web: FastifyInstance;
let base: string;
let browser: Browser;
let cycles: string[];

/** With UPDATE_SCREENSHOTS set, saves the page for the README (docs/screenshots). */
async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: path.join('docs/screenshots', `${name}.png`), fullPage: true });
}

/** Whether a PNG has pixels of the chart's own series (#0072B2) and of THL's municipality series (#D55E00). */
async function coloursIn(png: Uint8Array): Promise<{ own: boolean; thl: boolean }> {
  const viewer = await browser.newPage();
  try {
    await viewer.setContent(`<img id="chart" src="data:image/png;base64,${Buffer.from(png).toString('base64')}">`);
    return await viewer.evaluate(async () => {
      const img = document.getElementById('chart') as HTMLImageElement;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const near = (r: number, g: number, b: number) => {
        for (let i = 0; i < data.length; i += 4)
          if (Math.abs(data[i]! - r) < 12 && Math.abs(data[i + 1]! - g) < 12 && Math.abs(data[i + 2]! - b) < 12)
            return true;
        return false;
      };
      return { own: near(0x00, 0x72, 0xb2), thl: near(0xd5, 0x5e, 0x00) };
    });
  } finally {
    await viewer.close();
  }
}

async function signIn(page: Page, language: 'fi' | 'en' = 'en') {
  await page.goto(`${base}/login?lang=${language}`);
  await page.locator('#email').fill(SECRETARIAT.email);
  await page.locator('#password').fill(SECRETARIAT.password);
  await page.locator('form button[type=submit]').first().click();
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  thl = await startRecordedThl();
  env = await startTestWorker({ smtpUrl: smtp.url, thlUrl: thl.url });
  ({ web, base } = await startTestWeb(env, {
    users: `${SECRETARIAT.email}:secretariat:${hashPassword(SECRETARIAT.password)}`,
    linkGraceDays: 0,
  }));
  browser = await launchBrowser();
  cycles = await seedGoalHistory(env.db, {
    prefix,
    countyCode: '03',
    firstYear: 2025,
    goals: [
      {
        party: { code: '049', name: 'Espoo' },
        goal: 'Ikäihmisten liikkuminen lisääntyy',
        indicator: 'Liikuntaa harrastavien osuus (%)',
        baseline: '31',
        target: '40',
        targetYear: 2029,
        thlIndicator: 4420,
        reports: [
          { status: 'on_track', value: '33,5' },
          { status: 'on_track', value: '35' },
        ],
      },
      {
        party: { code: '444', name: 'Lohja' },
        goal: 'Päivittäin tupakoivien osuus laskee',
        indicator: 'Tupakoivat (%)',
        baseline: '14',
        target: '10',
        targetYear: 2028,
        reports: [
          { status: 'delayed', value: '14,5' },
          { status: 'delayed', value: '14,2' },
        ],
      },
      {
        party: { code: '710', name: 'Raasepori' },
        goal: 'Yksinäisyys vähenee',
        indicator: 'Yksinäisyyttä kokevat (%)',
        baseline: '12 %',
        target: '8 %',
        targetYear: 2027,
        reports: [
          { status: 'on_track', value: '11' },
          { status: 'achieved', value: '8' },
        ],
      },
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await env?.close();
  await thl?.close();
  await smtp?.close();
});

describe('goals as charts', () => {
  it("draws each goal's figures over the years beside THL's, with a text alternative, on a page axe finds clean", async () => {
    const page = await browser.newPage();
    await signIn(page);
    const followUp = `${base}/cycles/${cycles.at(-1)}/follow-up`;
    await page.goto(followUp);
    // The secretariat asks for THL's figures; the fetch runs as a workflow, and the page says when it is done.
    await page.getByRole('button', { name: "Fetch THL's figures now" }).click();
    expect(await page.getByRole('status').first().textContent()).toContain("Fetching THL's figures has started.");
    expect(await env.client.workflow.getHandle(THL_FETCH_NOW_WORKFLOW_ID).result()).toMatchObject({
      fetched: { indicators: expect.arrayContaining([4420]) },
    });
    await page.goto(followUp);
    expect(await page.locator('main').textContent()).toMatch(
      /THL's figures were fetched from Sotkanet on \w+ \d+ \w+ 2\d{3} at/,
    );

    // The THL-linked goal: an image named by its caption, described by the figures, the same figures as a table.
    const espoo = page.getByRole('img', {
      name: 'Ikäihmisten liikkuminen lisääntyy – indicator: Liikuntaa harrastavien osuus (%)',
    });
    await expect.poll(() => espoo.count()).toBe(1);
    const described = await espoo.getAttribute('aria-describedby');
    const summary = await page.locator(`#${described}`).textContent();
    expect(summary).toContain('Own figures: 2025: 31 (baseline); 2026: 33.5 (on track); 2027: 35 (on track).');
    expect(summary).toContain('Target: 40 by 2029.');
    expect(summary).toContain('THL indicator 4420: Physically active in leisure time, % (made-up test data).');
    expect(summary).toMatch(/THL, Espoo: 2021: [\d.]+; 2022: [\d.]+;.* 2026: [\d.]+\./);
    expect(summary).toMatch(/THL, West Uusimaa wellbeing services county: 2021: /);
    const figure = page.locator('figure.chart', { has: espoo });
    await figure.locator('summary').click();
    expect(await figure.getByRole('row', { name: /^2027/ }).textContent()).toContain('35 (on track)');
    // Both other goals have their own figures only, two years of them.
    for (const [name, reported] of [
      ['Päivittäin tupakoivien osuus laskee', '2026: 14.5 (delayed); 2027: 14.2 (delayed)'],
      ['Yksinäisyys vähenee', '2026: 11 (on track); 2027: 8 (achieved)'],
    ]) {
      const image = page.getByRole('img', { name: new RegExp(`^${name}`) });
      expect(await page.locator(`#${await image.getAttribute('aria-describedby')}`).textContent()).toContain(reported);
    }
    // The SVG draws the series it names: the party's own line, THL's two and the target.
    const svg = await espoo.evaluate((e) => e.outerHTML);
    for (const legend of ['Own figure', 'THL: Espoo', 'THL: West Uusimaa wellbeing services county', 'Target 2029'])
      expect(svg).toContain(`>${legend}</text>`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'goal-charts');

    // The county's overview: each party's goals by course, small multiples with the same figures as a table.
    await page.getByRole('link', { name: 'Goals by municipality' }).click();
    const overview = page.getByRole('img', { name: /^Goals by municipality: West Uusimaa wellbeing services county/ });
    expect(await page.locator(`#${await overview.getAttribute('aria-describedby')}`).textContent()).toContain(
      '444 Lohja: On course 0, Off course 1, Dropped 0, Not reported 0.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'goals-overview');
    // In Finnish, every word of the charts too.
    await page.goto(`${followUp}?lang=fi`);
    const finnish = page.getByRole('img', { name: /^Ikäihmisten liikkuminen lisääntyy – mittari:/ });
    expect(await page.locator(`#${await finnish.getAttribute('aria-describedby')}`).textContent()).toContain(
      'Omat luvut: 2025: 31 (lähtötaso); 2026: 33,5 (etenee); 2027: 35 (etenee).',
    );
    await page.close();
  });

  it('carries the charts in the goals register and the statement summary, each image with its text alternative', async () => {
    const page = await browser.newPage();
    await signIn(page);
    for (const [file, tableToo] of [
      ['goals.docx', true],
      ['summary.docx', false],
    ] as const) {
      const docx = await (await page.request.get(`${base}/cycles/${cycles[0]}/${file}?language=fi`)).body();
      const files = unzipSync(new Uint8Array(docx));
      const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
      // Each chart as SVG with a PNG for programs that show no SVG: three goals, two images each.
      expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(3);
      expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(3);
      const png = files[media.find((f) => f.endsWith('.png'))!]!;
      expect(strFromU8(png.subarray(1, 4))).toBe('PNG');
      // The pictures themselves, looked at in the browser: each draws its party's own line in blue, and the one goal
      // linked to THL (Espoo's) THL's line in vermilion beside it; none is a blank image.
      const seen = [];
      for (const file of media.filter((f) => f.endsWith('.png'))) seen.push(await coloursIn(files[file]!));
      expect(seen.filter((c) => c.own)).toHaveLength(3);
      expect(seen.filter((c) => c.thl)).toHaveLength(1);
      const svg = strFromU8(files[media.find((f) => f.endsWith('.svg'))!]!);
      expect(svg).toMatch(/^<svg[^>]*><title>/);
      // The image's description is its text alternative.
      const xml = strFromU8(files['word/document.xml']!);
      expect(xml).toMatch(
        /<wp:docPr [^>]*descr="Ikäihmisten liikkuminen lisääntyy – mittari: Liikuntaa harrastavien osuus \(%\) Omat luvut: 2025: 31 \(lähtötaso\); 2026: 33,5 \(etenee\); 2027: 35 \(etenee\)\./,
      );
      const text = (await mammoth.extractRawText({ buffer: docx })).value;
      expect(text).toContain('THL, Espoo: 2021:');
      expect(text).toContain('Omat luvut: 2025: 14 (lähtötaso); 2026: 14,5 (viivästynyt); 2027: 14,2 (viivästynyt).');
      if (tableToo) {
        const html = (await mammoth.convertToHtml({ buffer: docx })).value;
        // The figures as a table too: a row per year, the target in its year.
        expect(html).toContain('<th><p><strong>Vuosi</strong></p></th><th><p><strong>Oma luku</strong></p></th>');
        expect(html).toMatch(
          /<tr><td><p>2027<\/p><\/td><td><p>35 \(etenee\)<\/p><\/td><td><\/td><td><\/td><td><\/td><\/tr>/,
        );
        expect(html).toMatch(/<tr><td><p>2029<\/p><\/td><td><\/td><td><\/td><td><\/td><td><p>40<\/p><\/td><\/tr>/);
      }
    }
    await page.close();
  });

  it("offers THL's indicators on the goal form by search, and a chosen one's latest figure as the baseline", async () => {
    const cycleId = `${prefix}-form`;
    const { input } = toCycleInput(
      {
        id: cycleId,
        kind: 'annual',
        county: '03',
        period: '2028',
        secretariat: { name: 'Länsi-Uudenmaan hyvinvointialue', email: SECRETARIAT.email },
        parties: ['049'],
        participants: {
          '049': [
            { name: 'Eeva Espoolainen', email: 'eeva@espoo.example.fi', role: 'contact' },
            { name: 'Kaupunginhallitus', email: 'kirjaamo@espoo.example.fi', role: 'signatory' },
          ],
        },
        thlIndicators: [3271],
      },
      new Date(Date.UTC(2027, 8, 1)),
      shippedReference(),
    );
    await startCycle(env.client, { input, startsAt: null }, env.taskQueue);
    try {
      await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
      const [mail] = await smtp.waitForMessages(
        1,
        (m) => recipient(m) === 'eeva@espoo.example.fi' && sopuHeader(m, 'cycle') === cycleId,
      );
      const link = /http:\/\/sopu\.test(\/t\/[A-Za-z0-9_.-]+)/.exec(mail!.text ?? '')![1]!;
      const page = await browser.newPage();
      await page.goto(`${base}${link}?lang=fi`);
      // The goal Espoo set in 2025 is reported on with THL's latest figure for Espoo in sight.
      expect(await page.locator('#fu-value-0-hint').textContent()).toBe('THL:n uusin luku kunnalle: 36,8 (2026).');
      // The indicator the county suggested is offered; a search by a word of the Finnish title finds another.
      const search = page.getByRole('group', { name: 'THL:n indikaattorit' });
      expect(
        await search.getByRole('table', { name: 'Hyvinvointialueen ehdottamat indikaattorit' }).textContent(),
      ).toContain('3271Päivittäin tupakoivat, % (keksitty testiaineisto)');
      await page.getByLabel('Hae indikaattoria sen suomen- tai ruotsinkielisen nimen sanoilla').fill('liikuntaa');
      await page.getByRole('button', { name: 'Hae', exact: true }).click();
      expect(
        await page.getByRole('table', { name: 'Hakua "liikuntaa" vastaavat indikaattorit' }).textContent(),
      ).toContain('4420Vapaa-ajallaan liikuntaa harrastavat, % (keksitty testiaineisto)');
      // Chosen for a goal and saved as a draft: the baseline is THL's latest figure for Espoo, which may be changed.
      await page.locator('#goal-0-0').fill('Liikkuminen lisääntyy');
      await page.locator('#thlIndicator-0-0').fill('4420');
      await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
      expect(await page.locator('#baseline-0-0').inputValue()).toBe('36,8');
      expect(await page.locator('#baseline-0-0-hint').textContent()).toBe(
        'Lähtötaso on THL:n luku vuodelta 2026; voit muuttaa sitä.',
      );
      expect(await page.locator('#thlIndicator-0-0-hint').textContent()).toBe(
        'THL: Vapaa-ajallaan liikuntaa harrastavat, % (keksitty testiaineisto)',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#baseline-0-0').fill('36');
      await page.getByRole('button', { name: 'Lähetä' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kuittaus');
      const goals = await env.db
        .selectFrom('goals')
        .innerJoin('responses', 'responses.id', 'goals.response_id')
        .innerJoin('tasks', 'tasks.id', 'responses.task_id')
        .select(['goals.goal', 'goals.baseline', 'goals.thl_indicator'])
        .where('tasks.cycle_id', '=', cycleId)
        .execute();
      expect(goals).toEqual([{ goal: 'Liikkuminen lisääntyy', baseline: '36', thl_indicator: 4420 }]);
      // The register names the indicator, for the county's own analysis.
      await signIn(page, 'fi');
      const register = await (await page.request.get(`${base}/cycles/${cycleId}/goals.csv?language=fi`)).text();
      expect(register.split('\r\n')[0]).toMatch(/,THL:n indikaattori$/);
      expect(register).toMatch(/\nvalmistelu,049,Espoo,[^\n]*,Liikkuminen lisääntyy,[^\n]*,36,[^\n]*,4420\r?\n/);
      await page.close();
    } finally {
      await stopCycles(env.client, [cycleId]);
    }
  });

  it("with THL unreachable says so and when THL's figures were last fetched, and still shows the parties' own", async () => {
    await thl.close();
    const { result } = await fetchThlFiguresNow(env.client, env.taskQueue, { attempts: 1 });
    expect(await result()).toEqual({ notFetched: expect.any(String) });
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${base}/cycles/${cycles.at(-1)}/follow-up`);
    const notice = await page.getByRole('status').first().textContent();
    expect(notice).toMatch(
      /THL's figures could not be fetched \(last tried \w+ \d+ \w+ 2\d{3} at [\d:]+\)\. The THL figures shown were fetched on \w+ \d+ \w+ 2\d{3}/,
    );
    expect(notice).toContain("The parties' own figures are shown all the same.");
    const lohja = page.getByRole('img', { name: /^Päivittäin tupakoivien osuus laskee/ });
    expect(await page.locator(`#${await lohja.getAttribute('aria-describedby')}`).textContent()).toContain(
      'Own figures: 2025: 14 (baseline); 2026: 14.5 (delayed); 2027: 14.2 (delayed).',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

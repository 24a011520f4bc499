// The statutory calendar on the dev server (the time-skipping server has no Schedules): a schedule fires and starts
// a correct cycle from the directory; reinstalling changes nothing; pause and resume; an incomplete directory is
// reported to the secretariat instead of starting silently; Helsinki is handled on purpose.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCalendar, listCalendar, scheduleId } from '../../client/calendar';
import { importDirectory } from '../../db/directory';
import { waitFor } from '../../worker/dev/processes';
import { TIME_ZONE } from '../../workflows/contracts';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

let smtp: SmtpSink;
let env: TestWorker;
const year = DateTime.now().setZone(TIME_ZONE).year;

const rows = (county: string, municipalities: string[]) =>
  [
    `${county},Hyte-sihteeristö,hyte@${county}.example.fi,secretariat,fi`,
    `${county},Aluehallitus,kirjaamo@${county}.example.fi,signatory,`,
    `${county},Yhteyshenkilö,yhteys@${county}.example.fi,contact,`,
    ...municipalities.flatMap((m) => [
      `${m},Kunnanhallitus,kirjaamo@${m}.example.fi,signatory,`,
      `${m},Hyte-koordinaattori,hyte@${m}.example.fi,contact,`,
    ]),
  ].join('\n');
const csv = (body: string) => `party_code,name,email,role,language\n${body}\n`;

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 3600 });
});

afterAll(async () => {
  for (const s of await listCalendar(env.client)) await env.client.schedule.getHandle(s.scheduleId).delete();
  await env?.close();
  await smtp?.close();
});

describe('party directory', () => {
  it('names every bad row and imports nothing', async () => {
    const result = await importDirectory(
      env.db,
      csv('01,Sihteeristö,not-an-address,secretariat,fi\n999,X,x@x.fi,contact,\n018,Y,y@y.fi,chair,'),
    );
    expect(result.imported).toBe(0);
    expect(result.problems).toEqual([
      'row 1 (line 2): email: not a valid email address',
      "row 2 (line 3): party_code: unknown or merged municipality '999'",
      'row 3 (line 4): role: Invalid option: expected one of "contact"|"signatory"|"member"|"secretariat"',
    ]);
    expect(
      await env.db.selectFrom('directory_entries').select('email').where('party_code', '=', '01').execute(),
    ).toEqual([]);
  });
});

describe('schedules', () => {
  it('fire and start the county cycle from the template, the reference data and the directory', async () => {
    expect(
      (await importDirectory(env.db, csv(rows('01', ['018', '407', '434', '504', '616', '638', '753'])))).problems,
    ).toEqual([]);
    const at = DateTime.now().setZone(TIME_ZONE).plus({ seconds: 4 });
    const settings = {
      annual: { month: at.month, day: at.day, hour: at.hour, minute: at.minute, second: at.second },
      termOffsetMonths: 6,
    };
    const results = await installCalendar(env.client, env.db, ['01'], settings, env.taskQueue);
    expect(results).toEqual([
      { scheduleId: 'sopu-annual-01', result: 'created' },
      { scheduleId: 'sopu-term-01', result: 'created' },
    ]);

    const cycleId = `annual-01-${year}`;
    const cycle = await waitFor(
      async () =>
        void (await env.db.selectFrom('cycles').select('id').where('id', '=', cycleId).executeTakeFirstOrThrow()),
      { timeoutMs: 30_000, what: 'the scheduled cycle' },
    ).then(() => env.db.selectFrom('cycles').selectAll().where('id', '=', cycleId).executeTakeFirstOrThrow());
    expect(cycle).toMatchObject({
      kind: 'annual',
      county_code: '01',
      period: String(year),
      secretariat_email: 'hyte@01.example.fi',
      status: 'running',
    });
    expect(cycle.title).toBe(`Itä-Uudenmaan hyvinvointialue: hyvinvoinnin ja terveyden edistämisen neuvottelu ${year}`);
    const parties = await env.db
      .selectFrom('participants')
      .select(['party_code', 'email', 'role'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(new Set(parties.map((p) => p.party_code)).size).toBe(8);
    expect(parties).toContainEqual({ party_code: '434', email: 'hyte@434.example.fi', role: 'contact' });

    // Reinstalling with the same settings changes nothing.
    expect(await installCalendar(env.client, env.db, ['01'], settings, env.taskQueue)).toEqual([
      { scheduleId: 'sopu-annual-01', result: 'unchanged' },
      { scheduleId: 'sopu-term-01', result: 'unchanged' },
    ]);
    await env.client.workflow.getHandle(`cycle/${cycleId}`).terminate('test finished');
  });

  it('plan the term cycle six months into each council term, and pause and resume', async () => {
    const term = (await listCalendar(env.client)).find((s) => s.scheduleId === scheduleId('term', '01'))!;
    expect(term.nextRuns[0]).toBe('2029-12-01T07:00:00.000Z');
    const handle = env.client.schedule.getHandle(scheduleId('annual', '01'));
    await handle.pause('kesätauko');
    expect((await handle.describe()).state).toMatchObject({ paused: true, note: 'kesätauko' });
    await handle.unpause();
    expect((await handle.describe()).state.paused).toBe(false);
  });

  it('tell the secretariat what is missing instead of starting a county with an incomplete directory', async () => {
    expect((await importDirectory(env.db, csv(rows('02', ['106'])))).problems).toEqual([]);
    await installCalendar(env.client, env.db, ['02'], undefined, env.taskQueue);
    await env.client.schedule.getHandle(scheduleId('annual', '02')).trigger();
    const [mail] = await smtp.waitForMessages(
      1,
      (m) => recipient(m) === 'hyte@02.example.fi' && sopuHeader(m, 'kind') === 'directory-incomplete',
    );
    expect(mail!.text).toContain('participants.186: party Järvenpää has no participants');
    expect(mail!.text).not.toContain('participants.106');
    expect(await env.db.selectFrom('cycles').select('id').where('id', '=', `annual-02-${year}`).execute()).toEqual([]);
  });

  it('handle Helsinki explicitly', async () => {
    expect(await installCalendar(env.client, env.db, ['90'], undefined, env.taskQueue)).toEqual([
      { countyCode: '90', skipped: expect.stringContaining('City of Helsinki') },
    ]);
  });
});

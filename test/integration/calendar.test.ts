// The statutory calendar on the dev server (the time-skipping server has no Schedules): a schedule fires and starts
// a correct cycle from the directory; reinstalling changes nothing; pause and resume; an incomplete directory is
// reported to the secretariat instead of starting silently; a county whose directory names no secretariat is refused
// unless told, and then its failed start is seen everywhere (calendar list, compliance, the operator's mail);
// Helsinki gets its negotiation with HUS.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCalendar, lastRunLine, listCalendar, periodsLeft } from '../../client/calendar';
import { complianceReport } from '../../db/compliance';
import { directoryProblemIn } from '../../core/domain/directory-words';
import { importDirectory } from '../../db/directory';
import { waitFor } from '../../worker/dev/processes';
import { scheduleId, TIME_ZONE } from '../../core/contracts';
import { recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { OPERATOR_EMAIL, startTestWorker, type TestWorker } from '../support/test-worker';

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
    expect(result.problems.map((p) => directoryProblemIn('en', p))).toEqual([
      'row 2: email: not-an-address is not an email address',
      'row 3: party_code: there is no municipality 999 (or it has merged)',
      'row 4: role: chair is not a role (contact, signatory, member, secretariat)',
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
      { scheduleId: 'sopu-ministry-01', result: 'created' },
    ]);
    // Installed in the middle of a council term: its term negotiation runs next in the following term, so it will
    // not start this term's; the ministries' runs next year once its day has passed; the annual one fires now.
    const ministryDayPassed =
      DateTime.now().setZone(TIME_ZONE) > DateTime.fromObject({ month: 8, day: 15, hour: 9 }, { zone: TIME_ZONE });
    expect((await periodsLeft(env.client, env.db, results)).map((l) => [l.scheduleId, l.period])).toEqual([
      ['sopu-term-01', '2025-2029'],
      ...(ministryDayPassed ? [['sopu-ministry-01', String(year)]] : []),
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
      { scheduleId: 'sopu-ministry-01', result: 'unchanged' },
    ]);
    const listed = (await listCalendar(env.client, env.db)).find((l) => l.scheduleId === 'sopu-annual-01')!;
    expect(listed.lastRun).toMatchObject({ outcome: 'started', cycleId });
    expect(lastRunLine(listed.lastRun)).toMatch(
      new RegExp(`^last run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: cycle ${cycleId}$`),
    );
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

  it('refuse a county whose directory names no secretariat, unless told; then its failed start is seen everywhere', async () => {
    // Helsinki (90): the directory names nobody for it in this test.
    expect(await installCalendar(env.client, env.db, ['90'], undefined, env.taskQueue)).toEqual([
      { countyCode: '90', refused: expect.stringContaining('the directory names no secretariat for 90') },
    ]);
    await expect(env.client.schedule.getHandle(scheduleId('hus', '90')).describe()).rejects.toThrow();

    expect(
      await installCalendar(env.client, env.db, ['90'], undefined, env.taskQueue, { allowIncomplete: true }),
    ).toEqual([{ scheduleId: 'sopu-hus-90', result: 'created' }]);
    await env.client.schedule.getHandle(scheduleId('hus', '90')).trigger();

    // The operator is told, since no secretariat is known to tell.
    const [mail] = await smtp.waitForMessages(
      1,
      (m) => recipient(m) === OPERATOR_EMAIL && sopuHeader(m, 'kind') === 'directory-incomplete',
    );
    expect(mail!.subject).toBe(`Sopu: sopu-hus-90 ${year} did not start – directory incomplete`);
    expect(mail!.text).toContain('secretariat: county 90 has no secretariat in the directory');
    expect(mail!.text).toContain('party HUS-yhtymä has no participants');

    // calendar list says it failed, what was missing and who was told.
    const hus = (await listCalendar(env.client, env.db)).find((l) => l.scheduleId === 'sopu-hus-90')!;
    expect(hus.lastRun).toMatchObject({ outcome: 'missing', period: String(year), told: [OPERATOR_EMAIL] });
    expect(lastRunLine(hus.lastRun)).toMatch(
      /: DID NOT START \(\d+ missing: secretariat: county 90 has no secretariat/,
    );
    expect(lastRunLine(hus.lastRun)).toContain(`told ${OPERATOR_EMAIL}`);

    // The compliance report says why Helsinki's negotiation with HUS has not started.
    const rows = await complianceReport(env.db, {
      term: '2025-2029',
      years: [year],
      county: '90',
      on: new Date().toISOString().slice(0, 10),
    });
    const helsinki = rows.find((r) => r.partyCode === '091')!;
    expect(helsinki.hus[0]).toMatchObject({
      held: 'no',
      reason: expect.stringContaining('county 90 has no secretariat'),
    });
  });

  it('schedule the ministries and Helsinki–HUS once a secretariat is known', async () => {
    expect(
      (
        await importDirectory(
          env.db,
          csv(
            [
              '90,Hyte Helsinki,hyte@hel.example.fi,secretariat,fi',
              '091,Kaupunginhallitus,kirjaamo@hel.example.fi,signatory,',
              '091,Hyte-koordinaattori,hyte-koord@hel.example.fi,contact,',
              'hus,Yhtymähallitus,kirjaamo@hus.example.fi,signatory,',
              'hus,Hyte HUS,hyte@hus.example.fi,contact,',
            ].join('\n'),
          ),
        )
      ).problems,
    ).toEqual([]);
    expect(await installCalendar(env.client, env.db, ['90'], undefined, env.taskQueue)).toEqual([
      { scheduleId: 'sopu-hus-90', result: 'unchanged' },
    ]);
    await env.client.schedule.getHandle(scheduleId('hus', '90')).trigger();
    const cycleId = `hus-90-${year}`;
    await waitFor(
      async () =>
        void (await env.db.selectFrom('cycles').select('id').where('id', '=', cycleId).executeTakeFirstOrThrow()),
      { timeoutMs: 30_000, what: 'the Helsinki–HUS cycle' },
    );
    const listed = (await listCalendar(env.client, env.db)).find((l) => l.scheduleId === 'sopu-hus-90')!;
    expect(listed.lastRun).toMatchObject({ outcome: 'started', cycleId });
    await env.client.workflow.getHandle(`cycle/${cycleId}`).terminate('test finished');
  });
});

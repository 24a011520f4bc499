// Email that participants can act on, through a real SMTP server on loopback, parsed with mailparser; calendar
// parts parsed with ical.js; the outbox's exactly-once effect with real PostgreSQL.
import { MockActivityEnvironment } from '@temporalio/testing';
import type { ParsedMail } from 'mailparser';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createActivities } from '../../activities';
import { createSmtpMailer, type Mailer } from '../../activities/mail/mailer';
import { renderEmail } from '../../core/domain/email/templates';
import { toCycleInput } from '../../core/domain/cycle-definition';
import { signTaskToken, verifyTaskToken } from '../../core/domain/task-links';
import { shippedReference } from '../support/reference';
import { startCycle } from '../../client/cycles';
import { connectDb } from '../../db/connect';
import { mailLog } from '../../db/mail-log';
import type { Database } from '../../db/schema';
import {
  cycleWorkflowId,
  LANGUAGES,
  LATE_MAIL_MINUTES,
  type Language,
  type Notification,
  type TaskFacts,
} from '../../core/contracts';
import { cycleStatusQuery } from '../../workflows/cycle/messages';
import { waitFor } from '../../worker/dev/processes';
import { smallAnnualCycle } from '../support/cycle-driver';
import { recipient, sopuHeader, startSmtpSink } from '../support/smtp-sink';
import { startTestWorker, TEST_AUDIT_SIGNER, TEST_LINK_KEYS } from '../support/test-worker';

const task: TaskFacts = {
  taskId: 'c1/499/round-1',
  kind: 'comment',
  partyName: 'Mustasaari',
  deadline: '2026-12-09T14:00:00.000Z',
  deadlineVersion: 1,
  document: { version: 1, title: 'Luonnos 1', sha256: 'ab'.repeat(32) },
  meeting: null,
};
const meeting = {
  version: 1,
  startsAt: '2027-02-10T11:00:00.000Z',
  location: 'Vaasa',
  link: 'https://meet.example.fi/x',
};
const base = (language: Language) => ({
  cycleId: 'c1',
  cycleTitle: 'Pohjanmaan hyte-neuvottelu 2027',
  recipient: { name: 'Kim Berg', email: 'kim.berg@korsholm.example.fi', language },
  replyTo: 'hyte@pohjanmaa.example.fi',
  secretariatName: 'Hyte-yksikkö',
});
const everyKind = (language: Language): Notification[] => [
  ...(['input', 'comment', 'signoff'] as const).map((kind) => ({
    ...base(language),
    kind: 'task-assigned' as const,
    task: { ...task, kind },
  })),
  { ...base(language), kind: 'task-assigned', task: { ...task, kind: 'meeting', meeting, taskId: 'c1/499/meeting' } },
  { ...base(language), kind: 'reminder', task, workingDaysBefore: 5 },
  { ...base(language), kind: 'overdue', task },
  { ...base(language), kind: 'overdue-escalation', task },
  { ...base(language), kind: 'deadline-extended', task: { ...task, deadlineVersion: 2 } },
  { ...base(language), kind: 'round-closed', task },
  {
    ...base(language),
    kind: 'meeting-changed',
    task: { ...task, kind: 'meeting', meeting: { ...meeting, version: 2 } },
  },
  { ...base(language), kind: 'meeting-cancelled', task: { ...task, kind: 'meeting', meeting } },
  {
    ...base(language),
    kind: 'participant-replaced',
    partyName: 'Mustasaari',
    replacedName: 'A',
    newName: 'B',
    newEmail: 'b@korsholm.example.fi',
  },
  { ...base(language), kind: 'cycle-completed', outcome: 'agreed_by_some' },
  { ...base(language), kind: 'cycle-cancelled', reason: 'Siirretään' },
  { ...base(language), kind: 'mail-late', hour: '2027-02-10T08', waitedLong: 3, stillWaiting: 2 },
  {
    ...base(language),
    kind: 'minutes',
    meetingStartsAt: '2027-02-10T11:00:00.000Z',
    items: [{ number: 1, title: 'Yhteistyö', conclusion: 'Sovittiin' }],
  },
];

/** Sends rendered emails through the real SMTP path and returns them as a mail client parses them. */
async function roundTrip(notifications: Notification[]): Promise<ParsedMail[]> {
  const sink = await startSmtpSink();
  const mailer = createSmtpMailer({ url: sink.url, from: 'Sopu <sopu@test.example>' });
  try {
    for (const [i, n] of notifications.entries()) {
      const email = renderEmail(n, 'http://sopu.test/t/token');
      await mailer.send({
        ...email,
        to: { name: n.recipient.name, address: n.recipient.email },
        replyTo: n.replyTo,
        messageId: `<m${i}@sopu>`,
        headers: { 'X-Sopu-Kind': n.kind },
      });
    }
    return await sink.waitForMessages(notifications.length);
  } finally {
    mailer.close();
    await sink.close();
  }
}

const icalModule = import('ical.js');

async function parseIcs(content: string) {
  const ICAL = (await icalModule).default;
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: String(event.getFirstPropertyValue('dtstart')),
    hasTimezone: calendar
      .getAllSubcomponents('vtimezone')
      .some((tz) => tz.getFirstPropertyValue('tzid') === 'Europe/Helsinki'),
  };
}

describe('templates', () => {
  it.each(LANGUAGES)(
    'renders every notification in %s as valid MIME with a text and an HTML part',
    async (language) => {
      const notifications = everyKind(language);
      const mails = await roundTrip(notifications);
      expect(mails).toHaveLength(notifications.length);
      for (const [i, mail] of mails.entries()) {
        expect(mail.subject, notifications[i]!.kind).toContain('Pohjanmaan hyte-neuvottelu 2027');
        expect(mail.text).toContain('Pohjanmaan hyte-neuvottelu 2027');
        expect(mail.html).toContain(`<html lang="${language}">`);
        expect(mail.replyTo?.text).toBe('hyte@pohjanmaa.example.fi');
      }
      const [input] = mails;
      const expected = {
        fi: 'määräaika ke 9.12.2026 klo 16.00',
        sv: 'tidsfrist ons 9.12.2026 kl. 16.00',
        en: 'deadline Wednesday 9 December 2026 at 16:00',
      };
      expect(input!.subject).toContain(expected[language]);
      expect(input!.text).toContain('http://sopu.test/t/token');
    },
  );

  it('addresses a participant of Mustasaari / Korsholm in Swedish by default', async () => {
    const people = [
      { name: 'Kim Berg', email: 'kim.berg@korsholm.example.fi', role: 'contact' },
      { name: 'KH', email: 'kh@korsholm.example.fi', role: 'signatory' },
    ];
    const { input } = toCycleInput(
      {
        kind: 'annual',
        county: '17',
        period: '2027',
        secretariat: { name: 'S', email: 's@pohjanmaa.example.fi' },
        parties: ['499'],
        participants: { '499': people },
      },
      new Date('2026-11-25T10:00:00Z'),
      shippedReference(),
    );
    const [mail] = await roundTrip([
      { ...base('fi'), recipient: input.parties[0]!.participants[0]!, kind: 'task-assigned', task },
    ]);
    expect(mail!.subject).toMatch(/^Begäran om utlåtande: nytt utkast – /);
    expect(mail!.text).toContain('Läs utkastet och kommentera: http://sopu.test/t/token');
  });

  it('attaches the meeting as an invitation: stable UID, growing SEQUENCE, Helsinki time, CANCEL when cancelled', async () => {
    const [invited, changed, cancelled] = await Promise.all(
      [everyKind('fi')[3]!, everyKind('fi')[9]!, everyKind('fi')[10]!].map((n) =>
        parseIcs(renderEmail(n, null).invitation!.content),
      ),
    );
    expect(invited).toEqual({
      method: 'REQUEST',
      uid: 'meeting-c1@sopu',
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'Europe/Helsinki',
      start: '2027-02-10T13:00:00',
      hasTimezone: true,
    });
    expect(changed).toMatchObject({ method: 'REQUEST', uid: 'meeting-c1@sopu', sequence: 1 });
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid: 'meeting-c1@sopu', status: 'CANCELLED' });
    const [mail] = await roundTrip([everyKind('fi')[3]!]);
    const calendarPart = mail!.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendarPart).toBeDefined();
    expect((await parseIcs(calendarPart!.content.toString())).method).toBe('REQUEST');
  });

  it("carries a task's deadline as a calendar event", async () => {
    const [mail] = await roundTrip([everyKind('en')[1]!]);
    const ics = mail!.attachments.find((a) => a.filename === 'deadline.ics');
    expect(await parseIcs(ics!.content.toString())).toMatchObject({
      method: 'PUBLISH',
      uid: 'deadline-c1/499/round-1@sopu',
      tzid: 'Europe/Helsinki',
      start: '2026-12-09T15:30:00',
    });
  });

  it('lets no CR/LF or HTML in a title or name inject headers or markup', async () => {
    const evil = {
      ...base('en'),
      cycleTitle: 'Budget\r\nBcc: thief@evil.example\r\n<script>alert(1)</script>',
      recipient: { ...base('en').recipient, name: 'Eve\r\nCc: x@evil.example <b>' },
    };
    const [mail] = await roundTrip([{ ...evil, kind: 'task-assigned', task }]);
    expect(mail!.bcc).toBeUndefined();
    expect(mail!.cc).toBeUndefined();
    expect(mail!.headers.has('bcc')).toBe(false);
    expect(mail!.subject).toContain('Budget Bcc: thief@evil.example <script>');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('task links', () => {
  it('name one participant and one task, verify with any configured key and refuse a forged or tampered token', () => {
    const token = signTaskToken(TEST_LINK_KEYS, {
      taskId: 'c1/499/round-1',
      email: 'kim.berg@korsholm.example.fi',
      issuedAt: 1,
    });
    expect(verifyTaskToken(TEST_LINK_KEYS, token)).toEqual({
      taskId: 'c1/499/round-1',
      email: 'kim.berg@korsholm.example.fi',
      issuedAt: 1,
    });
    const [payload, signature] = token.split('.');
    const otherTask = Buffer.from(
      JSON.stringify({ k: 'test', t: 'c1/499/signoff', e: 'kim.berg@korsholm.example.fi', i: 1 }),
    ).toString('base64url');
    expect(verifyTaskToken(TEST_LINK_KEYS, `${otherTask}.${signature}`)).toBeNull();
    expect(verifyTaskToken([{ id: 'test', secret: 'another-secret-of-sufficient-length-123' }], token)).toBeNull();
    expect(verifyTaskToken(TEST_LINK_KEYS, `${payload}`)).toBeNull();
    // Rotation: a token signed with the old key still verifies while that key is listed.
    expect(verifyTaskToken([{ id: 'new', secret: 'x'.repeat(40) }, ...TEST_LINK_KEYS], token)).not.toBeNull();
  });
});

describe('outbox', () => {
  let db: Kysely<Database>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let real: Mailer;
  const cycleId = `outbox-${Date.now()}`;

  beforeAll(async () => {
    db = connectDb(inject('databaseUrl'), 2);
    sink = await startSmtpSink();
    real = createSmtpMailer({ url: sink.url, from: 'Sopu <sopu@test.example>' });
    await db
      .insertInto('cycles')
      .values({
        id: cycleId,
        kind: 'annual',
        county_code: '17',
        title: 't',
        period: '2027',
        secretariat_email: 's@x.fi',
        definition: '{}',
        workflow_id: `wf-${cycleId}`,
        run_id: 'r',
        started_at: new Date(),
      })
      .execute();
    await db
      .insertInto('parties')
      .values({
        cycle_id: cycleId,
        code: '499',
        kind: 'municipality',
        name: 'Mustasaari',
        language: 'sv',
        workflow_id: `wf-${cycleId}/499`,
      })
      .execute();
    const deadline = new Date();
    await db
      .insertInto('tasks')
      .values({
        id: `${cycleId}/499/round-1`,
        cycle_id: cycleId,
        party_code: '499',
        kind: 'comment',
        phase_key: 'round-1',
        status: 'open',
        deadline,
        nominal_deadline: deadline,
        opened_at: deadline,
      })
      .execute();
  });

  afterAll(async () => {
    real?.close();
    await sink?.close();
    await db?.destroy();
  });

  /** The notify activity with a mailer that can "die" at a point; `retry` runs it again as Temporal would. */
  function notifyWith(crash: 'before-send' | 'after-send' | null) {
    let crashed = false;
    const mailer: Mailer = {
      async send(message) {
        if (crash === 'before-send' && !crashed) {
          crashed = true;
          throw new Error('worker died before sending');
        }
        await real.send(message);
        if (crash === 'after-send' && !crashed) {
          crashed = true;
          throw new Error('worker died after the server accepted the message');
        }
      },
      close() {},
    };
    const { notify } = createActivities({
      db,
      mailer,
      publicUrl: 'http://sopu.test',
      linkKeys: TEST_LINK_KEYS,
      auditSigner: TEST_AUDIT_SIGNER,
      temporal: null,
      clock: { speed: 1 },
    });
    const env = new MockActivityEnvironment({ workflowExecution: { workflowId: 'wf', runId: 'r' } });
    return (n: Notification) => env.run(notify, n);
  }

  const received = (email: string) => sink.messages.filter((m) => recipient(m) === email);
  const row = (email: string) =>
    db
      .selectFrom('emails')
      .select(['status', 'attempts', 'message_id'])
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow();
  const notice = (email: string): Notification => ({
    ...base('fi'),
    cycleId,
    recipient: { name: 'X', email, language: 'fi' },
    kind: 'task-assigned',
    task: { ...task, taskId: `${cycleId}/499/round-1` },
  });

  it('sends once when the worker dies before sending', async () => {
    const run = notifyWith('before-send');
    await expect(run(notice('a@x.fi'))).rejects.toThrow('worker died before sending');
    expect(await run(notice('a@x.fi'))).toBe('sent');
    await waitFor(async () => void expect(received('a@x.fi')).toHaveLength(1), {
      timeoutMs: 5000,
      what: 'one message',
    });
    expect(await row('a@x.fi')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not send again when the worker dies after marking the message sent', async () => {
    const run = notifyWith(null);
    expect(await run(notice('b@x.fi'))).toBe('sent');
    expect(await run(notice('b@x.fi'))).toBe('already-sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received('b@x.fi')).toHaveLength(1);
    expect(await row('b@x.fi')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('resends with the same Message-ID when the worker dies between sending and marking', async () => {
    const run = notifyWith('after-send');
    await expect(run(notice('c@x.fi'))).rejects.toThrow('worker died after');
    expect(await run(notice('c@x.fi'))).toBe('sent');
    await waitFor(async () => void expect(received('c@x.fi')).toHaveLength(2), {
      timeoutMs: 5000,
      what: 'two deliveries',
    });
    const { message_id, attempts } = await row('c@x.fi');
    expect(received('c@x.fi').map((m) => m.messageId)).toEqual([message_id, message_id]);
    expect(attempts).toBe(2);
  });

  it('records a permanent refusal as failed, visible in the mail log, and does not try again', async () => {
    const sink550 = await startSmtpSink({ rejectRecipients: ['nobody@x.fi'] });
    const mailer = createSmtpMailer({ url: sink550.url, from: 'Sopu <sopu@test.example>' });
    try {
      const { notify } = createActivities({
        db,
        mailer,
        publicUrl: 'http://sopu.test',
        linkKeys: TEST_LINK_KEYS,
        auditSigner: TEST_AUDIT_SIGNER,
        temporal: null,
        clock: { speed: 1 },
      });
      const env = new MockActivityEnvironment({ workflowExecution: { workflowId: 'wf', runId: 'r' } });
      await expect(env.run(notify, notice('nobody@x.fi'))).rejects.toMatchObject({
        type: 'PermanentMailFailure',
        nonRetryable: true,
      });
      await expect(env.run(notify, notice('nobody@x.fi'))).rejects.toMatchObject({ type: 'PermanentMailFailure' });
      expect(await row('nobody@x.fi')).toMatchObject({ status: 'failed', attempts: 1 });
      const failed = await mailLog(db, cycleId, { failedOnly: true });
      expect(failed.map((f) => [f.recipient, f.kind])).toEqual([['nobody@x.fi', 'task-assigned']]);
      expect(failed[0]!.lastError).toContain('mailbox unavailable');
    } finally {
      mailer.close();
      await sink550.close();
    }
  });
  it('tells the secretariat, in its language and once an hour, that mail of its cycle waits for the mail server', async () => {
    // The mail server refuses one municipality's mail for now (4xx); everything else goes.
    const mailer: Mailer = {
      async send(message) {
        if (message.to.address === 'slow@x.fi')
          throw Object.assign(new Error('4.4.1 no answer from host'), { responseCode: 421 });
        await real.send(message);
      },
      close() {},
    };
    const { notify } = createActivities({
      db,
      mailer,
      publicUrl: 'http://sopu.test',
      linkKeys: TEST_LINK_KEYS,
      auditSigner: TEST_AUDIT_SIGNER,
      temporal: null,
      clock: { speed: 1 },
    });
    const env = new MockActivityEnvironment({ workflowExecution: { workflowId: 'wf', runId: 'r' } });
    const slow = { ...notice('slow@x.fi'), secretariatLanguage: 'sv' as const };
    const toSecretariat = () => sink.messages.filter((m) => recipient(m) === slow.replyTo);
    await expect(env.run(notify, slow)).rejects.toThrow('no answer from host');
    expect(toSecretariat()).toHaveLength(0);
    // Ten minutes on, Temporal tries again: the message is late now.
    // created_at is never updated by Sopu (the schema's type says so); the test moves it back by hand.
    await sql`update emails set created_at = now() - make_interval(mins => ${LATE_MAIL_MINUTES + 1})
              where recipient = 'slow@x.fi'`.execute(db);
    await expect(env.run(notify, slow)).rejects.toThrow('no answer from host');
    await expect(env.run(notify, slow)).rejects.toThrow('no answer from host');
    await waitFor(async () => void expect(toSecretariat()).toHaveLength(1), { timeoutMs: 5000, what: 'the notice' });
    const [message] = toSecretariat();
    expect(sopuHeader(message!, 'kind')).toBe('mail-late');
    expect(message!.subject).toContain('E-posten är försenad');
    expect(message!.text).toContain(
      `som har väntat på e-postservern i mer än ${LATE_MAIL_MINUTES} minuter: 1, varav 1 väntar fortfarande`,
    );
    expect(message!.replyTo?.text).toBe(slow.replyTo);
  });
});

describe('the agenda in task mail', () => {
  it("names every agenda item in the recipient's language, its own items as named", () => {
    const n: Notification = { ...base('sv'), kind: 'task-assigned', task };
    const mail = renderEmail(n, 'https://sopu.test/t/x', [
      'hyte',
      'Savuton kunta',
      { fi: 'Asuminen', sv: 'Boende', en: 'Housing' },
    ]);
    expect(mail.text).toContain('Dagordning: Främjande av hälsa och välfärd; Savuton kunta; Boende');
    expect(mail.html).toContain('Dagordning');
    const cycleMail = renderEmail({ ...base('fi'), kind: 'cycle-cancelled', reason: 'x' }, null, ['hyte']);
    expect(cycleMail.text).not.toContain('Asialista');
  });
});

describe('delivery through a running cycle', () => {
  it('gets every message to a server that refuses for a while exactly once, and shows a refused address to the secretariat', async () => {
    const sink = await startSmtpSink({ refuseFirst: 3, rejectRecipients: ['gone@askola.example.fi'] });
    const env = await startTestWorker({ smtpUrl: sink.url, daySeconds: 3600 });
    try {
      const cycleId = `flaky-smtp-${Date.now()}`;
      await startCycle(
        env.client,
        smallAnnualCycle(cycleId, { askolaContact: 'gone@askola.example.fi' }),
        env.taskQueue,
      );
      const handle = env.client.workflow.getHandle(cycleWorkflowId(cycleId));
      const status = await waitFor(
        async () => {
          const s = await handle.query(cycleStatusQuery);
          if (!s.mailFailures.length) throw new Error('no failure reported yet');
        },
        { timeoutMs: 30_000, what: 'the refused address in the cycle status' },
      ).then(() => handle.query(cycleStatusQuery));
      expect(status.mailFailures).toEqual([
        {
          partyCode: '018',
          to: 'gone@askola.example.fi',
          kind: 'task-assigned',
          error: expect.stringContaining('550'),
        },
      ]);

      const delivered = () => sink.messages.filter((m) => sopuHeader(m, 'cycle') === cycleId);
      await waitFor(async () => void expect(delivered()).toHaveLength(2), {
        timeoutMs: 30_000,
        what: 'both task emails',
      });
      expect(sink.refused).toBe(3);
      const outbox = await env.db
        .selectFrom('emails')
        .select(['recipient', 'status', 'attempts', 'message_id'])
        .where('cycle_id', '=', cycleId)
        .orderBy('recipient')
        .execute();
      expect(outbox.map((e) => [e.recipient, e.status])).toEqual([
        ['contact@itauusimaa.example.fi', 'sent'],
        ['contact@porvoo.example.fi', 'sent'],
        ['gone@askola.example.fi', 'failed'],
      ]);
      expect(outbox.reduce((sum, e) => sum + e.attempts, 0)).toBeGreaterThan(3);
      expect(
        delivered()
          .map((m) => m.messageId)
          .sort(),
      ).toEqual(
        outbox
          .filter((e) => e.status === 'sent')
          .map((e) => e.message_id)
          .sort(),
      );
      await handle.terminate('test finished');
    } finally {
      await env.close();
      await sink.close();
    }
  }, 60_000);
});

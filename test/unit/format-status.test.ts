// `sopu cycle status` says what is wrong with mail under the parties' table: refused addresses, and messages still
// waiting for the mail server, or that this is not known when the record cannot be read.
import { describe, expect, it } from 'vitest';
import { formatCycleStatus } from '../../client/format-status';
import type { MailLogEntry } from '../../db/mail-log';
import { LATE_MAIL_MINUTES, type CycleStatus } from '../../core/contracts';

const status: CycleStatus = {
  cycleId: 'c1',
  kind: 'annual',
  title: 'Hyte 2027',
  secretariat: { name: 'Hyte', email: 'hyte@x.fi' },
  phase: 'preparation',
  openPhaseKey: 'preparation',
  round: 0,
  deadlines: {},
  documents: [],
  meeting: null,
  minutesRecorded: false,
  finalDocument: null,
  parties: [],
  outcome: null,
  cancelReason: null,
  mailFailures: [],
};

const waiting = (at: string): MailLogEntry => ({
  createdAt: new Date(at),
  sentAt: null,
  status: 'pending',
  kind: 'task-assigned',
  recipient: 'a@x.fi',
  subject: 's',
  attempts: 4,
  lastError: 'connect ECONNREFUSED',
  taskId: null,
});

describe('cycle status and mail', () => {
  it('says nothing about mail when nothing is wrong', () => {
    expect(formatCycleStatus(status, [])).not.toContain('mail');
  });

  it('explains the mark of a task that still takes answers under the table', () => {
    const due = { at: '2027-02-10T14:00:00Z', nominal: '2027-02-10T14:00:00Z' };
    const withPhase = { ...status, deadlines: { preparation: { ...due, version: 1, reminders: [], closesAt: due } } };
    const lines = formatCycleStatus(withPhase as CycleStatus, []).split('\n');
    expect(lines.at(-1)!.trim()).toBe('(* = still takes answers)');
    expect(formatCycleStatus(status, [])).not.toContain('still takes answers');
  });

  it('lists refused addresses and counts late mail with the oldest', () => {
    const text = formatCycleStatus(
      { ...status, mailFailures: [{ partyCode: '018', to: 'gone@x.fi', kind: 'task-assigned', error: '550 no' }] },
      [waiting('2027-02-10T06:00:00Z'), waiting('2027-02-10T06:05:00Z')],
    );
    expect(text).toContain('mail refused: task-assigned to gone@x.fi: 550 no');
    expect(text).toContain(
      `mail waiting over ${LATE_MAIL_MINUTES} min: 2, the oldest since 2027-02-10T06:00:00.000Z (sopu mail c1 --pending)`,
    );
  });

  it('says when late mail is not known', () => {
    expect(formatCycleStatus(status, 'not known (ECONNREFUSED)')).toContain(
      `mail waiting over ${LATE_MAIL_MINUTES} min: not known (ECONNREFUSED)`,
    );
  });
});

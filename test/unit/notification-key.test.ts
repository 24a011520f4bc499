// The outbox key decides whether two notifications are one message: a retry must find the first, a new version
// (an extended deadline, a moved meeting) must be a message of its own.
import { describe, expect, it } from 'vitest';
import { notificationKey } from '../../core/domain/notification-key';
import type { Notification, TaskFacts } from '../../core/contracts';

const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  taskId: 'c/837/round-1',
  kind: 'comment',
  partyName: 'Tampere',
  deadline: '2027-01-15T14:00:00.000Z',
  deadlineVersion: 1,
  document: null,
  meeting: null,
  ...over,
});
const base = {
  cycleId: 'c',
  cycleTitle: 'Testi',
  recipient: { name: 'A', email: 'a@tampere.fi', language: 'fi' as const },
  replyTo: 's@example.fi',
};

describe('notification keys', () => {
  it('are the same for the same message, whatever else changes in it', () => {
    const first: Notification = { ...base, kind: 'task-assigned', task: task() };
    const retried: Notification = {
      ...base,
      cycleTitle: 'Renamed',
      kind: 'task-assigned',
      task: task({ deadline: 'later' }),
    };
    expect(notificationKey(retried)).toBe(notificationKey(first));
  });

  it('tell apart reminders by deadline version and working days before', () => {
    const keys = [
      notificationKey({ ...base, kind: 'reminder', task: task(), workingDaysBefore: 5 }),
      notificationKey({ ...base, kind: 'reminder', task: task(), workingDaysBefore: 1 }),
      notificationKey({ ...base, kind: 'reminder', task: task({ deadlineVersion: 2 }), workingDaysBefore: 5 }),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it('give each recipient and each deadline version its own message', () => {
    const extended = (version: number, email: string): Notification => ({
      ...base,
      recipient: { ...base.recipient, email },
      kind: 'deadline-extended',
      task: task({ deadlineVersion: version }),
    });
    expect(notificationKey(extended(2, 'a@tampere.fi'))).toBe('deadline-extended:c/837/round-1:v2:a@tampere.fi');
    expect(notificationKey(extended(3, 'a@tampere.fi'))).not.toBe(notificationKey(extended(2, 'a@tampere.fi')));
    expect(notificationKey(extended(2, 'b@tampere.fi'))).not.toBe(notificationKey(extended(2, 'a@tampere.fi')));
  });

  it('key the end of a cycle by the cycle, once per person', () => {
    expect(notificationKey({ ...base, kind: 'cycle-completed', outcome: 'agreed_by_all' })).toBe(
      'cycle-completed:c:a@tampere.fi',
    );
  });
});

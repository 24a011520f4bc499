// The outbox key of a notification: a retry of the same message finds it, a new version of it gets its own.
import type { Notification } from '../contracts';

/** What makes two notifications the same message: its kind, what it is about (and which version), its recipient. */
export function notificationKey(n: Notification): string {
  const about = (() => {
    switch (n.kind) {
      case 'task-assigned':
      case 'round-closed':
      case 'meeting-cancelled':
        return n.task.taskId;
      case 'reminder':
        return `${n.task.taskId}:v${n.task.deadlineVersion}:${n.workingDaysBefore}`;
      case 'overdue':
      case 'overdue-escalation':
      case 'deadline-extended':
      case 'meeting-changed':
        return `${n.task.taskId}:v${n.task.deadlineVersion}`;
      case 'receipt':
        return n.updateId;
      case 'participant-replaced':
        return `${n.cycleId}:${n.newEmail}`;
      case 'cycle-completed':
      case 'cycle-cancelled':
        return n.cycleId;
      case 'minutes':
        return n.cycleId;
      case 'mail-late':
        return `${n.cycleId}:${n.hour}`;
    }
  })();
  return `${n.kind}:${about}:${n.recipient.email}`;
}

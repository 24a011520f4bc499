// Every notification the engine sends goes through one activity, `notify`: it names what the message is about,
// derives the outbox key from that (so a retry never sends twice), renders the words and sends.
import type { DocumentRef, Language, MeetingInfo, Outcome, TaskKind } from '../workflows/contracts';
import type { ActivityDeps } from './deps';
import { renderNotification } from './mail/notification-text';
import { outboxActivities, type EmailOutcome } from './mail/outbox';

export interface TaskFacts {
  taskId: string;
  kind: TaskKind;
  partyName: string;
  /** Nominal deadline (what people are shown). */
  deadline: string;
  deadlineVersion: number;
  document: DocumentRef | null;
  meeting: MeetingInfo | null;
}

interface Base {
  cycleId: string;
  cycleTitle: string;
  recipient: { name: string; email: string; language: Language };
  replyTo: string;
}

export type Notification = Base &
  (
    | { kind: 'task-assigned'; task: TaskFacts }
    | { kind: 'reminder'; task: TaskFacts; workingDaysBefore: number }
    | { kind: 'overdue'; task: TaskFacts }
    | { kind: 'overdue-escalation'; task: TaskFacts }
    | { kind: 'deadline-extended'; task: TaskFacts }
    | { kind: 'participant-replaced'; partyName: string; replacedName: string; newName: string; newEmail: string }
    | { kind: 'cycle-completed'; outcome: Outcome }
    | { kind: 'cycle-cancelled'; reason: string }
  );

/** What makes two notifications the same message. */
export function notificationKey(n: Notification): string {
  const about = (() => {
    switch (n.kind) {
      case 'task-assigned':
        return n.task.taskId;
      case 'reminder':
        return `${n.task.taskId}:v${n.task.deadlineVersion}:${n.workingDaysBefore}`;
      case 'overdue':
      case 'overdue-escalation':
      case 'deadline-extended':
        return `${n.task.taskId}:v${n.task.deadlineVersion}`;
      case 'participant-replaced':
        return `${n.cycleId}:${n.newEmail}`;
      case 'cycle-completed':
      case 'cycle-cancelled':
        return n.cycleId;
    }
  })();
  return `${n.kind}:${about}:${n.recipient.email}`;
}

export function notificationActivities(deps: ActivityDeps) {
  const { sendEmail } = outboxActivities(deps);
  return {
    async notify(notification: Notification): Promise<EmailOutcome> {
      const task = 'task' in notification ? notification.task : null;
      const link = task ? `${deps.publicUrl}/tasks/${encodeURIComponent(task.taskId)}` : null;
      const { subject, text } = renderNotification(notification, link);
      return sendEmail({
        idempotencyKey: notificationKey(notification),
        cycleId: notification.cycleId,
        taskId: task?.taskId ?? null,
        to: notification.recipient.email,
        subject,
        text,
        replyTo: notification.replyTo,
      });
    },
  };
}

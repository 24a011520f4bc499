// Every notification the engine sends goes through one activity, `notify`: it names what the message is about,
// derives the outbox key from that (so a retry never sends twice), renders it and sends.
import type { DocumentRef, Language, MeetingInfo, Outcome, TaskKind } from '../workflows/contracts';
import type { ActivityDeps } from './deps';
import { outboxActivities, type EmailOutcome } from './mail/outbox';
import { renderEmail } from './mail/templates';
import { taskLink } from './task-links';

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
  /** The secretariat's address: Reply-To, and the organizer of meeting invitations. */
  replyTo: string;
  secretariatName?: string;
}

export type Notification = Base &
  (
    | { kind: 'task-assigned'; task: TaskFacts }
    | { kind: 'reminder'; task: TaskFacts; workingDaysBefore: number }
    | { kind: 'overdue'; task: TaskFacts }
    | { kind: 'overdue-escalation'; task: TaskFacts }
    | { kind: 'deadline-extended'; task: TaskFacts }
    | { kind: 'meeting-changed'; task: TaskFacts }
    | { kind: 'meeting-cancelled'; task: TaskFacts }
    | { kind: 'round-closed'; task: TaskFacts }
    | { kind: 'participant-replaced'; partyName: string; replacedName: string; newName: string; newEmail: string }
    | { kind: 'cycle-completed'; outcome: Outcome }
    | { kind: 'cycle-cancelled'; reason: string }
  );

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
      const link = task ? taskLink(deps.publicUrl, deps.linkKeys, { taskId: task.taskId, email: notification.recipient.email, issuedAt: Math.floor(Date.now() / 1000) }) : null;
      const email = renderEmail(notification, link);
      return sendEmail({
        idempotencyKey: notificationKey(notification),
        kind: notification.kind,
        cycleId: notification.cycleId,
        taskId: task?.taskId ?? null,
        to: { name: notification.recipient.name, address: notification.recipient.email },
        replyTo: notification.replyTo,
        ...email,
      });
    },
  };
}

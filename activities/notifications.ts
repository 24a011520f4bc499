// The notifications the engine sends, as activities the workflows call by what they mean. Each renders its
// text and goes through the outbox.
import type { Language, TaskKind } from '../workflows/contracts';
import type { ActivityDeps } from './deps';
import { outboxActivities, type EmailOutcome } from './mail/outbox';
import { taskEmail } from './mail/task-email';

export interface TaskNotice {
  cycleId: string;
  cycleTitle: string;
  partyName: string;
  taskId: string;
  kind: TaskKind;
  deadline: string;
  recipient: { name: string; email: string; language: Language };
  replyTo: string;
}

export function notificationActivities(deps: ActivityDeps) {
  const { sendEmail } = outboxActivities(deps);
  return {
    async notifyTaskAssigned(notice: TaskNotice): Promise<EmailOutcome> {
      const link = `${deps.publicUrl}/tasks/${encodeURIComponent(notice.taskId)}`;
      const { subject, text } = taskEmail(notice.recipient.language, { ...notice, link });
      return sendEmail({
        idempotencyKey: `task-assigned:${notice.taskId}:${notice.recipient.email}`,
        cycleId: notice.cycleId,
        taskId: notice.taskId,
        to: notice.recipient.email,
        subject,
        text,
        replyTo: notice.replyTo,
      });
    },
  };
}

// Every notification the engine sends goes through one activity, `notify`: it names what the message is about,
// derives the outbox key from that (so a retry never sends twice), renders it and sends.
import type { EmailOutcome, Notification } from '../workflows/contracts';
import type { ActivityDeps } from './deps';
import { outboxActivities } from './mail/outbox';
import { renderEmail } from './mail/templates';
import { notificationKey } from './domain/notification-key';
import { taskLink } from './domain/task-links';

export function notificationActivities(deps: ActivityDeps) {
  const { sendEmail } = outboxActivities(deps);
  return {
    async notify(notification: Notification): Promise<EmailOutcome> {
      const task = 'task' in notification ? notification.task : null;
      const link = task
        ? taskLink(deps.publicUrl, deps.linkKeys, {
            taskId: task.taskId,
            email: notification.recipient.email,
            issuedAt: Math.floor(Date.now() / 1000),
          })
        : null;
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

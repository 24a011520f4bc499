// One activity sends one message through the outbox: the row is claimed before sending and marked after, so a
// retry of a message already sent does nothing. SMTP answers 5xx are permanent: recorded, not retried.
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { sql } from 'kysely';
import { ErrorType } from '../../workflows/contracts';
import type { ActivityDeps } from '../deps';

export interface EmailRequest {
  /** What the message is about, e.g. `task-assigned:<task id>:<recipient>`. */
  idempotencyKey: string;
  cycleId: string;
  taskId: string | null;
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export type EmailOutcome = 'sent' | 'already-sent' | 'failed';

export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@sopu>`;
}

function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

export function outboxActivities({ db, mailer }: ActivityDeps) {
  return {
    async sendEmail(request: EmailRequest): Promise<EmailOutcome> {
      const messageId = messageIdFor(request.idempotencyKey);
      await db
        .insertInto('emails')
        .values({
          idempotency_key: request.idempotencyKey,
          cycle_id: request.cycleId,
          task_id: request.taskId,
          recipient: request.to,
          subject: request.subject,
          message_id: messageId,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const claimed = await db
        .updateTable('emails')
        .set({ attempts: sql`attempts + 1` })
        .where('idempotency_key', '=', request.idempotencyKey)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return 'already-sent';

      try {
        await mailer.send({ to: request.to, subject: request.subject, text: request.text, messageId, replyTo: request.replyTo });
      } catch (err) {
        const message = (err as Error).message;
        if (isPermanent(err)) {
          await db.updateTable('emails').set({ status: 'failed', last_error: message }).where('id', '=', claimed.id).execute();
          throw ApplicationFailure.nonRetryable(`mail to ${request.to} refused: ${message}`, ErrorType.permanentMailFailure);
        }
        await db.updateTable('emails').set({ last_error: message }).where('id', '=', claimed.id).execute();
        throw err;
      }
      await db.updateTable('emails').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', claimed.id).execute();
      return 'sent';
    },
  };
}

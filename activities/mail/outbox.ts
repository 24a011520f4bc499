// One activity sends one message through the outbox: the row is claimed before sending and marked after, so a
// retry of a message already sent does nothing. The one window no SMTP client can close (the server accepted the
// message, the worker died before marking it) resends with the same Message-ID, which mail clients collapse, and
// the row's attempt count shows it. SMTP answers 5xx are permanent: recorded as failed, not retried.
import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { addToOutbox, claimPending, markFailed, markSent, noteAttemptError, outboxState } from '../../db/outbox';
import { ErrorType, type EmailOutcome } from '../../core/contracts';
import { appendAuditEvent } from '../audit';
import { fileContent } from '../../db/files';
import type { ActivityDeps } from '../deps';
import type { OutgoingMessage } from './mailer';
import type { RenderedEmail } from '../../core/domain/email/templates';
import { WITNESS_FILE_NAME, type Witness } from '../../db/witness';

export interface EmailRequest extends RenderedEmail {
  /** What the message is about, e.g. `task-assigned:<task id>:<recipient>`. */
  idempotencyKey: string;
  kind: string;
  /** Null for a message about a cycle that could not start. */
  cycleId: string | null;
  taskId: string | null;
  to: { name: string; address: string };
  replyTo: string;
  /** A notice sent by another message's activity (late mail): the key of that message. Its ledger event names no
   * activity of its own, since no activity input in history is this message. */
  sentAlong?: string;
  /** Files that go with the message (the agreement PDF): read from the file store when it is sent. */
  files?: { name: string; sha256: string; mediaType: string }[];
  /** The signed tree head the message carries (db/witness.ts), attached as sopu-witness.json. */
  witness?: Witness | null;
}

export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@sopu>`;
}

/** 5xx replies and refused recipients will not change on retry; connection trouble and 4xx may. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

export function outboxActivities({ db, mailer, auditSigner }: ActivityDeps) {
  /** Every message sent or refused is in the ledger, with the activity that sent it (for cross-checks). */
  const audit = async (
    request: EmailRequest,
    messageId: string,
    outcome: 'sent' | 'failed',
    attempt: number,
    error: string | null,
  ) => {
    if (!request.cycleId) return;
    await appendAuditEvent(
      db,
      {
        cycleId: request.cycleId,
        eventKey: `email:${request.idempotencyKey}:${outcome}`,
        at: new Date().toISOString(),
        actor: 'system',
        action: `email.${outcome}`,
        payload: {
          to: request.to.address,
          kind: request.kind,
          taskId: request.taskId,
          messageId,
          subject: request.subject,
          activityId: request.sentAlong ? null : Context.current().info.activityId,
          ...(request.sentAlong ? { sentAlong: request.sentAlong } : {}),
          attempt,
          error,
        },
      },
      auditSigner,
    );
  };

  return {
    async sendEmail(request: EmailRequest): Promise<EmailOutcome> {
      const messageId = messageIdFor(request.idempotencyKey);
      await addToOutbox(db, {
        idempotencyKey: request.idempotencyKey,
        kind: request.kind,
        cycleId: request.cycleId,
        taskId: request.taskId,
        recipient: request.to.address,
        subject: request.subject,
        messageId,
      });
      const claimed = await claimPending(db, request.idempotencyKey);
      if (!claimed) {
        // A retry after the message was marked: make sure the ledger has it too (the append is idempotent).
        const row = await outboxState(db, request.idempotencyKey);
        if (row.status === 'failed') {
          await audit(request, messageId, 'failed', row.attempts, row.last_error);
          throw ApplicationFailure.nonRetryable(
            `mail to ${request.to.address} was refused: ${row.last_error}`,
            ErrorType.permanentMailFailure,
          );
        }
        await audit(request, messageId, 'sent', row.attempts, null);
        return 'already-sent';
      }

      const message: OutgoingMessage = {
        to: request.to,
        replyTo: request.replyTo,
        subject: request.subject,
        text: request.text,
        html: request.html,
        messageId,
        headers: {
          'X-Sopu-Kind': request.kind,
          ...(request.cycleId ? { 'X-Sopu-Cycle': request.cycleId } : {}),
          ...(request.taskId ? { 'X-Sopu-Task': request.taskId } : {}),
        },
        invitation: request.invitation,
        deadlineIcs: request.deadlineIcs,
        files: [
          ...(await Promise.all(
            (request.files ?? []).map(async (f) => {
              const content = await fileContent(db, f.sha256);
              if (!content) throw new Error(`no stored file ${f.sha256} to send with ${request.idempotencyKey}`);
              return { filename: f.name, content, contentType: f.mediaType };
            }),
          )),
          ...(request.witness
            ? [
                {
                  filename: WITNESS_FILE_NAME,
                  content: Buffer.from(JSON.stringify(request.witness, null, 2) + '\n', 'utf8'),
                  contentType: 'application/json',
                },
              ]
            : []),
        ],
      };
      try {
        await mailer.send(message);
      } catch (err) {
        const error = (err as Error).message;
        if (isPermanent(err)) {
          await markFailed(db, claimed.id, error);
          await audit(request, messageId, 'failed', claimed.attempts, error);
          throw ApplicationFailure.nonRetryable(
            `mail to ${request.to.address} was refused: ${error}`,
            ErrorType.permanentMailFailure,
          );
        }
        await noteAttemptError(db, claimed.id, error);
        throw err;
      }
      await markSent(db, claimed.id);
      await audit(request, messageId, 'sent', claimed.attempts, null);
      return 'sent';
    },
  };
}

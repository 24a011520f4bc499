// Every notification the engine sends goes through one activity, `notify` (or `notifyEach` for one notice to several
// people, as the cycle mails a phase's tasks): it names what the message is about, derives the outbox key from that
// (so a retry never sends twice), renders it and sends. Mail of a cycle that waits for the mail server is told to
// the cycle's secretariat from here too.
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { latestLateMailNotice, lateMailCounts } from '../db/outbox';
import { cycleAgenda, cycleNaming } from '../db/web-queries';
import { referenceOn } from '../db/reference-store';
import { cycleTitleIn, partyNameIn } from '../core/domain/local-names';
import type { ReferenceData } from '../core/domain/reference';
import {
  ErrorType,
  LATE_MAIL_MINUTES,
  type EmailOutcome,
  type MailFailure,
  type Notification,
} from '../core/contracts';
import type { ActivityDeps } from './deps';
import { outboxActivities } from './mail/outbox';
import { SMTP_CONNECTIONS } from './mail/mailer';
import { slotsOf } from './mail/mail-slots';
import { renderEmail } from '../core/domain/email/templates';
import { notificationKey } from '../core/domain/notification-key';
import { taskLink } from '../core/domain/task-links';
import { witnessOf } from '../db/witness';

const HOUR_MS = 3_600_000;
const HEARTBEAT_MS = 5_000;
/** The hour a notice is for, as its outbox key holds it (e.g. 2026-11-27T13). */
const hourOf = (at: Date) => at.toISOString().slice(0, 13);
const hourInKey = (key: string) => /:(\d{4}-\d\d-\d\dT\d\d):[^:]*$/.exec(key)?.[1];

export function notificationActivities(deps: ActivityDeps) {
  const { sendEmail } = outboxActivities(deps);
  /** Every message of this worker, single or of a notice, takes one of these (./mail/mail-slots.ts). */
  const mailSlot = slotsOf(SMTP_CONNECTIONS);

  /** The reference data names come from, read at most every ten minutes (it changes once a year). */
  let reference: { at: number; data: ReferenceData } | null = null;
  async function referenceNow(): Promise<ReferenceData> {
    if (!reference || Date.now() - reference.at > 600_000)
      reference = { at: Date.now(), data: await referenceOn(deps.db, new Date().toISOString().slice(0, 10)) };
    return reference.data;
  }

  /** The cycle's title and the party's name as the recipient reads them. */
  async function inRecipientsLanguage(n: Notification): Promise<Notification> {
    const language = n.recipient.language;
    const naming = await cycleNaming(deps.db, n.cycleId);
    if (!naming) return n;
    const ref = await referenceNow();
    const named = { ...n, cycleTitle: cycleTitleIn(ref, naming, language) };
    if (!('task' in named)) return named;
    const partyCode = named.task.taskId.split('/').at(-2) ?? '';
    return {
      ...named,
      task: { ...named.task, partyName: partyNameIn(ref, partyCode, named.task.partyName, language) },
    };
  }

  /** Renders and sends one message once a mail slot is free. */
  const send = (original: Notification, sentAlong?: string) => mailSlot(() => sendNow(original, sentAlong));

  async function sendNow(original: Notification, sentAlong?: string): Promise<EmailOutcome> {
    const notification = await inRecipientsLanguage(original);
    const task = 'task' in notification ? notification.task : null;
    const link = task
      ? taskLink(deps.publicUrl, deps.linkKeys, {
          taskId: task.taskId,
          email: notification.recipient.email,
          issuedAt: Math.floor(Date.now() / 1000),
        })
      : null;
    // The record's signed state as the message leaves: the recipient keeps it, and with it a proof of its own act.
    const witness = await witnessOf(
      deps.db,
      notification.cycleId,
      notification.kind === 'receipt' ? notification.updateId : undefined,
    );
    const email = renderEmail(
      notification,
      link,
      task ? await cycleAgenda(deps.db, notification.cycleId) : [],
      witness && {
        lines: witness.treeHead.seq,
        root: witness.treeHead.rootHash,
        signedAt: witness.treeHead.signedAt,
        ownLine: witness.act?.seq ?? null,
      },
    );
    const agreement = notification.kind === 'cycle-completed' ? notification.agreement : undefined;
    return sendEmail({
      idempotencyKey: notificationKey(notification),
      kind: notification.kind,
      cycleId: notification.cycleId,
      taskId: task?.taskId ?? null,
      to: { name: notification.recipient.name, address: notification.recipient.email },
      replyTo: notification.replyTo,
      sentAlong,
      witness,
      ...(agreement ? { files: [agreement] } : {}),
      ...email,
    });
  }

  /** At most one notice an hour per cycle. One the mail server did not take yet goes with the next retry of any
   * message of the cycle (the server may be down for the notice too), saying what the outbox says then. */
  async function tellSecretariatOfLateMail(n: Notification): Promise<void> {
    if (n.kind === 'mail-late') return;
    const last = await latestLateMailNotice(deps.db, n.cycleId);
    const counts = await lateMailCounts(deps.db, n.cycleId, LATE_MAIL_MINUTES);
    let hour: string | undefined;
    if (last?.status === 'pending') hour = hourInKey(last.key);
    else if (counts.stillWaiting > 0 && (!last || Date.now() - last.createdAt.getTime() > HOUR_MS))
      hour = hourOf(new Date());
    if (!hour) return;
    await send(
      {
        kind: 'mail-late',
        hour,
        ...counts,
        cycleId: n.cycleId,
        cycleTitle: n.cycleTitle,
        recipient: { name: n.secretariatName ?? n.replyTo, email: n.replyTo, language: n.secretariatLanguage ?? 'fi' },
        replyTo: n.replyTo,
        secretariatName: n.secretariatName,
      },
      notificationKey(n),
    );
  }

  /** The late-mail notice, never in the way of the messages' own outcome: one that cannot go now goes later. */
  const tellOfLateMailIf = async (waited: boolean, n: Notification) => {
    // Only a message that had to wait can be late: a first attempt that went through does not look.
    if (waited || Context.current().info.attempt > 1)
      await tellSecretariatOfLateMail(n).catch((err: Error) =>
        log.warn('late-mail notice not sent yet', { cycleId: n.cycleId, error: err.message }),
      );
  };

  /** Every message of a notice, each taking its turn for a mail slot (see notifyEach). */
  async function sendEach(notifications: Notification[]): Promise<MailFailure[]> {
    const refused: MailFailure[] = [];
    let retry: unknown = null;
    await Promise.all(
      notifications.map(async (notification) => {
        try {
          await send(notification);
        } catch (err) {
          if (err instanceof ApplicationFailure && err.type === ErrorType.permanentMailFailure) {
            const task = 'task' in notification ? notification.task : null;
            refused.push({
              partyCode: task?.taskId.split('/').at(-2) ?? null,
              to: notification.recipient.email,
              kind: notification.kind,
              error: err.message,
            });
          } else retry ??= err;
        }
      }),
    );
    if (notifications[0]) await tellOfLateMailIf(retry !== null, notifications[0]);
    if (retry) throw retry;
    return refused;
  }

  /** Alive while a message waits for its slot or is in flight, however long the server takes: a worker that dies
   * mid-mail is seen by the missing heartbeat within seconds (workflows/activity-proxies.ts), not after the whole
   * timeout, and a message that waits its turn is not taken for dead. */
  async function beating<T>(work: () => Promise<T>): Promise<T> {
    const context = Context.current();
    const beat = setInterval(() => context.heartbeat(), HEARTBEAT_MS);
    try {
      return await work();
    } finally {
      clearInterval(beat);
    }
  }

  return {
    /** One notice to several people in one activity, each message exactly once by its outbox key. A refused address
     * is returned, not thrown, so the others still go; a server that cannot take a message now fails the activity once
     * every message was tried, and the retry sends only what is still pending. */
    notifyEach: (notifications: Notification[]): Promise<MailFailure[]> => beating(() => sendEach(notifications)),

    notify: (notification: Notification): Promise<EmailOutcome> =>
      beating(async () => {
        let failed = false;
        try {
          return await send(notification);
        } catch (err) {
          failed = true;
          throw err;
        } finally {
          await tellOfLateMailIf(failed, notification);
        }
      }),
  };
}

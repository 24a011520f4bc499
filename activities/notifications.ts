// Every notification the engine sends goes through one activity, `notify`: it names what the message is about,
// derives the outbox key from that (so a retry never sends twice), renders it and sends. Mail of a cycle that waits
// for the mail server is told to the cycle's secretariat from here too.
import { Context, log } from '@temporalio/activity';
import { latestLateMailNotice, lateMailCounts } from '../db/outbox';
import { cycleAgenda, cycleNaming } from '../db/web-queries';
import { referenceOn } from '../db/reference-store';
import { cycleTitleIn, partyNameIn } from '../core/domain/local-names';
import type { ReferenceData } from '../core/domain/reference';
import { LATE_MAIL_MINUTES, type EmailOutcome, type Notification } from '../core/contracts';
import type { ActivityDeps } from './deps';
import { outboxActivities } from './mail/outbox';
import { renderEmail } from '../core/domain/email/templates';
import { notificationKey } from '../core/domain/notification-key';
import { taskLink } from '../core/domain/task-links';
import { witnessOf } from '../db/witness';

const HOUR_MS = 3_600_000;
/** The hour a notice is for, as its outbox key holds it (e.g. 2026-11-27T13). */
const hourOf = (at: Date) => at.toISOString().slice(0, 13);
const hourInKey = (key: string) => /:(\d{4}-\d\d-\d\dT\d\d):[^:]*$/.exec(key)?.[1];

export function notificationActivities(deps: ActivityDeps) {
  const { sendEmail } = outboxActivities(deps);

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

  async function send(original: Notification, sentAlong?: string): Promise<EmailOutcome> {
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

  return {
    async notify(notification: Notification): Promise<EmailOutcome> {
      let failed = false;
      try {
        return await send(notification);
      } catch (err) {
        failed = true;
        throw err;
      } finally {
        // Only a message that had to wait can be late: a first attempt that went through does not look. Never in
        // the way of the message's own outcome: a notice that cannot go now goes with a later attempt.
        if (failed || Context.current().info.attempt > 1)
          await tellSecretariatOfLateMail(notification).catch((err: Error) =>
            log.warn('late-mail notice not sent yet', { cycleId: notification.cycleId, error: err.message }),
          );
      }
    },
  };
}

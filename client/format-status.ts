import type { MailLogEntry } from '../db/mail-log';
import { DateTime } from 'luxon';
import { LATE_MAIL_MINUTES, TIME_ZONE, type CycleStatus, type TaskReport } from '../core/contracts';

/** An instant as a Finnish reader reads it: Helsinki time, with the weekday. */
const local = (iso: string) =>
  DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale('en').toFormat('ccc d.L.yyyy HH:mm');

/** A status or outcome code in words: `no_response` → `no response`, `agreed_by_some` → `agreed by some`. */
export const inWords = (code: string): string => code.replace(/_/g, ' ');

/** A task's state in a word or two; `openMark` flags a task that still takes answers. */
export function taskMark(task: TaskReport | undefined, openMark: string, none = ''): string {
  if (!task) return none;
  return `${inWords(task.decision ?? task.status)}${task.late ? ' (late)' : ''}${task.closed ? '' : openMark}`;
}

const mark = (task: TaskReport | undefined): string => taskMark(task, '*', '·');

/** Mail refused for good, and mail still waiting for the mail server (or why that is not known). */
function mailLines(status: CycleStatus, lateMail: MailLogEntry[] | string): string[] {
  const lines = status.mailFailures.map((f) => `mail refused: ${f.kind} to ${f.to}: ${f.error}`);
  if (typeof lateMail === 'string') lines.push(`mail waiting over ${LATE_MAIL_MINUTES} min: ${lateMail}`);
  else if (lateMail.length)
    lines.push(
      `mail waiting over ${LATE_MAIL_MINUTES} min: ${lateMail.length}, the oldest since ${lateMail[0]!.createdAt.toISOString()} (sopu mail ${status.cycleId} --pending)`,
    );
  return lines.length ? ['', ...lines] : [];
}

/** A parties × phases table; `*` marks a task that still takes answers; then what is wrong with mail. */
export function formatCycleStatus(status: CycleStatus, lateMail: MailLogEntry[] | string = []): string {
  const phases = Object.keys(status.deadlines);
  const open = status.openPhaseKey ? status.deadlines[status.openPhaseKey] : null;
  const lines = [
    `${status.title} (${status.cycleId})`,
    `phase: ${status.phase}${status.openPhaseKey ? ` (${status.openPhaseKey} open${open ? `, deadline ${local(open.nominal)}` : ''})` : ''}${status.outcome ? `, outcome: ${inWords(status.outcome)}` : ''}${status.cancelReason ? `, cancelled: ${status.cancelReason}` : ''}`,
    ...status.documents.map(
      (d) =>
        `draft v${d.version}: ${d.title} sha256 ${d.sha256}${status.finalDocument?.version === d.version ? ' (final)' : ''}`,
    ),
    ...(status.meeting
      ? [
          `meeting: ${local(status.meeting.startsAt)} ${[status.meeting.location, status.meeting.link].filter(Boolean).join(', ')}${status.minutesRecorded ? ' (minutes recorded)' : ''}`,
        ]
      : []),
    '',
    ['party'.padEnd(34), ...phases.map((p) => p.padEnd(20))].join(' '),
  ];
  for (const party of status.parties) {
    lines.push(
      [
        `${party.code} ${party.name}`.slice(0, 34).padEnd(34),
        ...phases.map((p) => mark(party.tasks[p]).padEnd(20)),
      ].join(' '),
    );
  }
  // The mark explained where it is shown, as the README's sample shows it.
  if (phases.length) lines.push(`${''.padEnd(34)} (* = still takes answers)`);
  return [...lines, ...mailLines(status, lateMail)].join('\n');
}

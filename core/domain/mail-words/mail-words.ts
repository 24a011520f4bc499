// The shape of every word Sopu's emails use (one file a language beside this), and how a date is written: as
// people write it in each language, with the weekday, in Europe/Helsinki time.
import { DateTime } from 'luxon';
import { TIME_ZONE, type Outcome, type TaskKind } from '../../contracts';

export interface Words {
  /** What a task asks for, by task kind. */
  task: Record<TaskKind, string>;
  /** Subject prefixes and first paragraphs. */
  assigned: Record<TaskKind, { subject: string; lead: string }>;
  reminder: { subject: string; lead: (days: number) => string };
  overdue: { subject: string; lead: string };
  escalation: { subject: string; lead: (party: string) => string };
  extended: { subject: string; lead: string };
  meetingChanged: { subject: string; lead: string };
  meetingCancelled: { subject: string; lead: string };
  roundClosed: { subject: string; lead: string };
  replaced: { subject: string; lead: (party: string, from: string, to: string) => string };
  completed: { subject: string; lead: string; agreement: string };
  cancelled: { subject: string; lead: string };
  mailLate: { subject: string; lead: (waitedLong: number, stillWaiting: number, minutes: number) => string };
  minutes: { subject: string; lead: string };
  /** The receipt of a participant's own act: what was recorded, and when. */
  receipt: { subject: string; lead: (what: string, at: string, late: boolean) => string };
  /** Under every message of a cycle: the signed state of its record the message carries (sopu-witness.json). */
  witness: (lines: number, root: string, signedAt: string, ownLine: number | null) => string;
  outcome: Record<Outcome, string>;
  labels: {
    cycle: string;
    party: string;
    task: string;
    deadline: string;
    document: string;
    sha256: string;
    meeting: string;
    place: string;
    reference: string;
    reason: string;
    outcome: string;
    agenda: string;
    receiptId: string;
  };
  action: Record<TaskKind, string>;
  footer: (secretariat: string) => string;
  date: (iso: string) => string;
}

/** A date as people write it in a language, in Helsinki time. */
export const format = (locale: string, pattern: string) => (iso: string) =>
  DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale(locale).toFormat(pattern);

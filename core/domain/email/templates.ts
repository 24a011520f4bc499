// Every notification as an email: subject, text and HTML parts from one content model, in the recipient's
// language, with the task's action link and, where it helps, a calendar entry. Text written by people (titles,
// names, reasons) is escaped in HTML and kept on one line in headers.
import escapeHtml from 'escape-html';
import { LATE_MAIL_MINUTES, type AgendaEntry, type Notification } from '../../contracts';
import { agendaName } from '../cycle-templates';
import { deadlineEvent, meetingInvitation } from './calendar';
import { WORDS } from '../words';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** A meeting invitation or cancellation (sent as a text/calendar alternative with its METHOD). */
  invitation: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
  /** A task's deadline as an .ics attachment. */
  deadlineIcs: string | null;
}

interface Content {
  subject: string;
  lead: string;
  facts: [string, string][];
  action: { label: string; url: string } | null;
}

/** Header values never carry line breaks, whatever a title or name contains. */
export const oneLine = (text: string): string =>
  text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

function content(n: Notification, link: string | null, agenda: AgendaEntry[]): Content {
  const w = WORDS[n.recipient.language];
  const task = 'task' in n ? n.task : null;
  const facts: [string, string][] = [[w.labels.cycle, n.cycleTitle]];
  if (task) {
    facts.push([w.labels.party, task.partyName], [w.labels.task, w.task[task.kind]]);
    if (agenda.length)
      facts.push([w.labels.agenda, agenda.map((item) => agendaName(item, n.recipient.language)).join('; ')]);
    if (task.meeting) {
      facts.push([w.labels.meeting, w.date(task.meeting.startsAt)]);
      const place = [task.meeting.location, task.meeting.link].filter(Boolean).join(', ');
      if (place) facts.push([w.labels.place, place]);
    }
    if (task.kind !== 'meeting') facts.push([w.labels.deadline, w.date(task.deadline)]);
    if (task.document)
      facts.push(
        [w.labels.document, `${task.document.title} (v${task.document.version})`],
        [w.labels.sha256, task.document.sha256],
      );
    facts.push([w.labels.reference, task.taskId]);
  }
  const due = task && task.kind !== 'meeting' ? ` – ${w.labels.deadline.toLowerCase()} ${w.date(task.deadline)}` : '';
  const subject = (prefix: string) => `${prefix} – ${n.cycleTitle}${due}`;
  const action = task && link ? { label: w.action[task.kind], url: link } : null;
  switch (n.kind) {
    case 'task-assigned':
      return { subject: subject(w.assigned[n.task.kind].subject), lead: w.assigned[n.task.kind].lead, facts, action };
    case 'reminder':
      return { subject: subject(w.reminder.subject), lead: w.reminder.lead(n.workingDaysBefore), facts, action };
    case 'overdue':
      return { subject: subject(w.overdue.subject), lead: w.overdue.lead, facts, action };
    case 'overdue-escalation':
      return {
        subject: subject(`${w.escalation.subject} (${n.task.partyName})`),
        lead: w.escalation.lead(n.task.partyName),
        facts,
        action: null,
      };
    case 'deadline-extended':
      return { subject: subject(w.extended.subject), lead: w.extended.lead, facts, action };
    case 'meeting-changed':
      return { subject: subject(w.meetingChanged.subject), lead: w.meetingChanged.lead, facts, action };
    case 'meeting-cancelled':
      return { subject: subject(w.meetingCancelled.subject), lead: w.meetingCancelled.lead, facts, action: null };
    case 'round-closed':
      return { subject: subject(w.roundClosed.subject), lead: w.roundClosed.lead, facts, action: null };
    case 'participant-replaced':
      return {
        subject: subject(`${w.replaced.subject} (${n.partyName})`),
        lead: w.replaced.lead(n.partyName, n.replacedName, n.newName),
        facts,
        action: null,
      };
    case 'cycle-completed':
      return {
        subject: subject(`${w.completed.subject} – ${w.outcome[n.outcome]}`),
        lead: w.completed.lead,
        facts: [
          ...facts,
          [w.labels.outcome, w.outcome[n.outcome]],
          ...(n.agreement
            ? [[w.completed.agreement, `${n.agreement.name}, SHA-256 ${n.agreement.sha256}`] as [string, string]]
            : []),
        ],
        action: null,
      };
    case 'cycle-cancelled':
      return {
        subject: subject(w.cancelled.subject),
        lead: w.cancelled.lead,
        facts: [...facts, [w.labels.reason, n.reason]],
        action: null,
      };
    case 'minutes':
      return {
        subject: subject(w.minutes.subject),
        lead: w.minutes.lead,
        facts: [
          ...facts,
          ...(n.meetingStartsAt ? [[w.labels.meeting, w.date(n.meetingStartsAt)] as [string, string]] : []),
          ...n.items.map((i): [string, string] => [`§ ${i.number} ${i.title}`, i.conclusion]),
        ],
        action: null,
      };
    case 'receipt':
      facts.push([w.labels.receiptId, n.updateId]);
      return {
        subject: `${w.receipt.subject}: ${w.task[n.task.kind]} – ${n.cycleTitle}`,
        lead: w.receipt.lead(w.task[n.task.kind], w.date(n.recordedAt), n.late),
        facts,
        action,
      };
    case 'mail-late':
      return {
        subject: subject(w.mailLate.subject),
        lead: w.mailLate.lead(n.waitedLong, n.stillWaiting, LATE_MAIL_MINUTES),
        facts,
        action: null,
      };
  }
}

/** The signed state of the cycle's record a message carries (its sopu-witness.json), said in a sentence. */
export interface WitnessLine {
  lines: number;
  root: string;
  signedAt: string;
  /** The recipient's own act's line, in a receipt. */
  ownLine: number | null;
}

function text(c: Content, footer: string, witness: string | null = null): string {
  const lines = [c.lead, '', ...c.facts.map(([label, value]) => `${label}: ${value}`)];
  if (c.action) lines.push('', `${c.action.label}: ${c.action.url}`);
  if (witness) lines.push('', witness);
  lines.push('', '--', footer);
  return `${lines.join('\n')}\n`;
}

function html(c: Content, footer: string, language: string, witness: string | null): string {
  const e = escapeHtml;
  const rows = c.facts
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0">${e(label)}</th><td>${e(value)}</td></tr>`,
    )
    .join('');
  const action = c.action
    ? `<p><a href="${e(c.action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px">${e(c.action.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="${e(language)}"><head><meta charset="utf-8"><title>${e(c.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5"><p>${e(c.lead)}</p><table>${rows}</table>${action}${witness ? `<p style="font-size:smaller">${e(witness)}</p>` : ''}<p style="color:#555;font-size:smaller">${e(footer)}</p></body></html>`;
}

/** `agenda`: the cycle's agenda, named in every message about a task; `witness`: the signed tree head the message
 * carries. */
export function renderEmail(
  n: Notification,
  link: string | null,
  agenda: AgendaEntry[] = [],
  witness: WitnessLine | null = null,
): RenderedEmail {
  const w = WORDS[n.recipient.language];
  const c = content(n, link, agenda);
  const footer = w.footer(n.replyTo);
  const said = witness ? w.witness(witness.lines, witness.root, w.date(witness.signedAt), witness.ownLine) : null;
  const task = 'task' in n ? n.task : null;
  let invitation: RenderedEmail['invitation'] = null;
  let deadlineIcs: string | null = null;
  if (task?.meeting && (n.kind === 'task-assigned' || n.kind === 'meeting-changed' || n.kind === 'meeting-cancelled')) {
    invitation = meetingInvitation({
      cycleId: n.cycleId,
      summary: `${w.labels.cycle}: ${oneLine(n.cycleTitle)}`,
      description: text(c, footer),
      meeting: task.meeting,
      organizer: { name: n.secretariatName ?? n.replyTo, email: n.replyTo },
      attendee: { name: n.recipient.name, email: n.recipient.email },
      cancelled: n.kind === 'meeting-cancelled',
    });
  } else if (task && task.kind !== 'meeting' && (n.kind === 'task-assigned' || n.kind === 'deadline-extended')) {
    deadlineIcs = deadlineEvent({
      taskId: task.taskId,
      version: task.deadlineVersion,
      summary: `${w.labels.deadline}: ${w.task[task.kind]} – ${oneLine(n.cycleTitle)}`,
      description: text(c, footer),
      deadline: task.deadline,
      url: link,
    });
  }
  return {
    subject: oneLine(c.subject),
    text: text(c, footer, said),
    html: html(c, footer, n.recipient.language, said),
    invitation,
    deadlineIcs,
  };
}

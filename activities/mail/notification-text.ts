// Plain-text words of every notification in Finnish, Swedish and English. Dates are shown as people in Finland
// write them, with the weekday, in Europe/Helsinki time.
import { DateTime } from 'luxon';
import { TIME_ZONE, type Language, type Outcome, type TaskKind } from '../../workflows/contracts';
import type { Notification, TaskFacts } from '../notifications';

export function formatMoment(iso: string, language: Language): string {
  return DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale(language).toFormat('ccc d.L.yyyy HH:mm');
}

interface Words {
  task: Record<TaskKind, string>;
  due: string;
  link: string;
  reference: string;
  document: string;
  meeting: string;
  outcome: Record<Outcome, string>;
  subject: Record<Notification['kind'], string>;
  lead: Record<Notification['kind'], string>;
}

const fi: Words = {
  task: { input: 'Lähtötiedot neuvotteluun', comment: 'Lausuntokierros', meeting: 'Ilmoittautuminen neuvotteluun', signoff: 'Hyväksyntä' },
  due: 'Määräaika',
  link: 'Avaa tehtävä',
  reference: 'Tehtävän tunnus',
  document: 'Asiakirja',
  meeting: 'Neuvottelu',
  outcome: { agreed_by_all: 'kaikki osapuolet hyväksyivät', agreed_by_some: 'osa osapuolista hyväksyi', not_agreed: 'sopimukseen ei päästy' },
  subject: {
    'task-assigned': 'Uusi tehtävä',
    reminder: 'Muistutus',
    overdue: 'Määräaika on umpeutunut',
    'overdue-escalation': 'Vastaus puuttuu',
    'deadline-extended': 'Määräaikaa jatkettu',
    'participant-replaced': 'Osallistuja vaihdettu',
    'cycle-completed': 'Neuvottelu päättyi',
    'cycle-cancelled': 'Neuvottelu peruttu',
  },
  lead: {
    'task-assigned': 'Teille on avattu tehtävä.',
    reminder: 'Muistutus: tehtävä odottaa vastaustanne.',
    overdue: 'Tehtävän määräaika on umpeutunut. Myöhässä saapuva vastaus otetaan vielä vastaan, kunnes vaihe suljetaan.',
    'overdue-escalation': 'Osapuolen vastaus puuttuu määräajan umpeuduttua.',
    'deadline-extended': 'Tehtävän määräaikaa on jatkettu.',
    'participant-replaced': 'Osapuolen osallistuja on vaihdettu.',
    'cycle-completed': 'Neuvottelu on päättynyt.',
    'cycle-cancelled': 'Neuvottelu on peruttu.',
  },
};

const sv: Words = {
  task: { input: 'Underlag för förhandlingen', comment: 'Remissrunda', meeting: 'Anmälan till förhandlingen', signoff: 'Godkännande' },
  due: 'Senast',
  link: 'Öppna uppgiften',
  reference: 'Uppgiftens kod',
  document: 'Dokument',
  meeting: 'Förhandling',
  outcome: { agreed_by_all: 'alla parter godkände', agreed_by_some: 'en del av parterna godkände', not_agreed: 'ingen överenskommelse' },
  subject: {
    'task-assigned': 'Ny uppgift',
    reminder: 'Påminnelse',
    overdue: 'Tidsfristen har gått ut',
    'overdue-escalation': 'Svar saknas',
    'deadline-extended': 'Tidsfristen har förlängts',
    'participant-replaced': 'Deltagare bytt',
    'cycle-completed': 'Förhandlingen har avslutats',
    'cycle-cancelled': 'Förhandlingen har ställts in',
  },
  lead: {
    'task-assigned': 'En uppgift har öppnats för er.',
    reminder: 'Påminnelse: uppgiften väntar på ert svar.',
    overdue: 'Tidsfristen för uppgiften har gått ut. Ett sent svar tas emot tills fasen stängs.',
    'overdue-escalation': 'Partens svar saknas efter tidsfristen.',
    'deadline-extended': 'Tidsfristen för uppgiften har förlängts.',
    'participant-replaced': 'En deltagare för parten har bytts.',
    'cycle-completed': 'Förhandlingen har avslutats.',
    'cycle-cancelled': 'Förhandlingen har ställts in.',
  },
};

const en: Words = {
  task: { input: 'Input for the negotiation', comment: 'Consultation round', meeting: 'Registration for the meeting', signoff: 'Sign-off' },
  due: 'Deadline',
  link: 'Open the task',
  reference: 'Task reference',
  document: 'Document',
  meeting: 'Meeting',
  outcome: { agreed_by_all: 'agreed by all parties', agreed_by_some: 'agreed by some parties', not_agreed: 'not agreed' },
  subject: {
    'task-assigned': 'New task',
    reminder: 'Reminder',
    overdue: 'Deadline passed',
    'overdue-escalation': 'Answer missing',
    'deadline-extended': 'Deadline extended',
    'participant-replaced': 'Participant replaced',
    'cycle-completed': 'Negotiation completed',
    'cycle-cancelled': 'Negotiation cancelled',
  },
  lead: {
    'task-assigned': 'A task has been opened for you.',
    reminder: 'Reminder: the task is waiting for your answer.',
    overdue: 'The deadline of the task has passed. A late answer is still accepted until the phase closes.',
    'overdue-escalation': "A party's answer is missing after the deadline.",
    'deadline-extended': 'The deadline of the task has been extended.',
    'participant-replaced': "A party's participant has been replaced.",
    'cycle-completed': 'The negotiation has been completed.',
    'cycle-cancelled': 'The negotiation has been cancelled.',
  },
};

const dictionary: Record<Language, Words> = { fi, sv, en };

/** Header values never carry line breaks, whatever a title or name contains. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

export function renderNotification(n: Notification, link: string | null): { subject: string; text: string } {
  const w = dictionary[n.recipient.language];
  const task: TaskFacts | null = 'task' in n ? n.task : null;
  const lines = [w.lead[n.kind], ''];
  if (task) {
    lines.push(`${w.task[task.kind]}: ${task.partyName}`, `${w.due}: ${formatMoment(task.deadline, n.recipient.language)}`);
    if (task.document) lines.push(`${w.document}: ${task.document.title} (v${task.document.version}, SHA-256 ${task.document.sha256})`);
    if (task.meeting) lines.push(`${w.meeting}: ${formatMoment(task.meeting.startsAt, n.recipient.language)} ${[task.meeting.location, task.meeting.link].filter(Boolean).join(', ')}`);
    if (link) lines.push('', `${w.link}: ${link}`);
    lines.push('', `${w.reference}: ${task.taskId}`);
  }
  if (n.kind === 'participant-replaced') lines.push(`${n.partyName}: ${n.replacedName} → ${n.newName}`);
  if (n.kind === 'cycle-completed') lines.push(w.outcome[n.outcome]);
  if (n.kind === 'cycle-cancelled') lines.push(n.reason);
  const what = task ? `${w.task[task.kind]}, ${w.due.toLowerCase()} ${formatMoment(task.deadline, n.recipient.language)} [${task.taskId}]` : `[${n.cycleId}]`;
  return { subject: oneLine(`${w.subject[n.kind]}: ${n.cycleTitle} – ${what}`), text: `${lines.join('\n')}\n` };
}

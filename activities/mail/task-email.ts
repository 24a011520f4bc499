// The words of a task email in the participant's language. Deadlines are shown as people in Finland write them,
// in Europe/Helsinki time.
import { DateTime } from 'luxon';
import type { Language, TaskKind } from '../../workflows/contracts';

export interface TaskEmailFacts {
  cycleTitle: string;
  partyName: string;
  kind: TaskKind;
  deadline: string;
  link: string;
  taskId: string;
}

const words = {
  fi: {
    input: 'Lähtötiedot neuvotteluun',
    signoff: 'Hyväksyntä',
    by: 'määräaika',
    body: (f: TaskEmailFacts, when: string) =>
      `Hei,\n\n${f.partyName}: teille on avattu tehtävä neuvottelussa "${f.cycleTitle}".\nMääräaika: ${when}\n\nVastaa tästä: ${f.link}\n\nTehtävän tunnus: ${f.taskId}\n`,
  },
  sv: {
    input: 'Underlag för förhandlingen',
    signoff: 'Godkännande',
    by: 'senast',
    body: (f: TaskEmailFacts, when: string) =>
      `Hej,\n\n${f.partyName}: en uppgift har öppnats för er i förhandlingen "${f.cycleTitle}".\nSenast: ${when}\n\nSvara här: ${f.link}\n\nUppgiftens kod: ${f.taskId}\n`,
  },
  en: {
    input: 'Input for the negotiation',
    signoff: 'Sign-off',
    by: 'due',
    body: (f: TaskEmailFacts, when: string) =>
      `Hello,\n\n${f.partyName}: a task has been opened for you in the negotiation "${f.cycleTitle}".\nDeadline: ${when}\n\nAnswer here: ${f.link}\n\nTask reference: ${f.taskId}\n`,
  },
} as const;

export function taskEmail(language: Language, facts: TaskEmailFacts): { subject: string; text: string } {
  const w = words[language];
  const when = DateTime.fromISO(facts.deadline, { zone: 'Europe/Helsinki' }).setLocale(language).toFormat('ccc d.L.yyyy HH:mm');
  const subject = `${facts.cycleTitle}: ${w[facts.kind]}, ${w.by} ${when} [${facts.taskId}]`;
  return { subject: subject.replace(/[\r\n]+/g, ' '), text: w.body(facts, when) };
}

// "What needs doing now" in Finnish, Swedish and English: above the list of cycles and on each cycle's page.
import type { Language } from '../../../core/contracts';
import type { NextStep } from '../../next-steps';

export interface TodoWords {
  heading: string;
  nothing: string;
  overdue: (parties: string) => string;
  waiting: (phase: string, answered: number, of: number) => string;
  undelivered: (count: number) => string;
  notConfirmed: (control: string, requestId: string) => string;
  deadline: (phase: string, at: string) => string;
  meeting: (at: string) => string;
  next: Record<NextStep, string>;
  toControl: string;
}

const fi: TodoWords = {
  heading: 'Tehtävää nyt',
  nothing: 'Käynnissä olevissa neuvotteluissa ei ole mitään kiireellistä.',
  overdue: (p) => `Määräaika ylittynyt: ${p}`,
  waiting: (phase, a, of) => `${phase}: ${a}/${of} osapuolta vastannut`,
  undelivered: (n) => (n === 1 ? '1 viesti ei ole mennyt perille' : `${n} viestiä ei ole mennyt perille`),
  notConfirmed: (control, id) =>
    `Ei vahvistettu vielä: ${control} (pyyntö ${id}); sivu kertoo, kun Temporal vahvistaa sen`,
  deadline: (phase, at) => `${phase}: määräaika ${at}`,
  meeting: (at) => `Kokous ${at}`,
  next: {
    closePhase: 'Seuraavaksi: kaikki ovat vastanneet, sulje vaihe',
    publishDraft: 'Seuraavaksi: julkaise luonnos lausuntokierrokselle',
    scheduleMeeting: 'Seuraavaksi: kutsu kokous koolle (tai aloita hyväksyntä ilman kokousta)',
    holdMeeting: 'Seuraavaksi: kokous pidetään; kirjaa sen jälkeen pöytäkirja',
    recordMinutes: 'Seuraavaksi: kirjaa kokouksen pöytäkirja',
    startSignOff: 'Seuraavaksi: aloita hyväksyntä',
    awaitAnswers: 'Odotetaan osapuolten vastauksia',
    awaitSignOffs: 'Odotetaan osapuolten hyväksyntöjä',
  },
  toControl: 'siirry lomakkeeseen',
};

const sv: TodoWords = {
  heading: 'Att göra nu',
  nothing: 'Inget brådskande i de pågående förhandlingarna.',
  overdue: (p) => `Tidsfristen har gått ut: ${p}`,
  waiting: (phase, a, of) => `${phase}: ${a}/${of} parter har svarat`,
  undelivered: (n) => (n === 1 ? '1 meddelande har inte kommit fram' : `${n} meddelanden har inte kommit fram`),
  notConfirmed: (control, id) =>
    `Inte bekräftat ännu: ${control} (begäran ${id}); sidan säger till när Temporal bekräftar den`,
  deadline: (phase, at) => `${phase}: tidsfrist ${at}`,
  meeting: (at) => `Möte ${at}`,
  next: {
    closePhase: 'Härnäst: alla har svarat, avsluta skedet',
    publishDraft: 'Härnäst: publicera utkastet för remissrundan',
    scheduleMeeting: 'Härnäst: kalla till möte (eller inled godkännandet utan möte)',
    holdMeeting: 'Härnäst: mötet hålls; för sedan in protokollet',
    recordMinutes: 'Härnäst: för in mötets protokoll',
    startSignOff: 'Härnäst: inled godkännandet',
    awaitAnswers: 'Parternas svar väntas',
    awaitSignOffs: 'Parternas godkännanden väntas',
  },
  toControl: 'gå till formuläret',
};

const en: TodoWords = {
  heading: 'What needs doing now',
  nothing: 'Nothing is urgent in the running negotiations.',
  overdue: (p) => `Past the deadline: ${p}`,
  waiting: (phase, a, of) => `${phase}: ${a} of ${of} parties have answered`,
  undelivered: (n) => (n === 1 ? '1 message has not been delivered' : `${n} messages have not been delivered`),
  notConfirmed: (control, id) =>
    `Not confirmed yet: ${control} (request ${id}); the page says so once Temporal confirms it`,
  deadline: (phase, at) => `${phase}: deadline ${at}`,
  meeting: (at) => `Meeting ${at}`,
  next: {
    closePhase: 'Next: everyone has answered; close the phase',
    publishDraft: 'Next: publish the draft for the comment round',
    scheduleMeeting: 'Next: schedule the meeting (or start the sign-off without one)',
    holdMeeting: 'Next: the meeting is held; then record its minutes',
    recordMinutes: 'Next: record the minutes of the meeting',
    startSignOff: 'Next: start the sign-off',
    awaitAnswers: 'Waiting for the parties’ answers',
    awaitSignOffs: 'Waiting for the parties’ sign-offs',
  },
  toControl: 'go to the form',
};

export const TODO_WORDS: Record<Language, TodoWords> = { fi, sv, en };

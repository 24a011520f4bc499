// Every word Sopu's emails use, in Finnish, Swedish and English. Dates are written as people write them in each
// language, with the weekday, in Europe/Helsinki time.
import { DateTime } from 'luxon';
import { TIME_ZONE, type Language, type Outcome, type TaskKind } from '../contracts';

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
  };
  action: Record<TaskKind, string>;
  footer: (secretariat: string) => string;
  date: (iso: string) => string;
}

const format = (locale: string, pattern: string) => (iso: string) =>
  DateTime.fromISO(iso, { zone: TIME_ZONE }).setLocale(locale).toFormat(pattern);

const fi: Words = {
  task: {
    input: 'Lähtötiedot neuvotteluun',
    comment: 'Lausunto luonnoksesta',
    meeting: 'Ilmoittautuminen neuvotteluun',
    signoff: 'Hyväksyntä',
  },
  assigned: {
    input: {
      subject: 'Pyyntö: lähtötiedot neuvotteluun',
      lead: 'Pyydämme osapuolenne lähtötiedot neuvotteluun: tavoitteet, ehdotukset sekä vastuuhenkilöt ja vastinparit yhteistyöalueittain.',
    },
    comment: {
      subject: 'Lausuntopyyntö: uusi luonnos',
      lead: 'Neuvottelun uusi luonnos on julkaistu. Pyydämme osapuolenne kommentit tai ilmoituksen, ettei kommentoitavaa ole.',
    },
    meeting: {
      subject: 'Kutsu neuvotteluun',
      lead: 'Teidät kutsutaan neuvotteluun. Ilmoittakaa osapuolenne osallistujat.',
    },
    signoff: {
      subject: 'Hyväksyntäpyyntö',
      lead: 'Neuvottelun lopullinen versio on valmis. Pyydämme osapuolenne hyväksynnän päätösviitteineen tai perustellun hylkäyksen.',
    },
  },
  reminder: {
    subject: 'Muistutus',
    lead: (days) =>
      `Muistutus: tehtävän määräaikaan on ${days} ${days === 1 ? 'työpäivä' : 'työpäivää'}, eikä osapuolenne ole vielä vastannut.`,
  },
  overdue: {
    subject: 'Määräaika umpeutui',
    lead: 'Tehtävän määräaika on umpeutunut. Myöhässä saapuva vastaus otetaan vielä vastaan ja merkitään myöhästyneeksi, kunnes vaihe suljetaan.',
  },
  escalation: {
    subject: 'Vastaus puuttuu',
    lead: (party) => `Osapuolen ${party} vastaus puuttuu määräajan umpeuduttua.`,
  },
  extended: { subject: 'Määräaikaa jatkettu', lead: 'Tehtävän määräaikaa on jatkettu.' },
  meetingChanged: {
    subject: 'Neuvottelun aika tai paikka muuttui',
    lead: 'Neuvottelun tiedot ovat muuttuneet. Kalenterikutsu on päivitetty.',
  },
  meetingCancelled: { subject: 'Neuvottelu peruttu', lead: 'Neuvottelukokous on peruttu.' },
  roundClosed: { subject: 'Lausuntokierros suljettu', lead: 'Lausuntokierros on suljettu. Kiitos osallistumisesta.' },
  replaced: {
    subject: 'Osallistuja vaihdettu',
    lead: (party, from, to) => `Osapuolen ${party} osallistuja on vaihdettu: ${from} → ${to}.`,
  },
  completed: {
    subject: 'Neuvottelu päättyi',
    lead: 'Neuvottelu on päättynyt.',
    agreement: 'Sopimus ja todistus neuvottelun päättymisestä (PDF)',
  },
  cancelled: {
    subject: 'Neuvottelu keskeytetty',
    lead: 'Neuvottelu on keskeytetty, eikä avoimiin tehtäviin tarvitse enää vastata.',
  },
  minutes: {
    subject: 'Neuvottelukokouksen pöytäkirja',
    lead: 'Neuvottelukokouksen pöytäkirja on kirjattu. Sen kohdat ja päätökset ovat alla ja tehtäväsivulla.',
  },
  mailLate: {
    subject: 'Sähköposti viivästyy',
    lead: (waited, still, minutes) =>
      `Tämän neuvottelun viestejä, jotka ovat odottaneet postipalvelinta yli ${minutes} minuuttia: ${waited}, joista ${still} odottaa yhä. Sopu yrittää lähettää ne uudelleen. Odottavat viestit näkyvät neuvottelun sivulla ja komennolla sopu mail --pending.`,
  },
  outcome: {
    agreed_by_all: 'Kaikki osapuolet hyväksyivät',
    agreed_by_some: 'Osa osapuolista hyväksyi',
    not_agreed: 'Sopimukseen ei päästy',
  },
  labels: {
    cycle: 'Neuvottelu',
    party: 'Osapuoli',
    task: 'Tehtävä',
    deadline: 'Määräaika',
    document: 'Asiakirja',
    sha256: 'Tarkiste (SHA-256)',
    meeting: 'Aika',
    place: 'Paikka',
    reference: 'Tehtävän tunnus',
    reason: 'Perustelu',
    agenda: 'Asialista',
    outcome: 'Tulos',
  },
  action: {
    input: 'Vastaa',
    comment: 'Lue luonnos ja kommentoi',
    meeting: 'Ilmoita osallistujat',
    signoff: 'Hyväksy tai hylkää',
  },
  footer: (secretariat) => `Viestin lähetti Sopu neuvottelun sihteeristön puolesta. Kysymykset: ${secretariat}`,
  date: format('fi', "ccc d.L.yyyy 'klo' H.mm"),
};

const sv: Words = {
  task: {
    input: 'Underlag för förhandlingen',
    comment: 'Utlåtande om utkastet',
    meeting: 'Anmälan till förhandlingen',
    signoff: 'Godkännande',
  },
  assigned: {
    input: {
      subject: 'Begäran: underlag för förhandlingen',
      lead: 'Vi ber om er parts underlag för förhandlingen: mål, förslag samt ansvarspersoner och motparter per samarbetsområde.',
    },
    comment: {
      subject: 'Begäran om utlåtande: nytt utkast',
      lead: 'Ett nytt utkast har publicerats. Vi ber om er parts kommentarer eller besked om att ni inte har något att kommentera.',
    },
    meeting: { subject: 'Kallelse till förhandling', lead: 'Ni kallas till förhandling. Anmäl er parts deltagare.' },
    signoff: {
      subject: 'Begäran om godkännande',
      lead: 'Den slutliga versionen är klar. Vi ber om er parts godkännande med beslutshänvisning eller ett motiverat avslag.',
    },
  },
  reminder: {
    subject: 'Påminnelse',
    lead: (days) =>
      `Påminnelse: det är ${days} ${days === 1 ? 'arbetsdag' : 'arbetsdagar'} kvar till tidsfristen och er part har inte svarat ännu.`,
  },
  overdue: {
    subject: 'Tidsfristen har gått ut',
    lead: 'Tidsfristen för uppgiften har gått ut. Ett sent svar tas emot och märks som försenat tills fasen stängs.',
  },
  escalation: { subject: 'Svar saknas', lead: (party) => `Svaret från ${party} saknas efter tidsfristen.` },
  extended: { subject: 'Tidsfristen har förlängts', lead: 'Tidsfristen för uppgiften har förlängts.' },
  meetingChanged: {
    subject: 'Förhandlingens tid eller plats har ändrats',
    lead: 'Uppgifterna om förhandlingen har ändrats. Kalenderinbjudan har uppdaterats.',
  },
  meetingCancelled: { subject: 'Förhandlingsmötet har ställts in', lead: 'Förhandlingsmötet har ställts in.' },
  roundClosed: { subject: 'Remissrundan har stängts', lead: 'Remissrundan har stängts. Tack för ert deltagande.' },
  replaced: {
    subject: 'Deltagare har bytts',
    lead: (party, from, to) => `En deltagare för ${party} har bytts: ${from} → ${to}.`,
  },
  completed: {
    subject: 'Förhandlingen har avslutats',
    lead: 'Förhandlingen har avslutats.',
    agreement: 'Avtalet och intyget om förhandlingens avslutande (PDF)',
  },
  cancelled: {
    subject: 'Förhandlingen har ställts in',
    lead: 'Förhandlingen har avbrutits och öppna uppgifter behöver inte längre besvaras.',
  },
  minutes: {
    subject: 'Förhandlingsmötets protokoll',
    lead: 'Förhandlingsmötets protokoll har förts. Dess punkter och beslut finns nedan och på uppgiftssidan.',
  },
  mailLate: {
    subject: 'E-posten är försenad',
    lead: (waited, still, minutes) =>
      `Meddelanden i denna förhandling som har väntat på e-postservern i mer än ${minutes} minuter: ${waited}, varav ${still} väntar fortfarande. Sopu försöker skicka dem på nytt. Väntande meddelanden syns på förhandlingens sida och med kommandot sopu mail --pending.`,
  },
  outcome: {
    agreed_by_all: 'Alla parter godkände',
    agreed_by_some: 'En del av parterna godkände',
    not_agreed: 'Ingen överenskommelse nåddes',
  },
  labels: {
    cycle: 'Förhandling',
    party: 'Part',
    task: 'Uppgift',
    deadline: 'Tidsfrist',
    document: 'Dokument',
    sha256: 'Kontrollsumma (SHA-256)',
    meeting: 'Tid',
    place: 'Plats',
    reference: 'Uppgiftens kod',
    reason: 'Motivering',
    agenda: 'Dagordning',
    outcome: 'Resultat',
  },
  action: {
    input: 'Svara',
    comment: 'Läs utkastet och kommentera',
    meeting: 'Anmäl deltagare',
    signoff: 'Godkänn eller avslå',
  },
  footer: (secretariat) => `Meddelandet skickades av Sopu för förhandlingens sekretariat. Frågor: ${secretariat}`,
  date: format('sv', "ccc d.L.yyyy 'kl.' HH.mm"),
};

const en: Words = {
  task: {
    input: 'Input for the negotiation',
    comment: 'Comments on the draft',
    meeting: 'Registration for the meeting',
    signoff: 'Sign-off',
  },
  assigned: {
    input: {
      subject: 'Request: input for the negotiation',
      lead: "Please send your party's input for the negotiation: goals, proposals, responsible persons and counterparts per area of cooperation.",
    },
    comment: {
      subject: 'Request for comments: new draft',
      lead: "A new draft has been published. Please send your party's comments, or tell us you have none.",
    },
    meeting: {
      subject: 'Invitation to the negotiation',
      lead: "You are invited to the negotiation meeting. Please register your party's attendees.",
    },
    signoff: {
      subject: 'Request for sign-off',
      lead: 'The final version is ready. Please approve it for your party with the decision reference, or reject it with a reason.',
    },
  },
  reminder: {
    subject: 'Reminder',
    lead: (days) =>
      `Reminder: ${days} working ${days === 1 ? 'day is' : 'days are'} left until the deadline and your party has not answered yet.`,
  },
  overdue: {
    subject: 'Deadline passed',
    lead: 'The deadline of the task has passed. A late answer is still accepted, and marked late, until the phase closes.',
  },
  escalation: { subject: 'Answer missing', lead: (party) => `The answer of ${party} is missing after the deadline.` },
  extended: { subject: 'Deadline extended', lead: 'The deadline of the task has been extended.' },
  meetingChanged: {
    subject: 'The meeting has changed',
    lead: 'The time or place of the meeting has changed. The calendar invitation has been updated.',
  },
  meetingCancelled: { subject: 'Meeting cancelled', lead: 'The negotiation meeting has been cancelled.' },
  roundClosed: {
    subject: 'Consultation round closed',
    lead: 'The consultation round has been closed. Thank you for taking part.',
  },
  replaced: {
    subject: 'Participant replaced',
    lead: (party, from, to) => `A participant of ${party} has been replaced: ${from} → ${to}.`,
  },
  completed: {
    subject: 'Negotiation completed',
    lead: 'The negotiation has been completed.',
    agreement: 'The agreement with its certificate of completion (PDF)',
  },
  cancelled: {
    subject: 'Negotiation cancelled',
    lead: 'The negotiation has been cancelled; open tasks need no answer.',
  },
  minutes: {
    subject: 'Minutes of the negotiation meeting',
    lead: 'The minutes of the negotiation meeting have been recorded. Their items and conclusions are below and on the task page.',
  },
  mailLate: {
    subject: 'Mail delayed',
    lead: (waited, still, minutes) =>
      `Messages of this negotiation that waited more than ${minutes} minutes for the mail server: ${waited}, of which ${still} still waiting. Sopu keeps trying to send them. The waiting messages are on the negotiation's page and in sopu mail --pending.`,
  },
  outcome: {
    agreed_by_all: 'Agreed by all parties',
    agreed_by_some: 'Agreed by some parties',
    not_agreed: 'Not agreed',
  },
  labels: {
    cycle: 'Negotiation',
    party: 'Party',
    task: 'Task',
    deadline: 'Deadline',
    document: 'Document',
    sha256: 'Checksum (SHA-256)',
    meeting: 'Time',
    place: 'Place',
    reference: 'Task reference',
    reason: 'Reason',
    agenda: 'Agenda',
    outcome: 'Outcome',
  },
  action: {
    input: 'Answer',
    comment: 'Read the draft and comment',
    meeting: 'Register attendees',
    signoff: 'Approve or reject',
  },
  footer: (secretariat) => `Sent by Sopu for the negotiation's secretariat. Questions: ${secretariat}`,
  date: format('en-GB', "cccc d LLLL yyyy 'at' HH:mm"),
};

export const WORDS: Record<Language, Words> = { fi, sv, en };

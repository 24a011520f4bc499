// Words of the participant pages in Finnish, Swedish and English. Task names and labels are shared with the emails.
import { WORDS as MAIL_WORDS, type Words as MailWords } from '../../core/domain/words';
import type { Language } from '../../core/contracts';
import type { DocumentWords } from './document-view';

export const GOAL_FIELDS = [
  'goal',
  'measure',
  'indicator',
  'baseline',
  'target',
  'targetYear',
  'responsible',
  'partyPerson',
  'countyPerson',
] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export interface PageWords {
  mail: MailWords;
  workingDaysLeft: (n: number) => string;
  deadlinePassed: string;
  closed: string;
  draft: string;
  download: string;
  /** Reading a published version on the page. */
  documentView: DocumentWords;
  /** Files sent with an answer. */
  attachments: { label: string; hint: string; tooMany: (max: number) => string };
  earlierAnswers: string;
  /** Heading of the meeting's minutes on a task page. */
  minutes: string;
  /** The answer per agenda item (cooperation area), and the fields of a measurable goal. */
  byArea: { heading: string; hint: string; text: string; goal: (n: number) => string };
  answerDraft: { save: string; saved: (at: string) => string };
  followUp: {
    heading: string;
    hint: string;
    setIn: (period: string) => string;
    status: string;
    none: string;
    value: string;
    comment: string;
  };
  goalFields: Record<GoalField, string>;
  /** Who reads the answers (the cycle's setting), and the heading of the other parties' answers. */
  visibility: { afterPhase: string; secretariatOnly: string; others: string };
  noAnswers: string;
  late: string;
  yourAnswer: string;
  replaceHint: string;
  send: string;
  noComments: string;
  attendees: string;
  attendee: (n: number) => string;
  name: string;
  role: string;
  organisation: string;
  approve: string;
  decisionReference: string;
  decisionExample: string;
  reject: string;
  reason: string;
  receipt: string;
  /** The answer was sent but Temporal has not confirmed it yet (the worker is down, say). */
  notConfirmed: string;
  /** The workflow did not answer in time: the page shows the recorded state. */
  liveUnavailable: string;
  recorded: (when: string) => string;
  receiptId: string;
  back: string;
  refused: string;
  errors: Record<string, string> & { InvalidRequest: string; Unknown: string };
  language: string;
}

const fi: PageWords = {
  mail: MAIL_WORDS.fi,
  workingDaysLeft: (n) => `${n} ${n === 1 ? 'työpäivä' : 'työpäivää'} jäljellä`,
  deadlinePassed: 'Määräaika on umpeutunut; vastaus otetaan vielä vastaan myöhästyneenä.',
  closed: 'Tehtävä on suljettu. Vastauksia ei enää oteta vastaan.',
  draft: 'Luonnos',
  download: 'Lataa luonnos',
  attachments: {
    label: 'Liitteet',
    hint: 'Esimerkiksi hyvinvointikertomus tai pöytäkirjanote: PDF, Word, OpenDocument, Excel, PNG tai JPEG, enintään 10 tiedostoa ja 25 Mt kukin. Liitteet lähtevät vastauksen mukana; luonnokseen niitä ei tallenneta.',
    tooMany: (max) => `Liitteitä voi olla enintään ${max}.`,
  },
  documentView: {
    pdf: 'Avaa luonnos (PDF)',
    changes: (v) => `Muutokset versioon ${v} verrattuna`,
    noChanges: 'Teksti ei muuttunut.',
  },
  earlierAnswers: 'Osapuolen aiemmat vastaukset',
  minutes: 'Neuvottelukokouksen pöytäkirja',
  followUp: {
    heading: 'Aiempien tavoitteiden seuranta',
    hint: 'Kertokaa kunkin aiemmin asettamanne tavoitteen tilanne ja mittarin nykyinen arvo.',
    setIn: (period) => `asetettu ${period}`,
    status: 'Tilanne',
    none: '– ei kerrota –',
    value: 'Mittarin nykyinen arvo',
    comment: 'Kommentti',
  },
  answerDraft: {
    save: 'Tallenna luonnos',
    saved: (at) => `Luonnos tallennettu ${at}. Vastausta ei ole vielä lähetetty.`,
  },
  byArea: {
    heading: 'Vastaus asialistan kohdittain',
    hint: 'Täyttäkää ne kohdat, joihin teillä on sanottavaa. Tavoite on konkreettinen ja mitattava: mittari, lähtötaso, tavoitetaso ja -vuosi.',
    text: 'Näkemys',
    goal: (n) => `Tavoite ${n}`,
  },
  goalFields: {
    goal: 'Tavoite',
    measure: 'Toimenpide',
    indicator: 'Mittari',
    baseline: 'Lähtötaso',
    target: 'Tavoitetaso',
    targetYear: 'Tavoitevuosi',
    responsible: 'Vastuutaho',
    partyPerson: 'Vastinpari: osapuolen henkilö',
    countyPerson: 'Vastinpari: hyvinvointialueen henkilö',
  },
  visibility: {
    afterPhase: 'Vastaukset näkyvät muille osapuolille, kun vaihe on päättynyt.',
    secretariatOnly: 'Vastaukset näkee vain neuvottelun sihteeristö.',
    others: 'Muiden osapuolten vastaukset päättyneissä vaiheissa',
  },
  noAnswers: 'Ei vielä vastauksia.',
  late: 'myöhässä',
  yourAnswer: 'Vastaus',
  replaceHint: 'Voitte korvata vastauksen, kunnes tehtävä suljetaan; aiemmat versiot säilyvät.',
  send: 'Lähetä',
  noComments: 'Ei kommentoitavaa',
  attendees: 'Osallistujat',
  attendee: (n) => `Osallistuja ${n}`,
  name: 'Nimi',
  role: 'Tehtävä tai rooli',
  organisation: 'Organisaatio',
  approve: 'Hyväksy',
  decisionReference: 'Päätösviite',
  decisionExample: 'esim. Kunnanhallitus 12.3.2026 § 45',
  reject: 'Hylkää',
  reason: 'Perustelu',
  receipt: 'Kuittaus',
  liveUnavailable:
    'Neuvottelupalvelu ei vastaa juuri nyt, joten sivu näyttää viimeksi tallennetun tilanteen. Voit silti lähettää vastauksesi: saat kuittauksen, kun palvelu on vahvistanut sen.',
  notConfirmed:
    'Vastaustasi ei ole vielä vahvistettu: se voi olla jo tallennettu. Tämä sivu tarkistaa asian uudelleen muutaman sekunnin välein; älä lähetä vastausta uudestaan.',
  recorded: (when) => `Tallennettu ${when}.`,
  receiptId: 'Kuittauksen tunnus',
  back: 'Takaisin tehtävään',
  refused: 'Linkki ei ole voimassa. Pyydä tarvittaessa uusi linkki neuvottelun sihteeristöltä.',
  errors: {
    InvalidRequest: 'Tarkista lomake',
    NotParticipant: 'Ette ole tämän osapuolen osallistuja.',
    NotSignatory: 'Vain osapuolen allekirjoittaja voi hyväksyä tai hylätä.',
    TaskNotOpen: 'Tehtävä ei enää ota vastaan vastauksia.',
    DocumentMismatch: 'Lopullinen versio on muuttunut. Lataa sivu uudelleen.',
    LimitReached: 'Vastausten enimmäismäärä on täynnä.',
    Unknown: 'Tallennus ei onnistunut. Yritä uudelleen.',
  },
  language: 'Kieli',
};

const sv: PageWords = {
  mail: MAIL_WORDS.sv,
  workingDaysLeft: (n) => `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'} kvar`,
  deadlinePassed: 'Tidsfristen har gått ut; ett svar tas ännu emot som försenat.',
  closed: 'Uppgiften är stängd. Inga fler svar tas emot.',
  draft: 'Utkast',
  download: 'Ladda ner utkastet',
  attachments: {
    label: 'Bilagor',
    hint: 'Till exempel en välfärdsberättelse eller ett protokollsutdrag: PDF, Word, OpenDocument, Excel, PNG eller JPEG, högst 10 filer och 25 MB per fil. Bilagorna skickas med svaret; de sparas inte i utkastet.',
    tooMany: (max) => `Högst ${max} bilagor.`,
  },
  documentView: {
    pdf: 'Öppna utkastet (PDF)',
    changes: (v) => `Ändringar jämfört med version ${v}`,
    noChanges: 'Texten ändrades inte.',
  },
  earlierAnswers: 'Partens tidigare svar',
  minutes: 'Förhandlingsmötets protokoll',
  followUp: {
    heading: 'Uppföljning av tidigare mål',
    hint: 'Ange läget för varje mål ni tidigare har satt, och indikatorns nuvarande värde.',
    setIn: (period) => `satt ${period}`,
    status: 'Läge',
    none: '– anges inte –',
    value: 'Indikatorns nuvarande värde',
    comment: 'Kommentar',
  },
  answerDraft: {
    save: 'Spara utkast',
    saved: (at) => `Utkastet sparades ${at}. Svaret har ännu inte skickats.`,
  },
  byArea: {
    heading: 'Svar per punkt på dagordningen',
    hint: 'Fyll i de punkter ni har något att säga om. Ett mål är konkret och mätbart: indikator, utgångsläge, målnivå och målår.',
    text: 'Synpunkter',
    goal: (n) => `Mål ${n}`,
  },
  goalFields: {
    goal: 'Mål',
    measure: 'Åtgärd',
    indicator: 'Indikator',
    baseline: 'Utgångsläge',
    target: 'Målnivå',
    targetYear: 'Målår',
    responsible: 'Ansvarig instans',
    partyPerson: 'Motpart: partens person',
    countyPerson: 'Motpart: välfärdsområdets person',
  },
  visibility: {
    afterPhase: 'Svaren syns för de andra parterna när skedet har avslutats.',
    secretariatOnly: 'Svaren ses endast av förhandlingens sekretariat.',
    others: 'De andra parternas svar i avslutade skeden',
  },
  noAnswers: 'Inga svar ännu.',
  late: 'försenat',
  yourAnswer: 'Svar',
  replaceHint: 'Ni kan ersätta svaret tills uppgiften stängs; tidigare versioner sparas.',
  send: 'Skicka',
  noComments: 'Inget att kommentera',
  attendees: 'Deltagare',
  attendee: (n) => `Deltagare ${n}`,
  name: 'Namn',
  role: 'Uppgift eller roll',
  organisation: 'Organisation',
  approve: 'Godkänn',
  decisionReference: 'Beslutshänvisning',
  decisionExample: 't.ex. Kommunstyrelsen 12.3.2026 § 45',
  reject: 'Avslå',
  reason: 'Motivering',
  receipt: 'Kvitto',
  liveUnavailable:
    'Förhandlingstjänsten svarar inte just nu, så sidan visar det senast sparade läget. Du kan ändå skicka ditt svar: du får ett kvitto när tjänsten har bekräftat det.',
  notConfirmed:
    'Ditt svar är ännu inte bekräftat: det kan redan vara sparat. Sidan kontrollerar saken på nytt med några sekunders mellanrum; skicka inte svaret på nytt.',
  recorded: (when) => `Sparat ${when}.`,
  receiptId: 'Kvittots kod',
  back: 'Tillbaka till uppgiften',
  refused: 'Länken gäller inte. Be vid behov förhandlingens sekretariat om en ny länk.',
  errors: {
    InvalidRequest: 'Kontrollera formuläret',
    NotParticipant: 'Ni är inte deltagare för denna part.',
    NotSignatory: 'Endast partens undertecknare kan godkänna eller avslå.',
    TaskNotOpen: 'Uppgiften tar inte längre emot svar.',
    DocumentMismatch: 'Den slutliga versionen har ändrats. Ladda om sidan.',
    LimitReached: 'Det högsta antalet svar har nåtts.',
    Unknown: 'Det gick inte att spara. Försök igen.',
  },
  language: 'Språk',
};

const en: PageWords = {
  mail: MAIL_WORDS.en,
  workingDaysLeft: (n) => `${n} working ${n === 1 ? 'day' : 'days'} left`,
  deadlinePassed: 'The deadline has passed; an answer is still accepted and marked late.',
  closed: 'The task is closed. No more answers are accepted.',
  draft: 'Draft',
  download: 'Download the draft',
  attachments: {
    label: 'Attachments',
    hint: 'A welfare report or an extract of minutes, say: PDF, Word, OpenDocument, Excel, PNG or JPEG, up to 10 files of 25 MB each. Attachments go with the answer; a saved draft does not keep them.',
    tooMany: (max) => `At most ${max} attachments.`,
  },
  documentView: {
    pdf: 'Open the draft (PDF)',
    changes: (v) => `Changes from version ${v}`,
    noChanges: 'The text did not change.',
  },
  earlierAnswers: "The party's earlier answers",
  minutes: 'Minutes of the negotiation meeting',
  followUp: {
    heading: 'Follow-up of earlier goals',
    hint: "Give the status of each goal you set before, and the indicator's current value.",
    setIn: (period) => `set in ${period}`,
    status: 'Status',
    none: '– not given –',
    value: "The indicator's current value",
    comment: 'Comment',
  },
  answerDraft: {
    save: 'Save as draft',
    saved: (at) => `Draft saved ${at}. The answer has not been sent yet.`,
  },
  byArea: {
    heading: 'Your answer by agenda item',
    hint: 'Fill in the items you have something to say about. A goal is concrete and measurable: indicator, baseline, target value and year.',
    text: 'Views',
    goal: (n) => `Goal ${n}`,
  },
  goalFields: {
    goal: 'Goal',
    measure: 'Measure',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target value',
    targetYear: 'Target year',
    responsible: 'Responsible body',
    partyPerson: "Counterpart: the party's person",
    countyPerson: "Counterpart: the county's person",
  },
  visibility: {
    afterPhase: 'Answers are shown to the other parties once the phase has closed.',
    secretariatOnly: "Only the negotiation's secretariat reads the answers.",
    others: "The other parties' answers in closed phases",
  },
  noAnswers: 'No answers yet.',
  late: 'late',
  yourAnswer: 'Answer',
  replaceHint: 'You can replace the answer until the task closes; earlier versions are kept.',
  send: 'Send',
  noComments: 'No comments',
  attendees: 'Attendees',
  attendee: (n) => `Attendee ${n}`,
  name: 'Name',
  role: 'Title or role',
  organisation: 'Organisation',
  approve: 'Approve',
  decisionReference: 'Decision reference',
  decisionExample: 'e.g. Municipal board 12.3.2026 § 45',
  reject: 'Reject',
  reason: 'Reason',
  receipt: 'Receipt',
  liveUnavailable:
    'The negotiation service is not answering right now, so this page shows the last recorded state. You can still send your answer: you get a receipt once the service has confirmed it.',
  notConfirmed:
    'Your answer is not confirmed yet: it may already be recorded. This page checks again every few seconds; do not send it again.',
  recorded: (when) => `Recorded ${when}.`,
  receiptId: 'Receipt id',
  back: 'Back to the task',
  refused: 'This link is not valid. If you need a new one, ask the secretariat of the negotiation.',
  errors: {
    InvalidRequest: 'Please check the form',
    NotParticipant: 'You are not a participant of this party.',
    NotSignatory: "Only the party's signatory can approve or reject.",
    TaskNotOpen: 'The task no longer takes answers.',
    DocumentMismatch: 'The final version has changed. Please reload the page.',
    LimitReached: 'The maximum number of answers has been reached.',
    Unknown: 'Saving failed. Please try again.',
  },
  language: 'Language',
};

export const PAGE_WORDS: Record<Language, PageWords> = { fi, sv, en };

// Words of the auditor's record page in Finnish, Swedish and English: the ledger's actions said as people say them
// (the export's action name stays beside each, muted, for cross-checking), the verification's result and the views.
import type { Language } from '../../../core/contracts';

export interface LedgerWords {
  heading: (title: string) => string;
  views: Record<'ledger' | 'engine' | 'mail', string>;
  verification: string;
  verified: (lines: number, heads: number) => string;
  verifiedSoFar: (lines: number, heads: number) => string;
  failed: (problems: number) => string;
  problemsInEnglish: string;
  noKey: string;
  checkAlso: string;
  heads: string;
  headsSummary: (count: number, last: number | null) => string;
  columns: {
    seq: string;
    time: string;
    actor: string;
    action: string;
    fields: string;
    reason: string;
    key: string;
    root: string;
    workflow: string;
    event: string;
  };
  filter: string;
  action: string;
  party: string;
  contains: string;
  all: string;
  shown: (from: number, to: number, all: number) => string;
  previous: string;
  next: string;
  engineNote: string;
  engineGone: string;
  mail: { recipient: string; kind: string; subject: string; attempts: (n: number) => string };
  actions: Record<string, string>;
  control: (name: string) => string;
}

const fi: LedgerWords = {
  heading: (title) => `Tallenne: ${title}`,
  views: { ledger: 'Kirjanpito', engine: 'Moottorin tapahtumat', mail: 'Sähköpostit ja asiakirjat' },
  verification: 'Tarkistus',
  verified: (lines, heads) =>
    `Kaikki täsmää: kirjanpidon ${lines} riviä, ${heads} allekirjoitettua tilannetta, asiakirjat, historiat ja taulut.`,
  verifiedSoFar: (lines, heads) =>
    `Täsmää tähän asti: kirjanpidon ${lines} riviä, ${heads} allekirjoitettua tilannetta, asiakirjat ja taulut. Historiat tarkistetaan, kun neuvottelu päättyy.`,
  failed: (n) => `Tarkistus löysi ${n} ${n === 1 ? 'ongelman' : 'ongelmaa'}:`,
  problemsInEnglish: 'Ongelmat ovat tarkistimen tekstiä (englanniksi), samat kuin komennolla sopu audit verify.',
  noKey: 'Allekirjoitusavainta ei ole määritetty tälle palvelimelle: tarkista vienti komennolla sopu audit verify.',
  checkAlso:
    'Tämä tarkistus luottaa palvelimen avaimeen. Riippumaton tarkistus: vie tallenne ja aja sopu audit verify julkaistulla sormenjäljellä ja osapuolten säilyttämillä viesteillä (--witness).',
  heads: 'Allekirjoitetut tilanteet',
  headsSummary: (count, last) => `${count} allekirjoitettua tilannetta${last ? `, viimeisin rivillä ${last}` : ''}.`,
  columns: {
    seq: 'Rivi',
    time: 'Aika',
    actor: 'Tekijä',
    action: 'Tapahtuma',
    fields: 'Tiedot',
    reason: 'Syy',
    key: 'Avain',
    root: 'Merkle-juuri',
    workflow: 'Työnkulku',
    event: 'Tapahtuma',
  },
  filter: 'Suodata',
  action: 'Tapahtuma',
  party: 'Osapuoli',
  contains: 'Sisältää',
  all: 'Kaikki',
  shown: (from, to, all) => (all ? `Rivit ${from}–${to} / ${all}` : 'Ei rivejä'),
  previous: 'Edelliset',
  next: 'Seuraavat',
  engineNote:
    'Temporalin historioiden tapahtumat: mitä työnkulut tekivät. Kirjanpito kertoo saman tallenteen tapahtumina; tarkistus vertaa niitä.',
  engineGone: 'Historiat eivät ole vielä arkistossa, eikä Temporal vastaa.',
  mail: { recipient: 'Vastaanottaja tai julkaisija', kind: 'Laji', subject: 'Aihe', attempts: (n) => `${n} yritystä` },
  actions: {
    'cycle.started': 'Neuvottelu aloitettu',
    'cycle.phase': 'Vaihe vaihtui',
    'phase.closed': 'Vaihe suljettu',
    'phase.deadline_extended': 'Vaiheen määräaikaa jatkettu',
    'task.open': 'Tehtävä avattu',
    'task.answered': 'Tehtävä vastattu',
    'task.overdue': 'Tehtävä myöhässä',
    'task.no_response': 'Ei vastausta',
    'task.cancelled': 'Tehtävä peruttu',
    'task.deadline_extended': 'Tehtävän määräaikaa jatkettu',
    'task.answer': 'Vastaus',
    'task.no_comments': 'Ei kommentoitavaa',
    'signoff.approved': 'Hyväksytty',
    'signoff.rejected': 'Hylätty',
    'meeting.scheduled': 'Kokous sovittu',
    'meeting.registration': 'Ilmoittautuminen kokoukseen',
    'meeting.minutes': 'Pöytäkirja kirjattu',
    'document.published': 'Luonnos julkaistu',
    'document.final': 'Lopullinen versio',
    'cycle.participant_replaced': 'Osallistuja vaihdettu',
    'party.participant_replaced': 'Osapuolen osallistuja vaihdettu',
    'on_behalf.recorded': 'Kirjattu osapuolen puolesta',
    'email.sent': 'Sähköposti lähetetty',
    'email.failed': 'Sähköposti hylätty',
    'cycle.completed': 'Neuvottelu päättyi',
    'cycle.cancelled': 'Neuvottelu keskeytetty',
    'agreement.issued': 'Sopimus annettu',
    'ledger.closed': 'Kirjanpito suljettu',
    'key.rotated': 'Allekirjoitusavain vaihdettu',
  },
  control: (name) => `Ohjaus: ${name}`,
};

const sv: LedgerWords = {
  heading: (title) => `Register: ${title}`,
  views: { ledger: 'Huvudbok', engine: 'Motorns händelser', mail: 'E-post och dokument' },
  verification: 'Kontroll',
  verified: (lines, heads) =>
    `Allt stämmer: huvudbokens ${lines} rader, ${heads} undertecknade lägen, dokumenten, historikerna och tabellerna.`,
  verifiedSoFar: (lines, heads) =>
    `Stämmer hittills: huvudbokens ${lines} rader, ${heads} undertecknade lägen, dokumenten och tabellerna. Historikerna kontrolleras när förhandlingen avslutas.`,
  failed: (n) => `Kontrollen hittade ${n} ${n === 1 ? 'problem' : 'problem'}:`,
  problemsInEnglish: 'Problemen är kontrollprogrammets text (på engelska), samma som kommandot sopu audit verify ger.',
  noKey: 'Ingen signeringsnyckel har angetts för denna server: kontrollera exporten med sopu audit verify.',
  checkAlso:
    'Denna kontroll litar på serverns nyckel. Oberoende kontroll: exportera registret och kör sopu audit verify med det publicerade fingeravtrycket och parternas sparade meddelanden (--witness).',
  heads: 'Undertecknade lägen',
  headsSummary: (count, last) => `${count} undertecknade lägen${last ? `, det senaste på rad ${last}` : ''}.`,
  columns: {
    seq: 'Rad',
    time: 'Tid',
    actor: 'Utförare',
    action: 'Händelse',
    fields: 'Uppgifter',
    reason: 'Orsak',
    key: 'Nyckel',
    root: 'Merkle-rot',
    workflow: 'Arbetsflöde',
    event: 'Händelse',
  },
  filter: 'Filtrera',
  action: 'Händelse',
  party: 'Part',
  contains: 'Innehåller',
  all: 'Alla',
  shown: (from, to, all) => (all ? `Rader ${from}–${to} av ${all}` : 'Inga rader'),
  previous: 'Föregående',
  next: 'Följande',
  engineNote:
    'Händelserna i Temporals historiker: vad arbetsflödena gjorde. Huvudboken berättar samma sak som registrets händelser; kontrollen jämför dem.',
  engineGone: 'Historikerna är inte arkiverade ännu, och Temporal svarar inte.',
  mail: { recipient: 'Mottagare eller publicerare', kind: 'Typ', subject: 'Ämne', attempts: (n) => `${n} försök` },
  actions: {
    'cycle.started': 'Förhandlingen inledd',
    'cycle.phase': 'Skedet bytte',
    'phase.closed': 'Skedet avslutat',
    'phase.deadline_extended': 'Skedets tidsfrist förlängd',
    'task.open': 'Uppgiften öppnad',
    'task.answered': 'Uppgiften besvarad',
    'task.overdue': 'Uppgiften försenad',
    'task.no_response': 'Inget svar',
    'task.cancelled': 'Uppgiften annullerad',
    'task.deadline_extended': 'Uppgiftens tidsfrist förlängd',
    'task.answer': 'Svar',
    'task.no_comments': 'Inget att kommentera',
    'signoff.approved': 'Godkänt',
    'signoff.rejected': 'Avslaget',
    'meeting.scheduled': 'Mötet fastställt',
    'meeting.registration': 'Anmälan till mötet',
    'meeting.minutes': 'Protokollet registrerat',
    'document.published': 'Utkast publicerat',
    'document.final': 'Slutlig version',
    'cycle.participant_replaced': 'Deltagare bytt',
    'party.participant_replaced': 'Partens deltagare bytt',
    'on_behalf.recorded': 'Registrerat för partens räkning',
    'email.sent': 'E-post skickad',
    'email.failed': 'E-post avvisad',
    'cycle.completed': 'Förhandlingen avslutad',
    'cycle.cancelled': 'Förhandlingen avbruten',
    'agreement.issued': 'Avtalet utfärdat',
    'ledger.closed': 'Huvudboken stängd',
    'key.rotated': 'Signeringsnyckeln bytt',
  },
  control: (name) => `Styrning: ${name}`,
};

const en: LedgerWords = {
  heading: (title) => `Record: ${title}`,
  views: { ledger: 'Ledger', engine: 'Engine events', mail: 'Mail and documents' },
  verification: 'Verification',
  verified: (lines, heads) =>
    `Everything holds: the ledger's ${lines} lines, ${heads} signed heads, the documents, the histories and the tables.`,
  verifiedSoFar: (lines, heads) =>
    `Holds so far: the ledger's ${lines} lines, ${heads} signed heads, the documents and the tables. The histories are checked when the negotiation ends.`,
  failed: (n) => `The verification found ${n} ${n === 1 ? 'problem' : 'problems'}:`,
  problemsInEnglish: "The problems are the verifier's text, the same as sopu audit verify prints.",
  noKey: 'No signing key is configured for this server: verify the export with sopu audit verify.',
  checkAlso:
    "This verification trusts the server's key. To verify independently: export the record and run sopu audit verify with the published fingerprint and the messages the parties kept (--witness).",
  heads: 'Signed heads',
  headsSummary: (count, last) => `${count} signed heads${last ? `, the latest at line ${last}` : ''}.`,
  columns: {
    seq: 'Line',
    time: 'Time',
    actor: 'By',
    action: 'Event',
    fields: 'Details',
    reason: 'Reason',
    key: 'Key',
    root: 'Merkle root',
    workflow: 'Workflow',
    event: 'Event',
  },
  filter: 'Filter',
  action: 'Event',
  party: 'Party',
  contains: 'Contains',
  all: 'All',
  shown: (from, to, all) => (all ? `Lines ${from}–${to} of ${all}` : 'No lines'),
  previous: 'Previous',
  next: 'Next',
  engineNote:
    "The events of Temporal's histories: what the workflows did. The ledger tells the same as the record's events; the verification compares them.",
  engineGone: 'The histories are not archived yet, and Temporal does not answer.',
  mail: { recipient: 'Recipient or publisher', kind: 'Kind', subject: 'Subject', attempts: (n) => `${n} attempts` },
  actions: {
    'cycle.started': 'Negotiation started',
    'cycle.phase': 'Phase changed',
    'phase.closed': 'Phase closed',
    'phase.deadline_extended': "Phase's deadline extended",
    'task.open': 'Task opened',
    'task.answered': 'Task answered',
    'task.overdue': 'Task overdue',
    'task.no_response': 'No response',
    'task.cancelled': 'Task cancelled',
    'task.deadline_extended': "Task's deadline extended",
    'task.answer': 'Answer',
    'task.no_comments': 'No comments',
    'signoff.approved': 'Approved',
    'signoff.rejected': 'Rejected',
    'meeting.scheduled': 'Meeting set',
    'meeting.registration': 'Registration for the meeting',
    'meeting.minutes': 'Minutes recorded',
    'document.published': 'Draft published',
    'document.final': 'Final version',
    'cycle.participant_replaced': 'Participant replaced',
    'party.participant_replaced': "Party's participant replaced",
    'on_behalf.recorded': "Recorded on the party's behalf",
    'email.sent': 'Email sent',
    'email.failed': 'Email refused',
    'cycle.completed': 'Negotiation completed',
    'cycle.cancelled': 'Negotiation cancelled',
    'agreement.issued': 'Agreement issued',
    'ledger.closed': 'Ledger closed',
    'key.rotated': 'Signing key changed',
  },
  control: (name) => `Control: ${name}`,
};

export const LEDGER_WORDS: Record<Language, LedgerWords> = { fi, sv, en };

/** A ledger action as people say it; a control by its own name. */
export const actionIn = (w: LedgerWords, action: string): string =>
  w.actions[action] ?? (action.startsWith('control.') ? w.control(action.slice('control.'.length)) : action);

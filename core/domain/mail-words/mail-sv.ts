// Every word of Sopu's emails in Swedish; typed by Words, so a missing key is a compile error.
import { format, type Words } from './mail-words';

export const sv: Words = {
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
  receipt: {
    subject: 'Kvitto',
    lead: (what, at, late) =>
      `${what}: mottaget och registrerat ${at}${late ? ' (efter tidsfristen)' : ''}. Spara detta meddelande som kvitto.`,
  },
  witness: (lines, root, signedAt, ownLine) =>
    `Förhandlingens register hade ${lines} rader när detta meddelande skickades, undertecknat ${signedAt}, Merkle-rot ${root}.${ownLine ? ` Er registrering är rad ${ownLine}.` : ''} Bilagan sopu-witness.json bevisar detta: vem som helst kan senare visa med den att registret inte har ändrats (sopu audit verify --witness).`,
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
    receiptId: 'Kvittots id',
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

// Every word of Sopu's emails in Finnish; typed by Words, so a missing key is a compile error.
import { format, type Words } from './mail-words';

export const fi: Words = {
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
  receipt: {
    subject: 'Kuittaus',
    lead: (what, at, late) =>
      `${what}: vastaanotettu ja kirjattu ${at}${late ? ' (määräajan jälkeen)' : ''}. Säilyttäkää tämä viesti kuittauksena.`,
  },
  witness: (lines, root, signedAt, ownLine) =>
    `Neuvottelun tallenne oli tämän viestin lähtiessä ${lines} riviä, allekirjoitettu ${signedAt}, Merkle-juuri ${root}.${ownLine ? ` Kirjauksenne on rivi ${ownLine}.` : ''} Liite sopu-witness.json todistaa tämän: kuka tahansa voi myöhemmin osoittaa sillä, ettei tallennetta ole muutettu (sopu audit verify --witness).`,
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
    receiptId: 'Kuittauksen tunniste',
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

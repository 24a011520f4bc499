// Words of the secretariat's, the auditor's and the compliance pages in Finnish, Swedish and English. Codes (statuses,
// phases, outcomes) are shown in words, never as stored; outcome names are the emails' own.
import { WORDS as MAIL_WORDS } from '../../core/domain/words';
import type { AnnualHeld, TermStatus } from '../../db/compliance';
import type { CycleKind, CyclePhase, Decision, GoalStatus, Language, Outcome, TaskStatus } from '../../core/contracts';
import { STATUS_WORDS } from '../follow-up';

export const CONTROLS = [
  'publish-draft',
  'close-phase',
  'extend',
  'schedule-meeting',
  'record-minutes',
  'start-sign-off',
  'replace-participant',
  'record',
  'cancel',
] as const;
export type Control = (typeof CONTROLS)[number];

export interface StaffWords {
  nav: { cycles: string; compliance: string; signOut: string; language: string; main: string };
  signIn: {
    heading: string;
    email: string;
    password: string;
    noAccounts: string;
    throttled: (minutes: number) => string;
    wrong: string;
  };
  forbidden: { heading: string; text: (role: string) => string };
  notFound: { heading: string; noCycle: string };
  /** Pages of the server's own errors, for anyone (participants too: the language of a link they followed). */
  error: {
    heading: (status: number) => string;
    forbidden: string;
    tooLarge: string;
    tooMany: string;
    server: (errorId: string) => string;
    notUnderstood: string;
  };
  /** A phase key (`preparation`, `round-2`, `meeting`, `signoff`) as people name it. */
  phaseKey: (key: string) => string;
  cyclePhase: Record<CyclePhase, string>;
  kind: Record<CycleKind, string>;
  task: Record<TaskStatus | Decision, string> & { late: string; stillOpen: string };
  outcome: Record<Outcome, string>;
  goalStatus: Record<GoalStatus, string>;
  list: {
    heading: string;
    cycle: string;
    kind: string;
    period: string;
    phase: string;
    outcome: string;
    started: string;
    start: string;
    file: string;
    startButton: string;
    noFile: string;
    notYamlOrJson: string;
    confirmStart: (title: string) => string;
    mailsAtStart: (cycleId: string, people: number, parties: number) => string;
    yesStart: string;
    backToList: string;
    fileProblems: string;
    /** Schedules whose last run could not start its negotiation. */
    failing: string;
    failingLine: (schedule: string, at: string, missing: number, told: string) => string;
    nobodyTold: string;
  };
  cycle: {
    cycle: string;
    phase: string;
    open: (phase: string) => string;
    deadline: string;
    draft: (version: number) => string;
    final: string;
    outcome: string;
    agreement: string;
    answersShown: string;
    afterPhase: string;
    secretariatOnly: string;
    agenda: string;
    timeline: string;
    parties: string;
    party: string;
    stillOpenLegend: string;
    lateMail: string;
    lateMailText: (count: number, minutes: number) => string;
    since: string;
    refusedMail: string;
    secretariat: string;
    none: string;
    controls: string;
  };
  controls: {
    legend: Record<Control, string>;
    done: Record<Control, string>;
    yes: Record<Control, string>;
    reason: string;
    draftTitle: string;
    draftFile: string;
    openPhase: (phase: string) => string;
    party: string;
    allParties: string;
    workingDays: string;
    startsAt: string;
    place: string;
    link: string;
    attendees: string;
    items: string;
    finalVersion: string;
    noMeeting: string;
    currentEmail: string;
    newName: string;
    newEmail: string;
    role: string;
    roles: Record<'contact' | 'signatory' | 'member', string>;
    what: string;
    whatKinds: Record<'answer' | 'no-comments' | 'approve' | 'reject', string>;
    recordText: string;
    backToCycle: string;
    confirm: (heading: string) => string;
    refused: string;
    notConfirmed: (control: string, requestId: string) => string;
    noDraftFile: string;
    meetingStart: string;
  };
  answers: {
    heading: string;
    phaseNav: string;
    itemNav: string;
    everyItem: string;
    download: string;
    everyAnswer: string;
    goalsRegister: string;
    followUp: string;
    page: string;
    summary: string;
    earlier: (n: number) => string;
    noneIn: (phase: string) => string;
    goalColumns: Record<
      | 'goal'
      | 'measure'
      | 'indicator'
      | 'baseline'
      | 'target'
      | 'targetYear'
      | 'responsible'
      | 'partyPerson'
      | 'countyPerson',
      string
    >;
    marks: { noComments: string; late: string; onBehalf: (by: string) => string };
  };
  meeting: {
    heading: string;
    minutes: string;
    recordedBy: (who: string, when: string) => string;
    attendees: string;
    name: string;
    role: string;
    organisation: string;
    from: string;
    fromMinutes: string;
    fromRegistration: string;
  };
  followUp: {
    title: (county: string) => string;
    heading: (county: string) => string;
    lead: string;
    download: string;
    party: string;
    setIn: string;
    item: string;
    goal: string;
    indicator: string;
    followUp: string;
    notReported: string;
    none: string;
  };
  audit: {
    heading: (title: string) => string;
    filter: string;
    source: string;
    all: string;
    sources: Record<'audit' | 'email' | 'document' | 'history', string>;
    contains: string;
    shown: (shown: number, all: number) => string;
    time: string;
    who: string;
    what: string;
    detail: string;
    attempts: (n: number) => string;
  };
  compliance: {
    heading: string;
    show: string;
    term: string;
    year: string;
    county: string;
    countyColumn: string;
    party: string;
    termColumn: (term: string) => string;
    decision: string;
    yearColumn: (year: number) => string;
    answered: string;
    signedOff: string;
    overdue: string;
    supplementary: string;
    yes: string;
    no: string;
    termStatus: Record<TermStatus, string>;
    held: Record<AnnualHeld, string>;
    note: string;
    /** The ministries' (§13 a), Helsinki–HUS (§6(5)) and theme negotiations of the year. */
    others: (year: number) => string;
    ministry: string;
    hus: string;
    themes: (n: number) => string;
    notStarted: string;
  };
}

const en: StaffWords = {
  nav: { cycles: 'Cycles', compliance: 'Compliance', signOut: 'Sign out', language: 'Language', main: 'Main' },
  signIn: {
    heading: 'Sign in',
    email: 'Email',
    password: 'Password',
    noAccounts: 'No accounts are configured: set SOPU_USERS (see README).',
    throttled: (m) => `Too many failed sign-ins; try again in ${m} minutes.`,
    wrong: 'Wrong email or password.',
  },
  forbidden: { heading: 'Forbidden', text: (role) => `Your role (${role}) cannot do this.` },
  notFound: { heading: 'Not found', noCycle: 'No such cycle.' },
  error: {
    heading: (status) => `Error ${status}`,
    forbidden: 'Forbidden.',
    tooLarge: 'The upload is too large.',
    tooMany: 'Too many requests; try again in a minute.',
    server: (id) =>
      `Something went wrong on the server (error ${id}). If you were sending something, check whether it was recorded before sending it again.`,
    notUnderstood: 'The request was not understood.',
  },
  phaseKey: (key) =>
    key === 'preparation'
      ? 'preparation'
      : key === 'meeting'
        ? 'meeting'
        : key === 'signoff'
          ? 'sign-off'
          : key.replace(/^round-(\d+)$/, 'consultation round $1'),
  cyclePhase: {
    preparation: 'preparation',
    consultation: 'consultation',
    meeting: 'meeting',
    signoff: 'sign-off',
    completed: 'completed',
    cancelled: 'cancelled',
  },
  kind: {
    term: 'council term (611/2021 §14)',
    annual: 'annual (612/2021 §7)',
    hus: 'Helsinki–HUS (612/2021 §6(5))',
    ministry: 'with the ministries (611/2021 §13 a)',
    theme: 'theme',
  },
  task: {
    open: 'open',
    overdue: 'overdue',
    answered: 'answered',
    no_response: 'no response',
    cancelled: 'cancelled',
    approved: 'approved',
    rejected: 'rejected',
    late: 'late',
    stillOpen: 'still takes answers',
  },
  outcome: MAIL_WORDS.en.outcome,
  goalStatus: STATUS_WORDS.en,
  list: {
    heading: 'Negotiation cycles',
    cycle: 'Cycle',
    kind: 'Kind',
    period: 'Period',
    phase: 'Phase',
    outcome: 'Outcome',
    started: 'Started',
    start: 'Start a cycle',
    file: 'Cycle file (YAML or JSON)',
    startButton: 'Start',
    noFile: 'Choose a cycle file.',
    notYamlOrJson: 'The cycle file must be YAML or JSON (.yaml, .yml, .json).',
    confirmStart: (title) => `start ${title}`,
    mailsAtStart: (id, people, parties) =>
      `Starting cycle ${id} mails ${people} people in ${parties} parties their first task.`,
    yesStart: 'Yes, start the cycle',
    backToList: 'No, back to the cycles',
    fileProblems: 'The cycle file was not accepted',
    failing: 'Scheduled negotiations that did not start',
    failingLine: (schedule, at, missing, told) =>
      `${schedule}: its run of ${at} did not start (${missing} missing in the directory); ${told}`,
    nobodyTold: 'nobody could be told',
  },
  cycle: {
    cycle: 'Cycle',
    phase: 'Phase',
    open: (phase) => `${phase} open`,
    deadline: 'Deadline',
    draft: (v) => `Draft v${v}`,
    final: 'final',
    outcome: 'Outcome',
    agreement: 'the agreement with its certificate (PDF)',
    answersShown: 'Answers shown',
    afterPhase: 'to every party once the phase has closed',
    secretariatOnly: 'to the secretariat only',
    agenda: 'Agenda',
    timeline: 'Timeline',
    parties: 'Parties and tasks',
    party: 'Party',
    stillOpenLegend: '• = still takes answers',
    lateMail: 'Mail not delivered yet',
    lateMailText: (n, m) =>
      `${n} ${n === 1 ? 'message has' : 'messages have'} waited more than ${m} minutes for the mail server; they are retried, and sent once it takes them.`,
    since: 'since',
    refusedMail: 'Refused mail',
    secretariat: 'secretariat',
    none: 'None.',
    controls: 'Controls',
  },
  controls: {
    legend: {
      'publish-draft': 'Publish a draft',
      'close-phase': 'Close the open phase',
      extend: 'Extend the deadline',
      'schedule-meeting': 'Schedule the meeting',
      'record-minutes': 'Record the minutes',
      'start-sign-off': 'Start the sign-off',
      'replace-participant': 'Replace a participant',
      record: 'Record on behalf of a party',
      cancel: 'Cancel the cycle',
    },
    done: {
      'publish-draft': 'Draft published',
      'close-phase': 'Phase closed',
      extend: 'Deadline extended',
      'schedule-meeting': 'Meeting scheduled',
      'record-minutes': 'Minutes recorded',
      'start-sign-off': 'Sign-off started',
      'replace-participant': 'Participant replaced',
      record: 'Recorded on behalf of the party',
      cancel: 'Cycle cancelled',
    },
    yes: {
      'publish-draft': 'Yes, publish the draft',
      'close-phase': 'Yes, close the phase',
      extend: 'Yes, extend the deadline',
      'schedule-meeting': 'Yes, schedule the meeting',
      'record-minutes': 'Yes, record the minutes',
      'start-sign-off': 'Yes, start the sign-off',
      'replace-participant': 'Yes, replace the participant',
      record: 'Yes, record it',
      cancel: 'Yes, cancel the cycle',
    },
    reason: 'Reason',
    draftTitle: 'Draft title',
    draftFile: 'Draft (Markdown, text, Word, OpenDocument or PDF; at most 25 MB)',
    openPhase: (phase) => `Open: ${phase}. Missing answers become "no response".`,
    party: 'Party',
    allParties: 'All parties',
    workingDays: 'Working days to add',
    startsAt: 'Starts (Helsinki time)',
    place: 'Place',
    link: 'Link',
    attendees: 'Attendees, one per line: party code; name; role; organisation',
    items: 'Agenda items, one per line: title: conclusion',
    finalVersion: 'Final version (empty: the latest draft)',
    noMeeting: 'No meeting was held: why (kept in the record)',
    currentEmail: 'Current email',
    newName: 'New name',
    newEmail: 'New email',
    role: 'Role',
    roles: { contact: 'contact', signatory: 'signatory', member: 'member' },
    what: 'What',
    whatKinds: { answer: 'Answer', 'no-comments': 'No comments', approve: 'Approval', reject: 'Rejection' },
    recordText: 'Answer, decision reference or rejection reason',
    backToCycle: 'No, back to the cycle',
    confirm: (heading) => `Confirm: ${heading}`,
    refused: 'Not done',
    notConfirmed: (c, id) =>
      `${c}: not confirmed yet (request ${id}). It may already be recorded; this page checks again every few seconds. Do not send it again.`,
    noDraftFile: 'Choose the draft file.',
    meetingStart: 'Give the meeting start as a date and time.',
  },
  answers: {
    heading: 'What the parties said',
    phaseNav: 'Phase',
    itemNav: 'Agenda item',
    everyItem: 'every item',
    download: 'Download',
    everyAnswer: 'every answer (CSV)',
    goalsRegister: 'goals register',
    followUp: "the county's follow-up report",
    page: 'page',
    summary: 'statement summary',
    earlier: (n) => `${n} earlier ${n === 1 ? 'version' : 'versions'}`,
    noneIn: (phase) => `No answers in ${phase} yet.`,
    goalColumns: {
      goal: 'Goal',
      measure: 'Measure',
      indicator: 'Indicator',
      baseline: 'Baseline',
      target: 'Target',
      targetYear: 'Year',
      responsible: 'Responsible',
      partyPerson: "Party's person",
      countyPerson: "County's person",
    },
    marks: { noComments: 'no comments', late: 'late', onBehalf: (by) => `recorded on behalf by ${by}` },
  },
  meeting: {
    heading: 'The meeting',
    minutes: 'Minutes',
    recordedBy: (who, when) => `Recorded by ${who}, ${when}`,
    attendees: 'Attendees',
    name: 'Name',
    role: 'Role',
    organisation: 'Organisation',
    from: 'From',
    fromMinutes: 'the minutes',
    fromRegistration: 'registration',
  },
  followUp: {
    title: (c) => `Follow-up, county ${c}`,
    heading: (c) => `Follow-up of goals, county ${c}`,
    lead: "Every goal the parties set in the county's cycles, with the status each reported on it since.",
    download: 'Download',
    party: 'Party',
    setIn: 'Set in',
    item: 'Agenda item',
    goal: 'Goal',
    indicator: 'Indicator and target',
    followUp: 'Follow-up',
    notReported: 'not reported yet',
    none: 'No goals recorded in this county yet.',
  },
  audit: {
    heading: (t) => `Timeline: ${t}`,
    filter: 'Filter',
    source: 'Source',
    all: 'All',
    sources: { audit: 'audit events', email: 'emails', document: 'documents', history: 'Temporal history' },
    contains: 'Contains',
    shown: (s, a) => `${s} of ${a} entries`,
    time: 'Time (Helsinki)',
    who: 'Who',
    what: 'What',
    detail: 'Detail',
    attempts: (n) => `${n} attempts`,
  },
  compliance: {
    heading: 'Compliance',
    show: 'Show',
    term: 'Council term',
    year: 'Year',
    county: 'County code (empty: all)',
    countyColumn: 'County',
    party: 'Party',
    termColumn: (t) => `Term ${t} (§14)`,
    decision: 'Decision',
    yearColumn: (y) => `${y} (§7)`,
    answered: 'Answered',
    signedOff: 'Signed off',
    overdue: 'Overdue tasks',
    supplementary: 'supplementary',
    yes: 'yes',
    no: 'no',
    termStatus: {
      not_applicable: 'not applicable',
      not_started: 'not started',
      running: 'running',
      negotiated: 'negotiated',
      agreed: 'agreed',
      not_agreed: 'not agreed',
    },
    held: { not_applicable: 'not applicable', no: 'not held', running: 'running', held: 'held' },
    note: 'Derived from the results in Postgres. Helsinki organises these services itself: §14 and §7(4) do not apply; it negotiates with HUS every year (612/2021 §6(5)). Theme negotiations are counted apart from the statutory ones.',
    others: (y) => `Other negotiations ${y}`,
    ministry: 'with the ministries (§13 a)',
    hus: 'with HUS (§6(5))',
    themes: (n) => `${n} theme ${n === 1 ? 'negotiation' : 'negotiations'}`,
    notStarted: 'not started',
  },
};

const fi: StaffWords = {
  nav: {
    cycles: 'Neuvottelut',
    compliance: 'Lakisääteisyys',
    signOut: 'Kirjaudu ulos',
    language: 'Kieli',
    main: 'Päävalikko',
  },
  signIn: {
    heading: 'Kirjaudu sisään',
    email: 'Sähköposti',
    password: 'Salasana',
    noAccounts: 'Käyttäjätilejä ei ole määritetty: aseta SOPU_USERS (ks. README).',
    throttled: (m) => `Liian monta epäonnistunutta kirjautumista; yritä uudelleen ${m} minuutin kuluttua.`,
    wrong: 'Väärä sähköposti tai salasana.',
  },
  forbidden: { heading: 'Ei oikeutta', text: (role) => `Roolisi (${role}) ei voi tehdä tätä.` },
  notFound: { heading: 'Ei löytynyt', noCycle: 'Neuvottelua ei ole.' },
  error: {
    heading: (status) => `Virhe ${status}`,
    forbidden: 'Ei oikeutta.',
    tooLarge: 'Tiedosto on liian suuri.',
    tooMany: 'Liian monta pyyntöä; yritä uudelleen minuutin kuluttua.',
    server: (id) =>
      `Palvelimella tapahtui virhe (virhe ${id}). Jos olit lähettämässä jotakin, tarkista, tallentuiko se, ennen kuin lähetät sen uudelleen.`,
    notUnderstood: 'Pyyntöä ei ymmärretty.',
  },
  phaseKey: (key) =>
    key === 'preparation'
      ? 'valmistelu'
      : key === 'meeting'
        ? 'neuvottelukokous'
        : key === 'signoff'
          ? 'hyväksyntä'
          : key.replace(/^round-(\d+)$/, 'lausuntokierros $1'),
  cyclePhase: {
    preparation: 'valmistelu',
    consultation: 'lausuntokierros',
    meeting: 'neuvottelukokous',
    signoff: 'hyväksyntä',
    completed: 'päättynyt',
    cancelled: 'peruttu',
  },
  kind: {
    term: 'valtuustokausi (611/2021 14 §)',
    annual: 'vuosittainen (612/2021 7 §)',
    hus: 'Helsinki–HUS (612/2021 6 § 5 mom.)',
    ministry: 'ministeriöiden kanssa (611/2021 13 a §)',
    theme: 'teema',
  },
  task: {
    open: 'avoinna',
    overdue: 'myöhässä',
    answered: 'vastattu',
    no_response: 'ei vastausta',
    cancelled: 'peruttu',
    approved: 'hyväksytty',
    rejected: 'hylätty',
    late: 'myöhässä',
    stillOpen: 'ottaa vielä vastauksia',
  },
  outcome: MAIL_WORDS.fi.outcome,
  goalStatus: STATUS_WORDS.fi,
  list: {
    heading: 'Neuvottelut',
    cycle: 'Neuvottelu',
    kind: 'Laji',
    period: 'Kausi',
    phase: 'Vaihe',
    outcome: 'Tulos',
    started: 'Aloitettu',
    start: 'Aloita neuvottelu',
    file: 'Neuvottelutiedosto (YAML tai JSON)',
    startButton: 'Aloita',
    noFile: 'Valitse neuvottelutiedosto.',
    notYamlOrJson: 'Neuvottelutiedoston on oltava YAML- tai JSON-tiedosto (.yaml, .yml, .json).',
    confirmStart: (title) => `aloita ${title}`,
    mailsAtStart: (id, people, parties) =>
      `Neuvottelun ${id} aloittaminen lähettää ${people} henkilölle ${parties} osapuolesta heidän ensimmäisen tehtävänsä.`,
    yesStart: 'Kyllä, aloita neuvottelu',
    backToList: 'Ei, takaisin neuvotteluihin',
    fileProblems: 'Neuvottelutiedostoa ei hyväksytty',
    failing: 'Aikataulutetut neuvottelut, jotka eivät alkaneet',
    failingLine: (schedule, at, missing, told) =>
      `${schedule}: ajo ${at} ei käynnistänyt neuvottelua (hakemistosta puuttuu ${missing} tietoa); ${told}`,
    nobodyTold: 'kenellekään ei voitu ilmoittaa',
  },
  cycle: {
    cycle: 'Neuvottelu',
    phase: 'Vaihe',
    open: (phase) => `${phase} avoinna`,
    deadline: 'Määräaika',
    draft: (v) => `Luonnos v${v}`,
    final: 'lopullinen',
    outcome: 'Tulos',
    agreement: 'sopimus ja todistus (PDF)',
    answersShown: 'Vastaukset näkyvät',
    afterPhase: 'kaikille osapuolille, kun vaihe on päättynyt',
    secretariatOnly: 'vain sihteeristölle',
    agenda: 'Asialista',
    timeline: 'Aikajana',
    parties: 'Osapuolet ja tehtävät',
    party: 'Osapuoli',
    stillOpenLegend: '• = ottaa vielä vastauksia',
    lateMail: 'Toimittamattomat viestit',
    lateMailText: (n, m) =>
      `${n} ${n === 1 ? 'viesti on' : 'viestiä on'} odottanut postipalvelinta yli ${m} minuuttia; niitä yritetään uudelleen, ja ne lähtevät, kun palvelin ottaa ne vastaan.`,
    since: 'alkaen',
    refusedMail: 'Hylätyt viestit',
    secretariat: 'sihteeristö',
    none: 'Ei yhtään.',
    controls: 'Ohjaus',
  },
  controls: {
    legend: {
      'publish-draft': 'Julkaise luonnos',
      'close-phase': 'Sulje avoin vaihe',
      extend: 'Jatka määräaikaa',
      'schedule-meeting': 'Sovi neuvottelukokous',
      'record-minutes': 'Kirjaa pöytäkirja',
      'start-sign-off': 'Aloita hyväksyntä',
      'replace-participant': 'Vaihda osallistuja',
      record: 'Kirjaa osapuolen puolesta',
      cancel: 'Peru neuvottelu',
    },
    done: {
      'publish-draft': 'Luonnos julkaistu',
      'close-phase': 'Vaihe suljettu',
      extend: 'Määräaikaa jatkettu',
      'schedule-meeting': 'Neuvottelukokous sovittu',
      'record-minutes': 'Pöytäkirja kirjattu',
      'start-sign-off': 'Hyväksyntä aloitettu',
      'replace-participant': 'Osallistuja vaihdettu',
      record: 'Kirjattu osapuolen puolesta',
      cancel: 'Neuvottelu peruttu',
    },
    yes: {
      'publish-draft': 'Kyllä, julkaise luonnos',
      'close-phase': 'Kyllä, sulje vaihe',
      extend: 'Kyllä, jatka määräaikaa',
      'schedule-meeting': 'Kyllä, sovi kokous',
      'record-minutes': 'Kyllä, kirjaa pöytäkirja',
      'start-sign-off': 'Kyllä, aloita hyväksyntä',
      'replace-participant': 'Kyllä, vaihda osallistuja',
      record: 'Kyllä, kirjaa',
      cancel: 'Kyllä, peru neuvottelu',
    },
    reason: 'Perustelu',
    draftTitle: 'Luonnoksen otsikko',
    draftFile: 'Luonnos (Markdown, teksti, Word, OpenDocument tai PDF; enintään 25 Mt)',
    openPhase: (phase) => `Avoinna: ${phase}. Puuttuvat vastaukset merkitään "ei vastausta".`,
    party: 'Osapuoli',
    allParties: 'Kaikki osapuolet',
    workingDays: 'Lisättävät työpäivät',
    startsAt: 'Alkaa (Helsingin aikaa)',
    place: 'Paikka',
    link: 'Linkki',
    attendees: 'Osallistujat, yksi riville: osapuolen koodi; nimi; rooli; organisaatio',
    items: 'Asiakohdat, yksi riville: otsikko: päätös',
    finalVersion: 'Lopullinen versio (tyhjä: viimeisin luonnos)',
    noMeeting: 'Kokousta ei pidetty: miksi (jää asiakirjoihin)',
    currentEmail: 'Nykyinen sähköposti',
    newName: 'Uusi nimi',
    newEmail: 'Uusi sähköposti',
    role: 'Rooli',
    roles: { contact: 'yhteyshenkilö', signatory: 'allekirjoittaja', member: 'jäsen' },
    what: 'Mitä',
    whatKinds: { answer: 'Vastaus', 'no-comments': 'Ei kommentoitavaa', approve: 'Hyväksyntä', reject: 'Hylkäys' },
    recordText: 'Vastaus, päätösviite tai hylkäyksen perustelu',
    backToCycle: 'Ei, takaisin neuvotteluun',
    confirm: (heading) => `Vahvista: ${heading}`,
    refused: 'Ei tehty',
    notConfirmed: (c, id) =>
      `${c}: ei vielä vahvistettu (pyyntö ${id}). Se voi olla jo kirjattu; tämä sivu tarkistaa asian muutaman sekunnin välein. Älä lähetä sitä uudelleen.`,
    noDraftFile: 'Valitse luonnostiedosto.',
    meetingStart: 'Anna kokouksen alkamispäivä ja -aika.',
  },
  answers: {
    heading: 'Mitä osapuolet sanoivat',
    phaseNav: 'Vaihe',
    itemNav: 'Asialistan kohta',
    everyItem: 'kaikki kohdat',
    download: 'Lataa',
    everyAnswer: 'kaikki vastaukset (CSV)',
    goalsRegister: 'tavoiterekisteri',
    followUp: 'hyvinvointialueen seurantaraportti',
    page: 'sivu',
    summary: 'lausuntoyhteenveto',
    earlier: (n) => `${n} ${n === 1 ? 'aiempi versio' : 'aiempaa versiota'}`,
    noneIn: (phase) => `Ei vielä vastauksia vaiheessa ${phase}.`,
    goalColumns: {
      goal: 'Tavoite',
      measure: 'Toimenpide',
      indicator: 'Mittari',
      baseline: 'Lähtötaso',
      target: 'Tavoitetaso',
      targetYear: 'Vuosi',
      responsible: 'Vastuutaho',
      partyPerson: 'Osapuolen henkilö',
      countyPerson: 'Hyvinvointialueen henkilö',
    },
    marks: { noComments: 'ei kommentoitavaa', late: 'myöhässä', onBehalf: (by) => `kirjannut puolesta ${by}` },
  },
  meeting: {
    heading: 'Neuvottelukokous',
    minutes: 'Pöytäkirja',
    recordedBy: (who, when) => `Kirjannut ${who}, ${when}`,
    attendees: 'Osallistujat',
    name: 'Nimi',
    role: 'Rooli',
    organisation: 'Organisaatio',
    from: 'Lähde',
    fromMinutes: 'pöytäkirja',
    fromRegistration: 'ilmoittautuminen',
  },
  followUp: {
    title: (c) => `Seuranta, hyvinvointialue ${c}`,
    heading: (c) => `Tavoitteiden seuranta, hyvinvointialue ${c}`,
    lead: 'Jokainen tavoite, jonka osapuolet ovat asettaneet alueen neuvotteluissa, ja tilanne, jonka kukin on siitä sen jälkeen kertonut.',
    download: 'Lataa',
    party: 'Osapuoli',
    setIn: 'Asetettu',
    item: 'Asialistan kohta',
    goal: 'Tavoite',
    indicator: 'Mittari ja tavoitetaso',
    followUp: 'Seuranta',
    notReported: 'ei vielä kerrottu',
    none: 'Alueella ei ole vielä kirjattu tavoitteita.',
  },
  audit: {
    heading: (t) => `Aikajana: ${t}`,
    filter: 'Rajaa',
    source: 'Lähde',
    all: 'Kaikki',
    sources: { audit: 'tapahtumat', email: 'sähköpostit', document: 'asiakirjat', history: 'Temporal-historia' },
    contains: 'Sisältää',
    shown: (s, a) => `${s} / ${a} merkintää`,
    time: 'Aika (Helsinki)',
    who: 'Kuka',
    what: 'Mitä',
    detail: 'Tiedot',
    attempts: (n) => `${n} yritystä`,
  },
  compliance: {
    heading: 'Lakisääteiset neuvottelut',
    show: 'Näytä',
    term: 'Valtuustokausi',
    year: 'Vuosi',
    county: 'Hyvinvointialueen koodi (tyhjä: kaikki)',
    countyColumn: 'Hyvinvointialue',
    party: 'Osapuoli',
    termColumn: (t) => `Kausi ${t} (14 §)`,
    decision: 'Päätös',
    yearColumn: (y) => `${y} (7 §)`,
    answered: 'Vastannut',
    signedOff: 'Hyväksyntä',
    overdue: 'Myöhässä olevat tehtävät',
    supplementary: 'täydentävä',
    yes: 'kyllä',
    no: 'ei',
    termStatus: {
      not_applicable: 'ei sovelleta',
      not_started: 'ei aloitettu',
      running: 'käynnissä',
      negotiated: 'neuvoteltu',
      agreed: 'sovittu',
      not_agreed: 'ei sovittu',
    },
    held: { not_applicable: 'ei sovelleta', no: 'ei pidetty', running: 'käynnissä', held: 'pidetty' },
    note: 'Johdettu PostgreSQL:n tuloksista. Helsinki järjestää palvelut itse: 14 § ja 7 §:n 4 momentti eivät koske sitä; se neuvottelee HUSin kanssa vuosittain (612/2021 6 §:n 5 mom.). Teemaneuvottelut lasketaan erikseen lakisääteisistä.',
    others: (y) => `Muut neuvottelut ${y}`,
    ministry: 'ministeriöiden kanssa (13 a §)',
    hus: 'HUSin kanssa (6 §:n 5 mom.)',
    themes: (n) => `${n} ${n === 1 ? 'teemaneuvottelu' : 'teemaneuvottelua'}`,
    notStarted: 'ei alkanut',
  },
};

const sv: StaffWords = {
  nav: {
    cycles: 'Förhandlingar',
    compliance: 'Lagstadgade förhandlingar',
    signOut: 'Logga ut',
    language: 'Språk',
    main: 'Huvudmeny',
  },
  signIn: {
    heading: 'Logga in',
    email: 'E-post',
    password: 'Lösenord',
    noAccounts: 'Inga användarkonton har konfigurerats: ange SOPU_USERS (se README).',
    throttled: (m) => `För många misslyckade inloggningar; försök igen om ${m} minuter.`,
    wrong: 'Fel e-postadress eller lösenord.',
  },
  forbidden: { heading: 'Ingen behörighet', text: (role) => `Din roll (${role}) kan inte göra detta.` },
  notFound: { heading: 'Hittades inte', noCycle: 'Förhandlingen finns inte.' },
  error: {
    heading: (status) => `Fel ${status}`,
    forbidden: 'Ingen behörighet.',
    tooLarge: 'Filen är för stor.',
    tooMany: 'För många förfrågningar; försök igen om en minut.',
    server: (id) =>
      `Ett fel inträffade på servern (fel ${id}). Om du höll på att skicka något, kontrollera om det sparades innan du skickar det på nytt.`,
    notUnderstood: 'Förfrågan förstods inte.',
  },
  phaseKey: (key) =>
    key === 'preparation'
      ? 'beredning'
      : key === 'meeting'
        ? 'förhandlingsmöte'
        : key === 'signoff'
          ? 'godkännande'
          : key.replace(/^round-(\d+)$/, 'remissrunda $1'),
  cyclePhase: {
    preparation: 'beredning',
    consultation: 'remissrunda',
    meeting: 'förhandlingsmöte',
    signoff: 'godkännande',
    completed: 'avslutad',
    cancelled: 'inställd',
  },
  kind: {
    term: 'fullmäktigeperiod (611/2021 14 §)',
    annual: 'årlig (612/2021 7 §)',
    hus: 'Helsingfors–HUS (612/2021 6 § 5 mom.)',
    ministry: 'med ministerierna (611/2021 13 a §)',
    theme: 'tema',
  },
  task: {
    open: 'öppen',
    overdue: 'försenad',
    answered: 'besvarad',
    no_response: 'inget svar',
    cancelled: 'inställd',
    approved: 'godkänd',
    rejected: 'förkastad',
    late: 'försenat',
    stillOpen: 'tar ännu emot svar',
  },
  outcome: MAIL_WORDS.sv.outcome,
  goalStatus: STATUS_WORDS.sv,
  list: {
    heading: 'Förhandlingar',
    cycle: 'Förhandling',
    kind: 'Typ',
    period: 'Period',
    phase: 'Skede',
    outcome: 'Resultat',
    started: 'Inledd',
    start: 'Inled en förhandling',
    file: 'Förhandlingsfil (YAML eller JSON)',
    startButton: 'Inled',
    noFile: 'Välj en förhandlingsfil.',
    notYamlOrJson: 'Förhandlingsfilen ska vara en YAML- eller JSON-fil (.yaml, .yml, .json).',
    confirmStart: (title) => `inled ${title}`,
    mailsAtStart: (id, people, parties) =>
      `När förhandlingen ${id} inleds får ${people} personer i ${parties} parter sin första uppgift per e-post.`,
    yesStart: 'Ja, inled förhandlingen',
    backToList: 'Nej, tillbaka till förhandlingarna',
    fileProblems: 'Förhandlingsfilen godtogs inte',
    failing: 'Schemalagda förhandlingar som inte började',
    failingLine: (schedule, at, missing, told) =>
      `${schedule}: körningen ${at} startade ingen förhandling (${missing} uppgifter saknas i katalogen); ${told}`,
    nobodyTold: 'ingen kunde underrättas',
  },
  cycle: {
    cycle: 'Förhandling',
    phase: 'Skede',
    open: (phase) => `${phase} öppen`,
    deadline: 'Tidsfrist',
    draft: (v) => `Utkast v${v}`,
    final: 'slutlig',
    outcome: 'Resultat',
    agreement: 'avtalet och intyget (PDF)',
    answersShown: 'Svaren syns',
    afterPhase: 'för alla parter när skedet har avslutats',
    secretariatOnly: 'endast för sekretariatet',
    agenda: 'Dagordning',
    timeline: 'Tidslinje',
    parties: 'Parter och uppgifter',
    party: 'Part',
    stillOpenLegend: '• = tar ännu emot svar',
    lateMail: 'E-post som ännu inte levererats',
    lateMailText: (n, m) =>
      `${n} ${n === 1 ? 'meddelande har' : 'meddelanden har'} väntat på e-postservern i mer än ${m} minuter; de försöks på nytt och skickas när servern tar emot dem.`,
    since: 'sedan',
    refusedMail: 'Avvisad e-post',
    secretariat: 'sekretariatet',
    none: 'Inga.',
    controls: 'Styrning',
  },
  controls: {
    legend: {
      'publish-draft': 'Publicera ett utkast',
      'close-phase': 'Stäng det öppna skedet',
      extend: 'Förläng tidsfristen',
      'schedule-meeting': 'Avtala förhandlingsmötet',
      'record-minutes': 'Registrera protokollet',
      'start-sign-off': 'Inled godkännandet',
      'replace-participant': 'Byt deltagare',
      record: 'Registrera för en parts räkning',
      cancel: 'Ställ in förhandlingen',
    },
    done: {
      'publish-draft': 'Utkastet publicerat',
      'close-phase': 'Skedet stängt',
      extend: 'Tidsfristen förlängd',
      'schedule-meeting': 'Förhandlingsmötet avtalat',
      'record-minutes': 'Protokollet registrerat',
      'start-sign-off': 'Godkännandet inlett',
      'replace-participant': 'Deltagaren bytt',
      record: 'Registrerat för partens räkning',
      cancel: 'Förhandlingen inställd',
    },
    yes: {
      'publish-draft': 'Ja, publicera utkastet',
      'close-phase': 'Ja, stäng skedet',
      extend: 'Ja, förläng tidsfristen',
      'schedule-meeting': 'Ja, avtala mötet',
      'record-minutes': 'Ja, registrera protokollet',
      'start-sign-off': 'Ja, inled godkännandet',
      'replace-participant': 'Ja, byt deltagare',
      record: 'Ja, registrera',
      cancel: 'Ja, ställ in förhandlingen',
    },
    reason: 'Motivering',
    draftTitle: 'Utkastets rubrik',
    draftFile: 'Utkast (Markdown, text, Word, OpenDocument eller PDF; högst 25 MB)',
    openPhase: (phase) => `Öppet: ${phase}. Saknade svar blir "inget svar".`,
    party: 'Part',
    allParties: 'Alla parter',
    workingDays: 'Arbetsdagar att lägga till',
    startsAt: 'Börjar (Helsingforstid)',
    place: 'Plats',
    link: 'Länk',
    attendees: 'Deltagare, en per rad: partens kod; namn; roll; organisation',
    items: 'Ärenden, ett per rad: rubrik: beslut',
    finalVersion: 'Slutlig version (tom: det senaste utkastet)',
    noMeeting: 'Inget möte hölls: varför (sparas i handlingarna)',
    currentEmail: 'Nuvarande e-post',
    newName: 'Nytt namn',
    newEmail: 'Ny e-post',
    role: 'Roll',
    roles: { contact: 'kontaktperson', signatory: 'undertecknare', member: 'medlem' },
    what: 'Vad',
    whatKinds: { answer: 'Svar', 'no-comments': 'Inget att kommentera', approve: 'Godkännande', reject: 'Förkastande' },
    recordText: 'Svar, beslutshänvisning eller motivering till förkastandet',
    backToCycle: 'Nej, tillbaka till förhandlingen',
    confirm: (heading) => `Bekräfta: ${heading}`,
    refused: 'Inte gjort',
    notConfirmed: (c, id) =>
      `${c}: ännu inte bekräftat (begäran ${id}). Det kan redan vara registrerat; sidan kontrollerar saken med några sekunders mellanrum. Skicka det inte på nytt.`,
    noDraftFile: 'Välj utkastfilen.',
    meetingStart: 'Ange mötets början som datum och klockslag.',
  },
  answers: {
    heading: 'Vad parterna sade',
    phaseNav: 'Skede',
    itemNav: 'Punkt på dagordningen',
    everyItem: 'alla punkter',
    download: 'Ladda ner',
    everyAnswer: 'alla svar (CSV)',
    goalsRegister: 'målregister',
    followUp: 'välfärdsområdets uppföljningsrapport',
    page: 'sida',
    summary: 'sammanställning av utlåtanden',
    earlier: (n) => `${n} ${n === 1 ? 'tidigare version' : 'tidigare versioner'}`,
    noneIn: (phase) => `Inga svar ännu i skedet ${phase}.`,
    goalColumns: {
      goal: 'Mål',
      measure: 'Åtgärd',
      indicator: 'Indikator',
      baseline: 'Utgångsläge',
      target: 'Målnivå',
      targetYear: 'År',
      responsible: 'Ansvarig',
      partyPerson: 'Partens person',
      countyPerson: 'Välfärdsområdets person',
    },
    marks: {
      noComments: 'inget att kommentera',
      late: 'försenat',
      onBehalf: (by) => `registrerat för partens räkning av ${by}`,
    },
  },
  meeting: {
    heading: 'Förhandlingsmötet',
    minutes: 'Protokoll',
    recordedBy: (who, when) => `Registrerat av ${who}, ${when}`,
    attendees: 'Deltagare',
    name: 'Namn',
    role: 'Roll',
    organisation: 'Organisation',
    from: 'Källa',
    fromMinutes: 'protokollet',
    fromRegistration: 'anmälan',
  },
  followUp: {
    title: (c) => `Uppföljning, välfärdsområde ${c}`,
    heading: (c) => `Uppföljning av mål, välfärdsområde ${c}`,
    lead: 'Varje mål som parterna har satt i områdets förhandlingar, med det läge var och en har angett sedan dess.',
    download: 'Ladda ner',
    party: 'Part',
    setIn: 'Satt',
    item: 'Punkt på dagordningen',
    goal: 'Mål',
    indicator: 'Indikator och målnivå',
    followUp: 'Uppföljning',
    notReported: 'inte angett ännu',
    none: 'Inga mål har ännu registrerats i området.',
  },
  audit: {
    heading: (t) => `Tidslinje: ${t}`,
    filter: 'Avgränsa',
    source: 'Källa',
    all: 'Alla',
    sources: { audit: 'händelser', email: 'e-post', document: 'handlingar', history: 'Temporal-historik' },
    contains: 'Innehåller',
    shown: (s, a) => `${s} av ${a} poster`,
    time: 'Tid (Helsingfors)',
    who: 'Vem',
    what: 'Vad',
    detail: 'Detaljer',
    attempts: (n) => `${n} försök`,
  },
  compliance: {
    heading: 'Lagstadgade förhandlingar',
    show: 'Visa',
    term: 'Fullmäktigeperiod',
    year: 'År',
    county: 'Välfärdsområdets kod (tom: alla)',
    countyColumn: 'Välfärdsområde',
    party: 'Part',
    termColumn: (t) => `Period ${t} (14 §)`,
    decision: 'Beslut',
    yearColumn: (y) => `${y} (7 §)`,
    answered: 'Svarat',
    signedOff: 'Godkännande',
    overdue: 'Försenade uppgifter',
    supplementary: 'kompletterande',
    yes: 'ja',
    no: 'nej',
    termStatus: {
      not_applicable: 'tillämpas inte',
      not_started: 'inte inledd',
      running: 'pågår',
      negotiated: 'förhandlad',
      agreed: 'överenskommen',
      not_agreed: 'ingen överenskommelse',
    },
    held: { not_applicable: 'tillämpas inte', no: 'inte hållen', running: 'pågår', held: 'hållen' },
    note: 'Härlett ur resultaten i PostgreSQL. Helsingfors ordnar tjänsterna själv: 14 § och 7 § 4 mom. gäller inte staden; den förhandlar årligen med HUS (612/2021 6 § 5 mom.). Temaförhandlingar räknas skilt från de lagstadgade.',
    others: (y) => `Andra förhandlingar ${y}`,
    ministry: 'med ministerierna (13 a §)',
    hus: 'med HUS (6 § 5 mom.)',
    themes: (n) => `${n} ${n === 1 ? 'temaförhandling' : 'temaförhandlingar'}`,
    notStarted: 'började inte',
  },
};

export const STAFF_WORDS: Record<Language, StaffWords> = { fi, sv, en };

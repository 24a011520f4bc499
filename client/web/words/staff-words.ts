// Words of the secretariat's, the auditor's and the compliance pages in Finnish, Swedish and English. Codes (statuses,
// phases, outcomes) are shown in words, never as stored; outcome names are the emails' own.
import type { AnnualHeld, TermStatus } from '../../../db/compliance';
import type { ControlName } from '../../../core/requests';
import type {
  CycleKind,
  CyclePhase,
  Decision,
  GoalStatus,
  Outcome,
  StaffRole,
  TaskStatus,
} from '../../../core/contracts';

export interface StaffWords {
  nav: {
    cycles: string;
    compliance: string;
    directory: string;
    calendar: string;
    signOut: string;
    language: string;
    main: string;
  };
  /** A staff member's role, as the header and a refusal name it. */
  roles: Record<StaffRole, string>;
  signIn: {
    heading: string;
    email: string;
    password: string;
    noAccounts: string;
    throttled: (minutes: number) => string;
    wrong: string;
    withProvider: (provider: string) => string;
    orLocal: string;
    noGroup: (provider: string) => string;
    providerRefused: (provider: string) => string;
    tryAgain: string;
    continue: string;
  };
  forbidden: { heading: string; text: (role: string) => string };
  /** The staff's sign-ins, sign-outs and refusals, for auditors. */
  signIns: {
    nav: string;
    heading: string;
    when: string;
    who: string;
    what: string;
    events: Record<'signed-in' | 'signed-out' | 'refused', string>;
    reasons: Record<string, string>;
    provider: string;
    address: string;
    scope: string;
    everyCounty: string;
  };
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
    /** A cycle file of a county outside the reader's scope. */
    notYourCounty: (county: string) => string;
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
    /** A cycle started to begin on a later day, before it has. */
    startsLater: (id: string, date: string) => string;
    /** The cycle does not answer just now (its worker is down or behind). */
    notAnswering: string;
  };
  controls: {
    /** What is wrong with a field of a refused request, by the kind of issue (core/requests/check.ts). */
    problem: { required: string; tooLong: string; oneLine: string; invalid: string };
    checkFields: (fields: string) => string;
    /** Labels of the fields a control's derived form shows, by the request's key (core/requests/fields.ts); also how a
     * refusal names a field (`form` for the request as a whole). */
    fields: Record<string, string> & { form: string };
    legend: Record<ControlName, string>;
    done: Record<ControlName, string>;
    yes: Record<ControlName, string>;
    reason: string;
    draftTitle: string;
    draftFile: string;
    openPhase: (phase: string) => string;
    party: string;
    allParties: string;
    workingDays: string;
    startsAt: string;
    meetingDate: string;
    meetingTime: string;
    dateHint: string;
    timeHint: string;
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
    /** Said on a cycle just started whose parties' first tasks are not all open yet. */
    tasksOpening: (open: number, of: number) => string;
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
      | 'countyPerson'
      | 'thlIndicator',
      string
    >;
    marks: { noComments: string; late: string; onBehalf: (by: string) => string };
  };
  meeting: {
    time: string;
    place: string;
    link: string;
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
    /** The goals as charts, with THL's figures beside the parties' own. */
    charts: string;
    chartsLead: string;
    partyFilter: string;
    allParties: string;
    show: string;
    /** Many goals: the charts of one party at a time unless all are asked for. */
    oneParty: (count: number) => string;
    /** The chart's figures as a table, under its summary. */
    figures: string;
    overview: string;
    thl: {
      fetched: (at: string) => string;
      failed: (tried: string, last: string | null) => string;
      never: string;
      off: string;
      fetchNow: string;
      started: string;
      notStarted: string;
    };
  };
  goalsOverview: {
    title: (county: string) => string;
    lead: string;
    municipality: string;
    goals: string;
    back: string;
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
    /** Why, in words: a schedule's problems are the cycle definition's own sentences. */
    why: {
      neverStarted: string;
      notAParty: (cycleId: string) => string;
      scheduleMissing: (problems: string) => string;
      partial: (tookPart: number, of: number, leftOut: string) => string;
    };
  };
}

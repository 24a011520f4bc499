// Words of the participant pages in Finnish, Swedish and English. Task names and labels are shared with the emails.
import type { Words as MailWords } from '../../../core/domain/words';
import type { DocumentWords } from '../document-view';

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
  'thlIndicator',
] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export interface PageWords {
  /** A phase as people name it. */
  phase: (key: string) => string;
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
  /** Choosing a goal's THL indicator from the catalogue Sopu keeps of THL's indicator bank (Sotkanet). */
  thl: {
    heading: string;
    hint: string;
    search: string;
    searchButton: string;
    number: string;
    title: string;
    suggested: string;
    found: (query: string) => string;
    noneFound: (query: string) => string;
    noCatalogue: string;
    chosen: (title: string) => string;
    unknown: string;
    prefilled: (year: number) => string;
    /** Beside a reported value: THL's latest figure for the municipality. */
    latest: (value: string, year: number) => string;
    fetching: string;
  };
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
  /** The act's place in the signed record, and the file that proves it. */
  witness: (line: number, lines: number, signedAt: string) => string;
  downloadWitness: string;
  back: string;
  refused: string;
  /** A form sent on another task's link: refused, nothing recorded. */
  foreignForm: string;
  errors: Record<string, string> & { InvalidRequest: string; Unknown: string };
  language: string;
}

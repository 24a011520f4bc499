// What needs doing now in a cycle, read from its state: parties overdue, parties still to answer, mail not delivered,
// requests not confirmed yet, deadlines and the meeting within five working days, and the phase's next step with the
// control that takes it. Pure: the cycle page and the list of cycles say the same of a cycle.
import { DateTime } from 'luxon';
import { TIME_ZONE, type CycleStatus } from '../core/contracts';
import type { ControlName } from '../core/requests';
import { workingDaysBetween } from '../core/domain/working-days';

/** How far ahead a deadline or the meeting is worth saying. */
export const SOON_WORKING_DAYS = 5;

export type NextStep =
  | 'closePhase'
  | 'publishDraft'
  | 'scheduleMeeting'
  | 'holdMeeting'
  | 'recordMinutes'
  | 'startSignOff'
  | 'awaitAnswers'
  | 'awaitSignOffs';

export type Todo =
  | { key: 'overdue'; parties: string[] }
  | { key: 'waiting'; phaseKey: string; answered: number; of: number }
  | { key: 'undelivered'; count: number }
  | { key: 'notConfirmed'; control: ControlName; requestId: string }
  | { key: 'deadline'; phaseKey: string; at: string }
  | { key: 'meeting'; at: string }
  | { key: 'next'; step: NextStep; control: ControlName | null };

/** The next step's control, when a control takes it (waiting takes none). */
const CONTROL: Record<NextStep, ControlName | null> = {
  closePhase: 'closePhase',
  publishDraft: 'publishDraft',
  scheduleMeeting: 'scheduleMeeting',
  // The form to use once the meeting is over.
  holdMeeting: 'recordMinutes',
  recordMinutes: 'recordMinutes',
  startSignOff: 'startSignOff',
  awaitAnswers: null,
  awaitSignOffs: null,
};

/** What the list of what needs doing is read from: a cycle's state as Temporal reports it (CycleStatus), or as the
 * record's tables hold it (db/read-models/cycle-facts.ts). */
export interface TodoFacts {
  phase: CycleStatus['phase'];
  openPhaseKey: string | null;
  deadlines: Record<string, { nominal: string }>;
  parties: {
    name: string;
    tasks: Record<string, { status: CycleStatus['parties'][number]['tasks'][string]['status'] } | undefined>;
  }[];
  meeting: { startsAt: string } | null;
  minutesRecorded: boolean;
  documents: { length: number };
}

function nextStep(status: TodoFacts, now: Date, open: number): NextStep {
  const { phase, openPhaseKey, meeting, minutesRecorded, documents } = status;
  if (phase === 'signoff') return 'awaitSignOffs';
  if (phase === 'meeting' && !minutesRecorded)
    return meeting && Date.parse(meeting.startsAt) > now.getTime() ? 'holdMeeting' : 'recordMinutes';
  if (phase === 'meeting') return 'startSignOff';
  if (openPhaseKey) return open ? 'awaitAnswers' : 'closePhase';
  if (!documents.length) return 'publishDraft';
  return meeting ? 'startSignOff' : 'scheduleMeeting';
}

export function todosOf(
  status: TodoFacts,
  undelivered: number,
  now = new Date(),
  notConfirmed: { control: ControlName; requestId: string }[] = [],
): Todo[] {
  if (status.phase === 'completed' || status.phase === 'cancelled') return [];
  const todos: Todo[] = [];
  const key = status.openPhaseKey;
  const tasks = key ? status.parties.flatMap((p) => (p.tasks[key] ? [{ party: p, task: p.tasks[key]! }] : [])) : [];
  const overdue = tasks.filter(({ task }) => task.status === 'overdue').map(({ party }) => party.name);
  if (overdue.length) todos.push({ key: 'overdue', parties: overdue });
  const open = tasks.filter(({ task }) => task.status === 'open' || task.status === 'overdue').length;
  if (key && tasks.length)
    todos.push({ key: 'waiting', phaseKey: key, answered: tasks.length - open, of: tasks.length });
  if (undelivered) todos.push({ key: 'undelivered', count: undelivered });
  for (const { control, requestId } of notConfirmed) todos.push({ key: 'notConfirmed', control, requestId });
  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE });
  const soon = (iso: string) => {
    const at = DateTime.fromISO(iso, { zone: TIME_ZONE });
    return at.toMillis() >= now.getTime() && workingDaysBetween(today, at) <= SOON_WORKING_DAYS;
  };
  const deadline = key ? status.deadlines[key] : undefined;
  if (deadline && soon(deadline.nominal)) todos.push({ key: 'deadline', phaseKey: key!, at: deadline.nominal });
  if (status.meeting && !status.minutesRecorded && soon(status.meeting.startsAt))
    todos.push({ key: 'meeting', at: status.meeting.startsAt });
  const step = nextStep(status, now, open);
  todos.push({ key: 'next', step, control: CONTROL[step] });
  return todos;
}

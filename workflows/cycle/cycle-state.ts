// The cycle workflow's state and the rules that say which control is allowed when.
import {
  ErrorType,
  MAX_ROUNDS,
  partyWorkflowId,
  taskId,
  type CycleInput,
  type CyclePhase,
  type CycleStatus,
  type Deadline,
  type DocumentRef,
  type MailFailure,
  type MeetingInfo,
  type NotPossibleWhen,
  type Outcome,
  type ParticipantInput,
  type PartySummary,
  type Position,
  type TaskKind,
  type TaskReport,
} from '../../core/contracts';
import { reject } from '../validation';
import type { ControlName } from '../../core/requests';

/** A control by its declared name (core/requests/cycle-controls.ts). */
export type Control = ControlName;

/** What the validator-only rules read of a control's request. */
export interface Guarded {
  confirm?: boolean;
  startsAt?: string;
  noMeetingReason?: string;
  attendees?: { partyCode: string }[];
  documentVersion?: number;
}

/** Controls that close the open phase's tasks (or end the cycle) and so need `confirm: true` when any is unanswered. */
const CLOSES_TASKS: Control[] = ['publishDraft', 'closePhase', 'scheduleMeeting', 'startSignOff', 'cancel'];

export class CycleState {
  phase: CyclePhase = 'preparation';
  openPhaseKey: string | null = null;
  round = 0;
  /** Cycle-wide deadlines by phase key; `partyDeadlines` holds per-party extensions, by `<phaseKey>/<party>`. */
  readonly deadlines: Record<string, Deadline> = {};
  readonly partyDeadlines: Record<string, Deadline> = {};
  readonly documents: DocumentRef[] = [];
  meeting: MeetingInfo | null = null;
  minutesRecorded = false;
  finalDocument: DocumentRef | null = null;
  outcome: Outcome | null = null;
  cancelReason: string | null = null;
  readonly mailFailures: MailFailure[] = [];
  ended = false;
  phaseChanges = 0;
  readonly parties: Map<string, PartySummary>;
  readonly participants: Map<string, (ParticipantInput & { active: boolean })[]>;
  private lock: Promise<unknown> = Promise.resolve();

  /** `epoch`: the cycle's start, origin of its planning calendar (an accelerated clock runs from it). */
  constructor(
    readonly input: CycleInput,
    readonly epoch: string | null = null,
  ) {
    this.parties = new Map(
      input.parties.map((p) => [
        p.code,
        {
          code: p.code,
          name: p.name,
          kind: p.kind,
          workflowId: partyWorkflowId(input.cycleId, p.code),
          tasks: {},
          finished: false,
        },
      ]),
    );
    this.participants = new Map(
      input.parties.map((p) => [p.code, p.participants.map((person) => ({ ...person, active: true }))]),
    );
  }

  /** Controls and automatic phase changes run one at a time, in the order they arrive. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work);
    this.lock = next.catch(() => undefined);
    return next;
  }

  applyReport(report: TaskReport): void {
    const party = this.parties.get(report.partyCode);
    const known = party?.tasks[report.phaseKey];
    if (!party || (known && known.seq >= report.seq)) return;
    // A task the cycle closed stays closed: a report sent before the party heard of it does not reopen it.
    const stillOpen = report.status === 'open' || report.status === 'overdue';
    party.tasks[report.phaseKey] =
      known?.closed && !report.closed
        ? { ...report, closed: true, status: stillOpen ? known.status : report.status }
        : report;
  }

  /** The cycle opened a phase's tasks itself: each is open, as its party's first report would say. */
  openedTasks(phaseKey: string, kind: TaskKind): void {
    for (const party of this.parties.values()) {
      party.tasks[phaseKey] = {
        partyCode: party.code,
        taskId: taskId(this.input.cycleId, party.code, phaseKey),
        phaseKey,
        kind,
        status: 'open',
        late: false,
        decision: null,
        seq: 1,
        closed: false,
      };
    }
  }

  /** The cycle closes the open phase: each task ends as its party records it (the party's rule: unanswered ones
   * with no response, or cancelled). Returns the phase closed, if one was open. */
  closeOpenPhase(reason: 'phase-closed' | 'cancelled'): string | null {
    const key = this.openPhaseKey;
    this.openPhaseKey = null;
    if (!key) return null;
    for (const party of this.parties.values()) {
      const task = party.tasks[key];
      if (!task || task.closed) continue;
      const unanswered = task.status === 'open' || task.status === 'overdue';
      const status = unanswered ? (reason === 'cancelled' ? 'cancelled' : 'no_response') : task.status;
      party.tasks[key] = { ...task, status, closed: true };
    }
    return key;
  }

  deadlineFor(phaseKey: string, partyCode: string): Deadline | undefined {
    return this.partyDeadlines[`${phaseKey}/${partyCode}`] ?? this.deadlines[phaseKey];
  }

  /** When the open phase closes by itself: the latest of its deadlines' closing moments. */
  autoCloseAt(): string | null {
    const key = this.openPhaseKey;
    if (!key || !this.deadlines[key]) return null;
    const closes = [...this.parties.keys()].map((code) => Date.parse(this.deadlineFor(key, code)!.closesAt.at));
    return new Date(Math.max(...closes)).toISOString();
  }

  /** Parties whose task in the open phase still takes answers. */
  openTaskOf(partyCode: string): TaskReport | null {
    const task = this.openPhaseKey ? this.parties.get(partyCode)?.tasks[this.openPhaseKey] : undefined;
    return task && !task.closed ? task : null;
  }

  allSignedOff(): boolean {
    return (
      this.phase === 'signoff' &&
      [...this.parties.values()].every((p) => p.tasks.signoff?.decision || p.tasks.signoff?.closed)
    );
  }

  positions(): { partyCode: string; position: Position }[] {
    return [...this.parties.values()].map((p) => ({
      partyCode: p.code,
      position: p.tasks.signoff?.decision ?? 'no_response',
    }));
  }

  party(code: string): PartySummary {
    return (
      this.parties.get(code) ??
      reject(`party ${code} is not a party of this cycle`, ErrorType.unknownParty, { key: 'unknownParty', party: code })
    );
  }

  /** Now on the cycle's planning calendar: real time, unless the clock is accelerated (tests, demos), which the
   * preparation deadline's two instants reveal. */
  nominalNow(): number {
    const plan = this.deadlines.preparation;
    const epoch = this.epoch ? Date.parse(this.epoch) : NaN;
    const real = plan ? Date.parse(plan.at) - epoch : 0;
    if (!plan || !(real > 0)) return Date.now();
    return epoch + ((Date.now() - epoch) * (Date.parse(plan.nominal) - epoch)) / real;
  }

  /** Parties whose task in the open phase is still unanswered: closing the phase now records no response for them. */
  unanswered(): string[] {
    const key = this.openPhaseKey;
    if (!key) return [];
    return [...this.parties.values()]
      .filter((p) => {
        const task = p.tasks[key];
        return !task || (!task.closed && (task.status === 'open' || task.status === 'overdue'));
      })
      .map((p) => p.code);
  }

  /** Rules for new controls that keep the record true: checked in the validator only (see controls.ts). */
  guard(control: Control, request: Guarded): void {
    // Checks the handler once made only after the control was in the ledger: refused here, nothing is written.
    if (control === 'recordMinutes') for (const attendee of request.attendees ?? []) this.party(attendee.partyCode);
    if (
      control === 'startSignOff' &&
      request.documentVersion &&
      !this.documents.some((d) => d.version === request.documentVersion)
    ) {
      reject(`no draft version ${request.documentVersion}`, ErrorType.invalidRequest, {
        key: 'noDraftVersion',
        version: request.documentVersion,
      });
    }
    if (control === 'scheduleMeeting' && request.startsAt && Date.parse(request.startsAt) <= this.nominalNow()) {
      reject(`the meeting cannot be scheduled in the past (${request.startsAt})`, ErrorType.invalidRequest, {
        key: 'meetingInPast',
        startsAt: request.startsAt,
      });
    }
    if (control === 'recordMinutes' && this.meeting && Date.parse(this.meeting.startsAt) > this.nominalNow()) {
      reject(
        `the minutes can be recorded once the meeting has started (${this.meeting.startsAt})`,
        ErrorType.wrongPhase,
        { key: 'minutesBeforeMeeting', startsAt: this.meeting.startsAt },
      );
    }
    if (control === 'startSignOff' && !this.minutesRecorded && !request.noMeetingReason) {
      reject(
        'sign-off follows the minutes of the meeting; to go to sign-off without a meeting, give the reason (noMeetingReason)',
        ErrorType.wrongPhase,
        { key: 'signOffNeedsMinutes' },
      );
    }
    if (!CLOSES_TASKS.includes(control) || request.confirm) return;
    const moving = control === 'scheduleMeeting' && this.meeting !== null && this.openPhaseKey === 'meeting';
    const open = moving ? [] : this.unanswered();
    const total = this.parties.size;
    if (control === 'cancel') {
      reject(
        `cancelling ends the cycle for all ${total} parties and cannot be undone; confirm to go on`,
        ErrorType.confirmationNeeded,
        { key: 'confirmCancel', total },
      );
    }
    if (control === 'startSignOff') {
      reject(
        `starting the sign-off asks all ${total} parties to decide on the final version${open.length ? ` and closes ${this.openPhaseKey} now: ${open.length} ${open.length === 1 ? 'party has' : 'parties have'} not answered (${open.join(', ')}); their tasks close as no response` : ''}; confirm to go on`,
        ErrorType.confirmationNeeded,
        { key: 'confirmSignOff', total, phaseKey: this.openPhaseKey, open },
      );
    }
    if (open.length) {
      reject(
        `${open.length} of ${total} parties have not answered in ${this.openPhaseKey} (${open.join(', ')}); their tasks close as no response; confirm to go on`,
        ErrorType.confirmationNeeded,
        { key: 'confirmClose', total, phaseKey: this.openPhaseKey!, open },
      );
    }
  }

  /** Throws the failure a validator reports when a control does not fit the cycle's phase. */
  allow(control: Control): void {
    const phase = this.phase;
    const wrong = (why: string, when: NotPossibleWhen) =>
      reject(`${control} is not possible ${why}`, ErrorType.wrongPhase, { key: 'notPossible', when, phase });
    if (this.ended)
      wrong(
        `after the cycle has ${phase === 'cancelled' ? 'been cancelled' : 'completed'}`,
        phase === 'cancelled' ? 'cancelled' : 'completed',
      );
    switch (control) {
      case 'publishDraft':
        // A revision after the meeting (its minutes recorded) opens a round on the revised version before sign-off.
        if (phase === 'meeting' && !this.minutesRecorded)
          wrong('in the meeting phase before its minutes are recorded', 'meeting-before-minutes');
        else if (phase !== 'preparation' && phase !== 'consultation' && phase !== 'meeting')
          wrong(`in the ${phase} phase`, 'in-phase');
        if (this.round >= MAX_ROUNDS)
          reject(`a cycle has at most ${MAX_ROUNDS} consultation rounds`, ErrorType.limitReached, {
            key: 'tooManyRounds',
            max: MAX_ROUNDS,
          });
        break;
      case 'closePhase':
      case 'extendDeadline':
        if (!this.openPhaseKey) wrong('while no phase is open', 'no-open-phase');
        break;
      case 'scheduleMeeting':
        if (this.minutesRecorded) wrong('after the minutes are recorded', 'after-minutes');
        else if (phase === 'signoff') wrong('in the sign-off phase', 'in-signoff');
        break;
      case 'recordMinutes':
        if (this.minutesRecorded) wrong('twice', 'twice');
        else if (phase !== 'meeting') wrong('before a meeting is scheduled', 'before-meeting');
        break;
      case 'startSignOff':
        if (phase === 'signoff') wrong('twice', 'twice');
        if (!this.documents.length) wrong('before a draft is published', 'before-draft');
        if (phase === 'meeting' && !this.minutesRecorded)
          wrong('before the minutes of the meeting are recorded', 'before-minutes');
        break;
      case 'recordOnBehalf':
        if (!this.openPhaseKey) wrong('while no phase is open', 'no-open-phase');
        break;
      case 'replaceParticipant':
      case 'cancel':
        break;
    }
  }

  status(): CycleStatus {
    const { cycleId, kind, title, secretariat } = this.input;
    return {
      cycleId,
      kind,
      title,
      secretariat: { name: secretariat.name, email: secretariat.email },
      phase: this.phase,
      openPhaseKey: this.openPhaseKey,
      round: this.round,
      deadlines: { ...this.deadlines },
      documents: [...this.documents],
      meeting: this.meeting,
      minutesRecorded: this.minutesRecorded,
      finalDocument: this.finalDocument,
      parties: [...this.parties.values()].map((p) => ({ ...p, tasks: { ...p.tasks } })),
      outcome: this.outcome,
      cancelReason: this.cancelReason,
      mailFailures: [...this.mailFailures],
    };
  }
}

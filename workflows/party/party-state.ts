// The party workflow's state and the rules its Updates obey, apart from the orchestration so that the rules read
// (and test) on their own.
import {
  ErrorType,
  MAX_ANSWERS_PER_TASK,
  type CloseTaskSignal,
  type FileRef,
  type OpenTaskSignal,
  type Outcome,
  type ParticipantInput,
  type PartyStatus,
  type PartyWorkflowInput,
  type TaskKind,
  type TaskReport,
  type TaskState,
} from '../../core/contracts';
import { reject } from '../validation';

export interface PartyTask extends TaskState {
  /** Counts status changes, so each one gets its own record key. */
  seq: number;
  /** Set by the cycle: how the task is to end. */
  closing: CloseTaskSignal['reason'] | null;
  /** The cycle recorded the opening (see OpenTaskSignal). */
  openedByCycle: boolean;
  /** The cycle mailed the task to its assignees (see OpenTaskSignal). */
  mailedByCycle: boolean;
  /** The cycle knows of the closing (see CloseTaskSignal). */
  closedInCycle: boolean;
}

export type Person = ParticipantInput & { active: boolean };

export class PartyState {
  readonly participants: Person[];
  readonly tasks = new Map<string, PartyTask>();
  finish: { outcome: Outcome | null; cancelReason: string | null; agreement?: FileRef } | null = null;

  constructor(readonly input: PartyWorkflowInput) {
    this.participants = input.party.participants.map((p) => ({ ...p, active: true }));
  }

  open({ openedByCycle, mailedByCycle, closes: _closes, ...signal }: OpenTaskSignal): PartyTask {
    const task: PartyTask = {
      ...signal,
      openedByCycle: openedByCycle ?? false,
      mailedByCycle: mailedByCycle ?? false,
      closedInCycle: false,
      status: 'open',
      late: false,
      answers: 0,
      decision: null,
      seq: 0,
      closing: null,
      closed: false,
    };
    this.tasks.set(task.taskId, task);
    return task;
  }

  /** The cycle closes a task: its supervisor records how it ended. */
  close({ taskId, reason, closedInCycle }: CloseTaskSignal): void {
    const task = this.tasks.get(taskId);
    if (task && task.closing === null) {
      task.closing = reason;
      task.closedInCycle = closedInCycle ?? false;
    }
  }

  /** Whether a task still takes answers: until the cycle closes its phase, late answers included. */
  acceptsAnswers(task: PartyTask): boolean {
    return task.closing === null && !task.closed;
  }

  /** The participant allowed to act on the task; throws the failure a validator reports otherwise. */
  authorise(taskId: string, email: string, kinds: TaskKind[]): { task: PartyTask; person: Person } {
    const task = this.tasks.get(taskId);
    const party = this.input.party.code;
    if (!task || !kinds.includes(task.kind))
      return reject(`no ${kinds.join('/')} task ${taskId} for party ${party}`, ErrorType.unknownTask);
    if (!this.acceptsAnswers(task)) return reject(`task ${taskId} is closed`, ErrorType.taskNotOpen);
    const person = this.participants.find((p) => p.active && p.email === email.toLowerCase());
    if (!person) return reject(`${email} is not a participant of party ${party}`, ErrorType.notParticipant);
    if (task.kind === 'signoff' && person.role !== 'signatory')
      return reject(`${email} is not a signatory of party ${party}`, ErrorType.notSignatory);
    if (task.kind === 'signoff' && task.decision)
      return reject(`party ${party} has already signed off (${task.decision})`, ErrorType.taskNotOpen);
    if (task.answers >= MAX_ANSWERS_PER_TASK)
      return reject(`task ${taskId} has taken ${MAX_ANSWERS_PER_TASK} answers already`, ErrorType.limitReached);
    return { task, person };
  }

  /** Who receives a task: the contact for input, comments and registration; the signatory for sign-off. */
  assignees(task: PartyTask): Person[] {
    const role = task.kind === 'signoff' ? 'signatory' : 'contact';
    return this.participants.filter((p) => p.active && p.role === role);
  }

  contacts(): Person[] {
    return this.participants.filter((p) => p.active && p.role === 'contact');
  }

  report(task: PartyTask): TaskReport {
    return {
      partyCode: this.input.party.code,
      taskId: task.taskId,
      phaseKey: task.phaseKey,
      kind: task.kind,
      status: task.status,
      late: task.late,
      decision: task.decision,
      seq: task.seq,
      closed: task.closed,
    };
  }

  status(): PartyStatus {
    return {
      cycleId: this.input.cycleId,
      partyCode: this.input.party.code,
      participants: this.participants.map((p) => ({ ...p })),
      tasks: [...this.tasks.values()].map(
        ({
          seq: _seq,
          closing: _closing,
          openedByCycle: _opened,
          mailedByCycle: _mailed,
          closedInCycle: _closed,
          ...task
        }) => ({ ...task }),
      ),
      finished: this.finish !== null,
    };
  }
}

// The party workflow's state and the rules its updates obey, kept apart from the orchestration so that the
// rules can be unit-tested without a server.
import { ApplicationFailure } from '@temporalio/workflow';
import {
  ErrorType,
  taskId as makeTaskId,
  type ParticipantInput,
  type PartyStatus,
  type PartyWorkflowInput,
  type Position,
  type TaskKind,
  type TaskState,
  type TaskStatus,
} from '../contracts';

export class PartyState {
  private readonly tasks = new Map<string, TaskState>();
  position: Position | null = null;

  constructor(private readonly input: PartyWorkflowInput) {}

  openTask(kind: TaskKind, deadline: string): TaskState {
    const task: TaskState = { taskId: makeTaskId(this.input.cycleId, this.input.party.code, kind), kind, status: 'open', deadline };
    this.tasks.set(task.taskId, task);
    return task;
  }

  setStatus(taskId: string, status: TaskStatus): void {
    this.task(taskId).status = status;
  }

  isOpen(taskId: string): boolean {
    return this.tasks.get(taskId)?.status === 'open';
  }

  /** The participant allowed to act on the task; throws the failure a validator reports otherwise. */
  authorise(taskId: string, email: string, kind: TaskKind): ParticipantInput {
    const task = this.tasks.get(taskId);
    if (!task || task.kind !== kind) {
      throw ApplicationFailure.nonRetryable(`no ${kind} task ${taskId} for party ${this.input.party.code}`, ErrorType.unknownTask);
    }
    if (task.status !== 'open') throw ApplicationFailure.nonRetryable(`task ${taskId} is closed (${task.status})`, ErrorType.taskNotOpen);
    const participant = this.input.party.participants.find((p) => p.email.toLowerCase() === email.toLowerCase());
    if (!participant) {
      throw ApplicationFailure.nonRetryable(`${email} is not a participant of party ${this.input.party.code}`, ErrorType.notParticipant);
    }
    if (kind === 'signoff' && participant.role !== 'signatory') {
      throw ApplicationFailure.nonRetryable(`${email} is not a signatory of party ${this.input.party.code}`, ErrorType.notSignatory);
    }
    return participant;
  }

  recipientsFor(kind: TaskKind): ParticipantInput[] {
    const role = kind === 'input' ? 'contact' : 'signatory';
    return this.input.party.participants.filter((p) => p.role === role);
  }

  status(): PartyStatus {
    return {
      cycleId: this.input.cycleId,
      partyCode: this.input.party.code,
      tasks: [...this.tasks.values()].map((t) => ({ ...t })),
      position: this.position,
    };
  }

  private task(taskId: string): TaskState {
    const task = this.tasks.get(taskId);
    if (!task) throw ApplicationFailure.nonRetryable(`unknown task ${taskId}`, ErrorType.unknownTask);
    return task;
  }
}

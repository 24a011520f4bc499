// What the party workflow's handlers and task supervisors share: ordered writes per task, reports to the cycle,
// and notifications to the party's people.
import { ActivityFailure } from '@temporalio/common';
import { getExternalWorkflowHandle, log, patched } from '@temporalio/workflow';
import { notify, notifyEach, recordResponse, recordSignOff, setTaskStatus } from '../activity-proxies';
import type {
  AreaAnswer,
  GoalFollowUp,
  Decision,
  FileRef,
  MailFailure,
  TaskFacts,
  StatusChange,
  TaskRef,
  TaskStatus,
  Receipt,
} from '../../core/contracts';
import { mailFailedSignal, taskReportSignal } from '../cycle/messages';
import type { PartyState, PartyTask, Person } from './party-state';
import { noticeTo, type NotificationBody } from '../notice';

export class PartyRuntime {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(readonly state: PartyState) {}

  get input() {
    return this.state.input;
  }

  ref(task: PartyTask): TaskRef {
    return { cycleId: this.input.cycleId, partyCode: this.input.party.code, taskId: task.taskId };
  }

  /** Runs a task's database writes one after another, so a later status never lands before an earlier one. */
  serial<T>(task: PartyTask, write: () => Promise<T>): Promise<T> {
    const next = (this.chains.get(task.taskId) ?? Promise.resolve()).then(write);
    this.chains.set(
      task.taskId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Changes a task's status in state at once, then records it and tells the cycle (unless the cycle made the
   * change itself: a task it closed). */
  async setStatus(task: PartyTask, status: TaskStatus, actor: string, report = true): Promise<void> {
    task.status = status;
    const seq = ++task.seq;
    await this.serial(task, () => setTaskStatus(this.ref(task), status, new Date().toISOString(), actor, seq));
    if (report) await this.report(task);
  }

  /** A status change to write with the act that causes it (an answer, a sign-off, a registration). */
  statusChange(task: PartyTask, status: TaskStatus, at: string, actor: string): StatusChange {
    return { status, at, actor, seq: ++task.seq };
  }

  /** Tells the cycle without holding up the caller (a participant's receipt); the workflow still finishes only once
   * every report is sent. */
  reportLater(task: PartyTask): void {
    this.pending.push(
      this.report(task).catch((err: Error) => log.warn('report to the cycle failed', { error: err.message })),
    );
  }

  /** Mails the participant the receipt of its own act, with the signed tree head that includes it, without holding
   * up the Update's answer (the receipt page has it at once). Cycles started before receipts were mailed do not. */
  receiptLater(task: PartyTask, person: Person, receipt: Receipt): void {
    if (!patched('receipt-mail')) return;
    const { updateId, recordedAt, late } = receipt;
    this.pending.push(this.notify([person], { kind: 'receipt', task: this.facts(task), updateId, recordedAt, late }));
  }

  /** Reports sent without waiting; awaited before the workflow ends. */
  readonly pending: Promise<void>[] = [];

  /** Tells the cycle the task's current state; callers bump `task.seq` for each change first. */
  async report(task: PartyTask): Promise<void> {
    await getExternalWorkflowHandle(this.input.cycleWorkflowId).signal(taskReportSignal, this.state.report(task));
  }

  facts(task: PartyTask): TaskFacts {
    return {
      taskId: task.taskId,
      kind: task.kind,
      partyName: this.input.party.name,
      deadline: task.deadline.nominal,
      deadlineVersion: task.deadline.version,
      document: task.document,
      meeting: task.meeting,
    };
  }

  /** Sends one notification to each person, all in one activity when there are several; a refused address is in
   * the outbox for the secretariat to see, and in the cycle's status. */
  async notify(people: Pick<Person, 'name' | 'email' | 'language'>[], body: NotificationBody): Promise<void> {
    const to = (person: Pick<Person, 'name' | 'email' | 'language'>) => noticeTo(this.input, person, body);
    if (people.length > 1 && patched('mail-per-notice')) {
      try {
        const refused = await notifyEach(people.map(to));
        await Promise.all(
          refused.map((failure) => this.tellCycleOfMailFailure({ ...failure, partyCode: this.input.party.code })),
        );
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        log.warn('notifications failed', { kind: body.kind, error: err.message });
      }
      return;
    }
    await Promise.all(
      people.map(async (person) => {
        try {
          await notify(to(person));
        } catch (err) {
          if (!(err instanceof ActivityFailure)) throw err;
          log.warn('notification failed', { kind: body.kind, to: person.email });
          if (patched('report-mail-failures'))
            await this.tellCycleOfMailFailure({
              partyCode: this.input.party.code,
              to: person.email,
              kind: body.kind,
              error: err.cause?.message ?? err.message,
            });
        }
      }),
    );
  }

  private async tellCycleOfMailFailure(failure: MailFailure): Promise<void> {
    await getExternalWorkflowHandle(this.input.cycleWorkflowId).signal(mailFailedSignal, failure);
  }

  /** Records an answer (or "no comments") and marks the task answered; late when its deadline had passed. */
  async acceptAnswer(
    task: PartyTask,
    person: Person,
    answer: {
      text: string;
      noComments: boolean;
      areas?: AreaAnswer[];
      followUp?: GoalFollowUp[];
      attachments?: FileRef[];
    },
    updateId: string,
    onBehalf: { by: string; reason: string } | null,
    request?: unknown,
  ) {
    const receivedAt = new Date().toISOString();
    const late = task.status === 'overdue' || Date.now() > Date.parse(task.deadline.at);
    task.answers++;
    task.late = late;
    const first = task.status !== 'answered';
    task.status = 'answered';
    // One write for the answer and the task's status, and the receipt without waiting for the cycle to hear of it.
    const oneWrite = patched('answer-in-one-write');
    const status =
      first && oneWrite ? this.statusChange(task, 'answered', receivedAt, onBehalf?.by ?? person.email) : undefined;
    // The answer's content goes to the record once: as the Update's request, which the activity reads as the
    // workflow did; fields of their own only for an answer recorded on a party's behalf (no Update of its own).
    const content = request
      ? {}
      : {
          body: answer.text,
          ...(answer.areas?.length ? { areas: answer.areas } : {}),
          ...(answer.followUp?.length ? { followUp: answer.followUp } : {}),
        };
    await this.serial(task, () =>
      recordResponse({
        ...this.ref(task),
        participantEmail: person.email,
        ...content,
        noComments: answer.noComments,
        ...(status ? { status } : {}),
        late,
        updateId,
        receivedAt,
        onBehalf,
        request,
      }),
    );
    if (oneWrite) {
      if (!first) task.seq++;
      this.reportLater(task);
    } else if (first) await this.setStatus(task, 'answered', onBehalf?.by ?? person.email);
    else {
      task.seq++;
      await this.report(task);
    }
    const receipt = { taskId: task.taskId, updateId, recordedAt: receivedAt, late };
    if (!onBehalf) this.receiptLater(task, person, receipt);
    return receipt;
  }

  async acceptSignOff(
    task: PartyTask,
    person: Person,
    signOff: { decision: Decision; decisionReference: string | null; reason: string | null },
    updateId: string,
    onBehalf: { by: string; reason: string } | null,
    request?: unknown,
  ) {
    const signedAt = new Date().toISOString();
    const late = task.status === 'overdue' || Date.now() > Date.parse(task.deadline.at);
    task.answers++;
    task.late = late;
    task.decision = signOff.decision;
    task.status = 'answered';
    // As for an answer: the decision and its status in one write, the receipt before the cycle hears of it.
    const status = patched('status-with-act')
      ? this.statusChange(task, 'answered', signedAt, onBehalf?.by ?? person.email)
      : undefined;
    await this.serial(task, () =>
      recordSignOff({
        ...this.ref(task),
        participantEmail: person.email,
        ...signOff,
        documentSha256: task.document!.sha256,
        late,
        updateId,
        signedAt,
        onBehalf,
        request,
        ...(status ? { status } : {}),
      }),
    );
    if (status) this.reportLater(task);
    else await this.setStatus(task, 'answered', onBehalf?.by ?? person.email);
    const receipt = { taskId: task.taskId, updateId, recordedAt: signedAt, late };
    if (!onBehalf) this.receiptLater(task, person, receipt);
    return receipt;
  }
}

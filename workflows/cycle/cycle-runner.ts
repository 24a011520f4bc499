// The cycle's moves: opening and closing phases across every party, extending deadlines, and ending the cycle.
// Each move records what it did, then tells the party workflows by signal.
import { log, patched, startChild, upsertSearchAttributes, type ChildWorkflowHandle } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../core/contracts/search-attributes';
import {
  issueAgreement,
  notify,
  notifyEach,
  openTasks,
  planDeadline,
  recordCancelled,
  recordOutcome,
  setPhase,
} from '../activity-proxies';
import { ActivityFailure } from '@temporalio/common';
import {
  WORKFLOW_TASK_TIMEOUT,
  partyWorkflowId,
  taskId,
  type Deadline,
  type PlanRequest,
  type DocumentRef,
  type FileRef,
  type MeetingInfo,
  type MinutesItem,
  type OnBehalfSignal,
  type ReplaceParticipantSignal,
  type TaskKind,
} from '../../core/contracts';
import {
  closeTaskSignal,
  extendTaskSignal,
  finishSignal,
  minutesSignal,
  onBehalfSignal,
  openTaskSignal,
  replaceParticipantSignal,
} from '../party/messages';
import { partyNegotiation } from '../party/party-negotiation';
import type { CycleState } from './cycle-state';
import { outcomeOf } from '../../core/domain/outcome';
import { noticeTo } from '../notice';

const now = () => new Date().toISOString();

/** Cycles that change phases in one write: the cycle writes every party's task of a phase in one activity, closes
 * and opens by one signal per party, and knows how each task opened and closed without the party reporting it.
 * Called first where a control's commands begin to differ (a patch marker is in the history from then on). */
export const phaseChangeInOneWrite = (): boolean => patched('phase-change-in-one-write');

export class CycleRunner {
  private readonly children = new Map<string, ChildWorkflowHandle<typeof partyNegotiation>>();

  constructor(
    readonly state: CycleState,
    /** The cycle's start: origin of its planning calendar. */
    readonly epoch: string,
    readonly workflowId: string,
  ) {}

  private get input() {
    return this.state.input;
  }

  async startParties(): Promise<void> {
    const { cycleId, title, secretariat } = this.input;
    await Promise.all(
      this.input.parties.map(async (party) => {
        const child = await startChild(partyNegotiation, {
          workflowId: partyWorkflowId(cycleId, party.code),
          workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
          args: [{ cycleId, cycleTitle: title, cycleWorkflowId: this.workflowId, secretariat, party }],
        });
        this.children.set(party.code, child);
      }),
    );
  }

  private child(code: string): ChildWorkflowHandle<typeof partyNegotiation> {
    return this.children.get(code)!;
  }

  plan(phaseKey: string, scope: string, version: number, due: PlanRequest['due']): Promise<Deadline> {
    const { lateDays, reminderDays, closingTime } = this.input.schedule;
    return planDeadline({
      cycleId: this.input.cycleId,
      epoch: this.epoch,
      phaseKey,
      scope,
      version,
      openedAt: now(),
      due,
      schedule: { lateDays, reminderDays, closingTime },
    });
  }

  async setPhase(phase: CycleState['phase']): Promise<void> {
    this.state.phase = phase;
    if (patched('search-attributes')) upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.phase, value: phase }]);
    await setPhase(this.input.cycleId, phase, now(), ++this.state.phaseChanges);
  }

  /** Opens a phase's task for every party. In cycles that change phases in one write (`phaseChangeInOneWrite`),
   * the cycle writes the tasks itself, in one activity for all parties, and each party's one signal also closes
   * the phase open until now when `closesOpen` says so. */
  async openPhase(
    phaseKey: string,
    kind: TaskKind,
    due: PlanRequest['due'],
    extra: { document?: DocumentRef; meeting?: MeetingInfo; closesOpen?: boolean } = {},
  ) {
    const { cycleId } = this.input;
    const deadline = await this.plan(phaseKey, '*', 1, due);
    const inOneWrite = phaseChangeInOneWrite();
    if (inOneWrite) {
      await openTasks({
        cycleId,
        partyCodes: this.input.parties.map((p) => p.code),
        kind,
        phaseKey,
        deadline,
        documentVersion: extra.document?.version ?? null,
        openedAt: now(),
      });
    }
    const closed = inOneWrite && extra.closesOpen ? this.state.closeOpenPhase('phase-closed') : null;
    // The task mails too, for every party in one activity, once every party has its task (a link finds it).
    const cycleMails = inOneWrite && patched('task-mail-from-cycle');
    this.state.deadlines[phaseKey] = deadline;
    this.state.openPhaseKey = phaseKey;
    await Promise.all(
      this.input.parties.map((party) =>
        this.child(party.code).signal(openTaskSignal, {
          taskId: taskId(cycleId, party.code, phaseKey),
          kind,
          phaseKey,
          deadline,
          document: extra.document ?? null,
          meeting: extra.meeting ?? null,
          ...(inOneWrite ? { openedByCycle: true } : {}),
          ...(cycleMails ? { mailedByCycle: true } : {}),
          ...(closed
            ? { closes: { taskId: taskId(cycleId, party.code, closed), reason: 'phase-closed', closedInCycle: true } }
            : {}),
        }),
      ),
    );
    // Open in the cycle's status once every party has the signal: an answer sent on seeing it finds the task.
    if (inOneWrite) this.state.openedTasks(phaseKey, kind);
    if (cycleMails) this.mailTasks(phaseKey, kind, deadline, extra);
    return deadline;
  }

  /** Mail sent without holding up the control that caused it; the cycle ends only once it has gone. */
  private readonly mailing: Promise<void>[] = [];

  /** Each party's task mailed to its assignees (the contact; the signatory for sign-off), all in one activity; a
   * refused address is in the cycle's status, as when a party mails. */
  private mailTasks(
    phaseKey: string,
    kind: TaskKind,
    deadline: Deadline,
    extra: { document?: DocumentRef; meeting?: MeetingInfo },
  ): void {
    const { cycleId, title, secretariat } = this.input;
    const role = kind === 'signoff' ? 'signatory' : 'contact';
    const notifications = this.input.parties.flatMap((party) =>
      (this.state.participants.get(party.code) ?? [])
        .filter((p) => p.active && p.role === role)
        .map((person) =>
          noticeTo({ cycleId, cycleTitle: title, secretariat }, person, {
            kind: 'task-assigned',
            task: {
              taskId: taskId(cycleId, party.code, phaseKey),
              kind,
              partyName: party.name,
              deadline: deadline.nominal,
              deadlineVersion: deadline.version,
              document: extra.document ?? null,
              meeting: extra.meeting ?? null,
            },
          }),
        ),
    );
    this.mailing.push(
      notifyEach(notifications).then(
        (refused) => void this.state.mailFailures.push(...refused),
        (err: Error) => log.warn('task mails failed', { cycleId, phaseKey, error: err.message }),
      ),
    );
  }

  /** Every mail the cycle sent without waiting has gone (or failed for good). */
  async mailSent(): Promise<void> {
    await Promise.all(this.mailing);
  }

  /** Each party mails the minutes to its people. */
  async sendMinutes(minutes: { meetingStartsAt: string | null; items: MinutesItem[] }): Promise<void> {
    await Promise.all(this.input.parties.map((p) => this.child(p.code).signal(minutesSignal, minutes)));
  }

  async closeOpenPhase(reason: 'phase-closed' | 'cancelled' = 'phase-closed'): Promise<void> {
    const key = this.state.openPhaseKey;
    if (!key) return;
    // Cycles that change phases in one write know how each task ends; the parties need not report it back.
    const inCycle = phaseChangeInOneWrite();
    if (inCycle) this.state.closeOpenPhase(reason);
    else this.state.openPhaseKey = null;
    await Promise.all(
      this.input.parties.map((party) =>
        this.child(party.code).signal(closeTaskSignal, {
          taskId: taskId(this.input.cycleId, party.code, key),
          reason,
          ...(inCycle ? { closedInCycle: true } : {}),
        }),
      ),
    );
  }

  /** Closes the open phase before the cycle ends: by the finish signal itself in cycles that change phases in one
   * write, by a close signal of its own before. */
  private async closeForEnd(reason: 'phase-closed' | 'cancelled'): Promise<boolean> {
    if (!phaseChangeInOneWrite()) {
      await this.closeOpenPhase(reason);
      return false;
    }
    this.state.closeOpenPhase(reason);
    return true;
  }

  /** One more than the highest deadline version any of these parties has in the phase. */
  private nextVersion(phaseKey: string, codes: string[]): number {
    return Math.max(...codes.map((code) => this.state.deadlineFor(phaseKey, code)!.version)) + 1;
  }

  /** Moves the open phase's deadline `workingDays` working days later, for one party or for all. */
  async extend(partyCode: string | undefined, workingDays: number): Promise<Deadline> {
    const key = this.state.openPhaseKey!;
    const codes = partyCode ? [partyCode] : this.input.parties.map((p) => p.code);
    const current = partyCode ? this.state.deadlineFor(key, partyCode)! : this.state.deadlines[key]!;
    const version = this.nextVersion(key, codes);
    const deadline = await this.plan(key, partyCode ?? '*', version, { workingDays, after: current.nominal });
    if (partyCode) this.state.partyDeadlines[`${key}/${partyCode}`] = deadline;
    else {
      this.state.deadlines[key] = deadline;
      for (const code of codes) delete this.state.partyDeadlines[`${key}/${code}`];
    }
    await Promise.all(
      codes.map((code) =>
        this.child(code).signal(extendTaskSignal, { taskId: taskId(this.input.cycleId, code, key), deadline }),
      ),
    );
    return deadline;
  }

  /** Re-plans the meeting registration for a moved meeting: the new start is every party's new deadline. */
  async moveMeeting(meeting: MeetingInfo): Promise<void> {
    const version = this.nextVersion(
      'meeting',
      this.input.parties.map((p) => p.code),
    );
    const deadline = await this.plan('meeting', '*', version, { nominal: meeting.startsAt });
    this.state.deadlines.meeting = deadline;
    await Promise.all(
      this.input.parties.map((p) =>
        this.child(p.code).signal(extendTaskSignal, {
          taskId: taskId(this.input.cycleId, p.code, 'meeting'),
          deadline,
          meeting,
        }),
      ),
    );
  }

  replaceParticipant(partyCode: string, change: ReplaceParticipantSignal): Promise<void> {
    return this.child(partyCode).signal(replaceParticipantSignal, change);
  }

  onBehalf(partyCode: string, action: OnBehalfSignal): Promise<void> {
    return this.child(partyCode).signal(onBehalfSignal, action);
  }

  async complete(): Promise<void> {
    const closedInCycle = await this.closeForEnd('phase-closed');
    const positions = this.state.positions();
    this.state.outcome = outcomeOf(positions);
    const completedAt = now();
    await recordOutcome(this.input.cycleId, this.state.outcome, positions, completedAt);
    this.state.phase = 'completed';
    // The agreement with its certificate of completion, mailed with the outcome (cycles started before it have none).
    const agreement = patched('agreement-pdf') ? await issueAgreement(this.input.cycleId, completedAt) : undefined;
    await this.finish({
      outcome: this.state.outcome,
      cancelReason: null,
      ...(agreement ? { agreement } : {}),
      ...(closedInCycle ? { closedInCycle } : {}),
    });
  }

  async cancel(reason: string, by: string): Promise<void> {
    const closedInCycle = await this.closeForEnd('cancelled');
    this.state.cancelReason = reason;
    await recordCancelled(this.input.cycleId, reason, by, now());
    this.state.phase = 'cancelled';
    await this.finish({ outcome: null, cancelReason: reason, ...(closedInCycle ? { closedInCycle } : {}) });
  }

  private async finish(end: {
    outcome: CycleState['outcome'];
    cancelReason: string | null;
    agreement?: FileRef;
    closedInCycle?: boolean;
  }): Promise<void> {
    this.state.ended = true;
    await Promise.all(this.input.parties.map((p) => this.child(p.code).signal(finishSignal, end)));
    const { cycleId, title, secretariat } = this.input;
    try {
      await notify(
        noticeTo(
          { cycleId, cycleTitle: title, secretariat },
          secretariat,
          end.outcome
            ? { kind: 'cycle-completed', outcome: end.outcome, ...(end.agreement ? { agreement: end.agreement } : {}) }
            : { kind: 'cycle-cancelled', reason: end.cancelReason ?? '' },
        ),
      );
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('secretariat notification failed', { cycleId });
      this.state.mailFailures.push({
        partyCode: null,
        to: secretariat.email,
        kind: end.outcome ? 'cycle-completed' : 'cycle-cancelled',
        error: err.cause?.message ?? err.message,
      });
    }
  }

  async partiesFinished(): Promise<void> {
    await Promise.all([...this.children.values()].map((child) => child.result()));
  }
}

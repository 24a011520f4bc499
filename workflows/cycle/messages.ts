// Messages of the cycle workflow: the secretariat's controls (validated Updates), the status query, and the
// reports its party workflows send.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ControlReceipt, CycleStatus, MailFailure, TaskReport } from '../../core/contracts';
import { CYCLE_CONTROLS, parseRequest, type ControlName, type ControlRequest } from '../../core/requests';

/** Each control's Update, from its declaration (core/requests/cycle-controls.ts). */
const updateOf = <K extends ControlName>(name: K) =>
  defineUpdate<ControlReceipt, [ControlRequest<K>]>(CYCLE_CONTROLS[name].update);

export const publishDraftUpdate = updateOf('publishDraft');
export const closePhaseUpdate = updateOf('closePhase');
export const scheduleMeetingUpdate = updateOf('scheduleMeeting');
export const recordMinutesUpdate = updateOf('recordMinutes');
export const startSignOffUpdate = updateOf('startSignOff');
export const extendDeadlineUpdate = updateOf('extendDeadline');
export const replaceParticipantUpdate = updateOf('replaceParticipant');
export const recordOnBehalfUpdate = updateOf('recordOnBehalf');
export const cancelCycleUpdate = updateOf('cancel');

/** Every control's Update by the control's name: what the web and the CLI send. */
export const CONTROL_UPDATES: { [K in ControlName]: UpdateDefinition<ControlReceipt, [ControlRequest<K>]> } = {
  publishDraft: publishDraftUpdate,
  closePhase: closePhaseUpdate,
  scheduleMeeting: scheduleMeetingUpdate,
  recordMinutes: recordMinutesUpdate,
  startSignOff: startSignOffUpdate,
  extendDeadline: extendDeadlineUpdate,
  replaceParticipant: replaceParticipantUpdate,
  recordOnBehalf: recordOnBehalfUpdate,
  cancel: cancelCycleUpdate,
};

/** A control's request as its declaration reads it, or a structured InvalidRequest. */
export const parseControl = <K extends ControlName>(name: K, input: unknown): ControlRequest<K> =>
  parseRequest(CYCLE_CONTROLS[name].schema, input) as ControlRequest<K>;

export const cycleStatusQuery = defineQuery<CycleStatus>('cycleStatus');
export const taskReportSignal = defineSignal<[TaskReport]>('taskReport');
export const mailFailedSignal = defineSignal<[MailFailure]>('mailFailed');

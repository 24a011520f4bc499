// Messages of the cycle workflow: the secretariat's controls (validated Updates), the status query, and the
// reports its party workflows send.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ControlReceipt, CycleStatus, MailFailure, TaskReport } from '../../core/contracts';
import {
  CONTROL_NAMES,
  CYCLE_CONTROLS,
  parseRequest,
  type ControlName,
  type ControlRequest,
} from '../../core/requests';

/** Every control's Update by the control's name, from its declaration (core/requests/cycle-controls.ts): what
 * the cycle registers a handler for, and what the web and the CLI send. */
export const CONTROL_UPDATES = Object.fromEntries(
  CONTROL_NAMES.map((name) => [name, defineUpdate(CYCLE_CONTROLS[name].update)]),
) as { [K in ControlName]: UpdateDefinition<ControlReceipt, [ControlRequest<K>]> };

export const publishDraftUpdate = CONTROL_UPDATES.publishDraft;
export const closePhaseUpdate = CONTROL_UPDATES.closePhase;
export const scheduleMeetingUpdate = CONTROL_UPDATES.scheduleMeeting;
export const recordMinutesUpdate = CONTROL_UPDATES.recordMinutes;
export const startSignOffUpdate = CONTROL_UPDATES.startSignOff;
export const extendDeadlineUpdate = CONTROL_UPDATES.extendDeadline;
export const replaceParticipantUpdate = CONTROL_UPDATES.replaceParticipant;
export const recordOnBehalfUpdate = CONTROL_UPDATES.recordOnBehalf;
export const cancelCycleUpdate = CONTROL_UPDATES.cancel;

/** A control's request as its declaration reads it, or a structured InvalidRequest. */
export const parseControl = <K extends ControlName>(name: K, input: unknown): ControlRequest<K> =>
  parseRequest(CYCLE_CONTROLS[name].schema, input) as ControlRequest<K>;

export const cycleStatusQuery = defineQuery<CycleStatus>('cycleStatus');
export const taskReportSignal = defineSignal<[TaskReport]>('taskReport');
export const mailFailedSignal = defineSignal<[MailFailure]>('mailFailed');

// Messages of the party workflow: participants' Updates, the status query, and the signals its cycle sends.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CloseTaskSignal,
  ExtendTaskSignal,
  FileRef,
  MinutesItem,
  OnBehalfSignal,
  OpenTaskSignal,
  Outcome,
  PartyStatus,
  Receipt,
  ReplaceParticipantSignal,
} from '../../core/contracts';
import {
  PARTICIPANT_REQUESTS,
  parseRequest,
  type ParticipantRequest,
  type ParticipantRequestName,
} from '../../core/requests';

/** Each participant request's Update, from its declaration (core/requests/participant-requests.ts). */
const updateOf = <K extends ParticipantRequestName>(name: K) =>
  defineUpdate<Receipt, [ParticipantRequest<K>]>(PARTICIPANT_REQUESTS[name].update);

export const submitAnswerUpdate = updateOf('submitAnswer');
export const signOffUpdate = updateOf('signOff');
export const registerAttendeesUpdate = updateOf('registerAttendees');

/** A participant's request as its declaration reads it, or a structured InvalidRequest. */
export const parseParticipantRequest = <K extends ParticipantRequestName>(name: K, input: unknown) =>
  parseRequest(PARTICIPANT_REQUESTS[name].schema, input) as ParticipantRequest<K>;
export const partyStatusQuery = defineQuery<PartyStatus>('partyStatus');

export const openTaskSignal = defineSignal<[OpenTaskSignal]>('openTask');
export const extendTaskSignal = defineSignal<[ExtendTaskSignal]>('extendTask');
export const closeTaskSignal = defineSignal<[CloseTaskSignal]>('closeTask');
export const replaceParticipantSignal = defineSignal<[ReplaceParticipantSignal]>('replaceParticipant');
export const onBehalfSignal = defineSignal<[OnBehalfSignal]>('onBehalf');
/** Sent when the minutes are recorded: the party mails them to its people. */
export const minutesSignal = defineSignal<[{ meetingStartsAt: string | null; items: MinutesItem[] }]>('minutes');
/** Sent when the cycle ends: the party tells its people the outcome (or the cancellation) and finishes. */
export const finishSignal = defineSignal<
  [
    {
      outcome: Outcome | null;
      cancelReason: string | null;
      agreement?: FileRef;
      /** The cycle closed the open task in its own state (absent in histories where a close signal did). */
      closedInCycle?: boolean;
    },
  ]
>('finish');

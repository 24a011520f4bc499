// Messages of the party workflow: participants' Updates, the status query, and the signals its cycle sends.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  MAX_ANSWER_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_GOALS_PER_AREA,
  GOAL_STATUSES,
  type CloseTaskSignal,
  type ExtendTaskSignal,
  type FileRef,
  type MinutesItem,
  type OnBehalfSignal,
  type OpenTaskSignal,
  type Outcome,
  type PartyStatus,
  type Receipt,
  type RegisterAttendeesRequest,
  type ReplaceParticipantSignal,
  type SignOffRequest,
  type SubmitAnswerRequest,
} from '../../core/contracts';
import { emailSchema, fileRefSchema, parsePayload, z } from '../validation';

const identity = { taskId: z.string().min(1).max(300), participantEmail: emailSchema };
const text = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(MAX_ANSWER_LENGTH, `is longer than ${MAX_ANSWER_LENGTH} characters`);

const field = (max: number) => z.string().trim().min(1).max(max).optional();
const goalSchema = z.strictObject({
  goal: z.string().trim().min(1, 'is empty').max(2000),
  measure: field(2000),
  indicator: field(500),
  baseline: field(200),
  target: field(200),
  targetYear: z.number().int().min(2020).max(2100).optional(),
  responsible: field(300),
  partyPerson: field(300),
  countyPerson: field(300),
});
const areaSchema = z
  .strictObject({
    area: z.number().int().min(0).max(49),
    text: text.optional(),
    goals: z.array(goalSchema).max(MAX_GOALS_PER_AREA, `has more than ${MAX_GOALS_PER_AREA} goals`).optional(),
  })
  .refine((a) => a.text !== undefined || (a.goals?.length ?? 0) > 0, {
    message: 'give a text or a goal',
    path: ['text'],
  });

const followUpSchema = z.strictObject({
  goal: z.string().regex(/^\d{1,18}:\d{1,2}:\d{1,2}$/, 'is not a goal of the record'),
  status: z.enum(GOAL_STATUSES),
  currentValue: field(200),
  comment: field(2000),
});

const submitAnswerSchema = z
  .strictObject({
    ...identity,
    text: text.optional(),
    noComments: z.boolean().optional(),
    followUp: z
      .array(followUpSchema)
      .max(500)
      .refine((f) => new Set(f.map((g) => g.goal)).size === f.length, 'a goal is followed up twice')
      .optional(),
    attachments: z
      .array(fileRefSchema)
      .max(MAX_ATTACHMENTS, `has more than ${MAX_ATTACHMENTS} files`)
      .refine((files) => files.every((f) => f.bytes <= MAX_ATTACHMENT_BYTES), 'a file is larger than 25 MB')
      .optional(),
    areas: z
      .array(areaSchema)
      .max(50)
      .refine((areas) => new Set(areas.map((a) => a.area)).size === areas.length, 'an agenda item is given twice')
      .optional(),
  })
  .refine(
    (a) => a.noComments === true || a.text !== undefined || (a.areas?.length ?? 0) > 0 || (a.followUp?.length ?? 0) > 0,
    {
      message: 'give the answer text, an answer per agenda item, or noComments',
      path: ['text'],
    },
  )
  .refine((a) => !(a.noComments && a.areas?.length), {
    message: '"no comments" cannot come with answers per agenda item',
    path: ['areas'],
  });

const signOffSchema = z
  .strictObject({
    ...identity,
    decision: z.enum(['approved', 'rejected']),
    documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 (64 hex digits) of the final version'),
    decisionReference: z.string().trim().min(1).max(500).optional(),
    reason: text.optional(),
  })
  .refine((s) => s.decision !== 'approved' || s.decisionReference, {
    message: 'an approval needs the decision reference, e.g. "Kunnanhallitus 12.3.2026 § 45"',
    path: ['decisionReference'],
  })
  .refine((s) => s.decision !== 'rejected' || s.reason, { message: 'a rejection needs a reason', path: ['reason'] });

const attendee = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(200),
});
const registerAttendeesSchema = z.strictObject({ ...identity, attendees: z.array(attendee).min(1).max(50) });

export const parseSubmitAnswer = (input: unknown): SubmitAnswerRequest => parsePayload(submitAnswerSchema, input);
export const parseSignOff = (input: unknown): SignOffRequest => parsePayload(signOffSchema, input);
export const parseRegisterAttendees = (input: unknown): RegisterAttendeesRequest =>
  parsePayload(registerAttendeesSchema, input);

export const submitAnswerUpdate = defineUpdate<Receipt, [SubmitAnswerRequest]>('submitAnswer');
export const signOffUpdate = defineUpdate<Receipt, [SignOffRequest]>('signOff');
export const registerAttendeesUpdate = defineUpdate<Receipt, [RegisterAttendeesRequest]>('registerAttendees');
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

// Messages of the cycle workflow: the secretariat's controls (validated Updates), the status query, and the
// reports its party workflows send.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  LANGUAGES,
  MAX_ANSWER_LENGTH,
  MAX_DOCUMENT_LENGTH,
  ROLES,
  type CancelCycleRequest,
  type ClosePhaseRequest,
  type ControlReceipt,
  type CycleStatus,
  type ExtendDeadlineRequest,
  type MailFailure,
  type PublishDraftRequest,
  type RecordMinutesRequest,
  type RecordOnBehalfRequest,
  type ReplaceParticipantRequest,
  type ScheduleMeetingRequest,
  type StartSignOffRequest,
  type TaskReport,
} from '../../core/contracts';
import { actorSchema, emailSchema, fileRefSchema, parsePayload, z } from '../validation';

const by = { by: actorSchema };
const confirm = { confirm: z.literal(true).optional() };
const reason = z.string().trim().min(1, 'is required').max(2000);
const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO date-time with an offset, e.g. 2027-02-10T13:00:00+02:00',
});

const schemas = {
  publishDraft: z
    .strictObject({
      ...by,
      ...confirm,
      title: z.string().trim().min(1, 'is required').max(300),
      // Histories from before drafts were stored first carry the text itself; new requests carry `file`.
      content: z
        .string()
        .min(1, 'is empty')
        .max(MAX_DOCUMENT_LENGTH, `is longer than ${MAX_DOCUMENT_LENGTH} characters`)
        .optional(),
      file: fileRefSchema.optional(),
    })
    .refine((d) => (d.content === undefined) !== (d.file === undefined), {
      message: 'give the stored file of the draft',
      path: ['file'],
    }),
  closePhase: z.strictObject({ ...by, ...confirm }),
  scheduleMeeting: z
    .strictObject({
      ...by,
      ...confirm,
      startsAt: isoInstant,
      location: z.string().trim().min(1).max(300).optional(),
      link: z
        .url({ protocol: /^https$/, message: 'must be an https:// address' })
        .max(2000)
        .optional(),
    })
    .refine((m) => m.location || m.link, { message: 'give a location, a link or both', path: ['location'] }),
  recordMinutes: z.strictObject({
    ...by,
    attendees: z
      .array(
        z.strictObject({
          partyCode: z.string().min(1),
          name: z.string().trim().min(1).max(200),
          role: z.string().trim().min(1).max(200),
          organisation: z.string().trim().min(1).max(200),
        }),
      )
      .min(1, 'list who attended'),
    items: z
      .array(
        z.strictObject({
          number: z.number().int().positive(),
          title: z.string().trim().min(1).max(500),
          conclusion: z.string().trim().min(1).max(MAX_ANSWER_LENGTH),
        }),
      )
      .min(1, 'list the agenda items'),
  }),
  startSignOff: z.strictObject({
    ...by,
    ...confirm,
    documentVersion: z.number().int().positive().optional(),
    noMeetingReason: reason.optional(),
  }),
  extendDeadline: z.strictObject({
    ...by,
    partyCode: z.string().min(1).optional(),
    workingDays: z.number().int().min(1).max(60),
    reason,
  }),
  replaceParticipant: z.strictObject({
    ...by,
    partyCode: z.string().min(1),
    oldEmail: emailSchema,
    participant: z.strictObject({
      name: z.string().trim().min(1).max(200),
      email: emailSchema,
      role: z.enum(ROLES),
      language: z.enum(LANGUAGES).optional(),
    }),
    reason,
  }),
  recordOnBehalf: z
    .strictObject({
      ...by,
      partyCode: z.string().min(1),
      reason,
      answer: z
        .strictObject({
          text: z.string().trim().min(1).max(MAX_ANSWER_LENGTH).optional(),
          noComments: z.boolean().optional(),
        })
        .optional(),
      signOff: z
        .strictObject({
          decision: z.enum(['approved', 'rejected']),
          decisionReference: z.string().trim().min(1).max(500).optional(),
          reason: z.string().trim().min(1).max(MAX_ANSWER_LENGTH).optional(),
        })
        .refine((s) => (s.decision === 'approved' ? s.decisionReference : s.reason), {
          message: 'an approval needs decisionReference, a rejection a reason',
        })
        .optional(),
    })
    .refine((r) => (r.answer === undefined) !== (r.signOff === undefined), {
      message: 'give exactly one of answer or signOff',
    })
    .refine((r) => !r.answer || r.answer.noComments || r.answer.text, {
      message: 'the answer needs text or noComments',
      path: ['answer'],
    }),
  cancel: z.strictObject({ ...by, ...confirm, reason }),
};

export const parseControl = {
  publishDraft: (input: unknown): PublishDraftRequest => parsePayload(schemas.publishDraft, input),
  closePhase: (input: unknown): ClosePhaseRequest => parsePayload(schemas.closePhase, input),
  scheduleMeeting: (input: unknown): ScheduleMeetingRequest => parsePayload(schemas.scheduleMeeting, input),
  recordMinutes: (input: unknown): RecordMinutesRequest => parsePayload(schemas.recordMinutes, input),
  startSignOff: (input: unknown): StartSignOffRequest => parsePayload(schemas.startSignOff, input),
  extendDeadline: (input: unknown): ExtendDeadlineRequest => parsePayload(schemas.extendDeadline, input),
  replaceParticipant: (input: unknown): ReplaceParticipantRequest => parsePayload(schemas.replaceParticipant, input),
  recordOnBehalf: (input: unknown): RecordOnBehalfRequest => parsePayload(schemas.recordOnBehalf, input),
  cancel: (input: unknown): CancelCycleRequest => parsePayload(schemas.cancel, input),
};

export const publishDraftUpdate = defineUpdate<ControlReceipt, [PublishDraftRequest]>('publishDraft');
export const closePhaseUpdate = defineUpdate<ControlReceipt, [ClosePhaseRequest]>('closePhase');
export const scheduleMeetingUpdate = defineUpdate<ControlReceipt, [ScheduleMeetingRequest]>('scheduleMeeting');
export const recordMinutesUpdate = defineUpdate<ControlReceipt, [RecordMinutesRequest]>('recordMinutes');
export const startSignOffUpdate = defineUpdate<ControlReceipt, [StartSignOffRequest]>('startSignOff');
export const extendDeadlineUpdate = defineUpdate<ControlReceipt, [ExtendDeadlineRequest]>('extendDeadline');
export const replaceParticipantUpdate = defineUpdate<ControlReceipt, [ReplaceParticipantRequest]>('replaceParticipant');
export const recordOnBehalfUpdate = defineUpdate<ControlReceipt, [RecordOnBehalfRequest]>('recordOnBehalf');
export const cancelCycleUpdate = defineUpdate<ControlReceipt, [CancelCycleRequest]>('cancelCycle');

export const cycleStatusQuery = defineQuery<CycleStatus>('cycleStatus');
export const taskReportSignal = defineSignal<[TaskReport]>('taskReport');
export const mailFailedSignal = defineSignal<[MailFailure]>('mailFailed');

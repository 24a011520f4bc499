// The participants' requests, each declared once: the Update it is sent as, and its schema, from which its type
// comes. The party workflow validates with it, the activity that writes an answer reads it, and the web and the CLI
// build requests of its type.
import {
  MAX_ANSWER_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_GOALS_PER_AREA,
} from '../contracts/ids-and-limits';
import { GOAL_STATUSES } from '../contracts/vocabulary';
import { declared, emailSchema, fileRefSchema, z } from './schema-kit';

const identity = () => ({ taskId: z.string().min(1).max(300), participantEmail: emailSchema() });
const text = () =>
  z.string().trim().min(1, 'is empty').max(MAX_ANSWER_LENGTH, `is longer than ${MAX_ANSWER_LENGTH} characters`);

const field = (max: number) => z.string().trim().min(1).max(max).optional();
const goalSchema = () =>
  z.strictObject({
    goal: z.string().trim().min(1, 'is empty').max(2000),
    measure: field(2000),
    indicator: field(500),
    baseline: field(200),
    target: field(200),
    targetYear: z.number().int().min(2020).max(2100).optional(),
    responsible: field(300),
    partyPerson: field(300),
    countyPerson: field(300),
    /** The THL (Sotkanet) indicator the goal follows, by its id there. */
    thlIndicator: z.number().int().min(1).max(99_999_999).optional(),
  });
const areaSchema = () =>
  z
    .strictObject({
      area: z.number().int().min(0).max(49),
      text: text().optional(),
      goals: z.array(goalSchema()).max(MAX_GOALS_PER_AREA, `has more than ${MAX_GOALS_PER_AREA} goals`).optional(),
    })
    .refine((a) => a.text !== undefined || (a.goals?.length ?? 0) > 0, {
      message: 'give a text or a goal',
      path: ['text'],
    });

const followUpSchema = () =>
  z.strictObject({
    goal: z.string().regex(/^\d{1,18}:\d{1,2}:\d{1,2}$/, 'is not a goal of the record'),
    status: z.enum(GOAL_STATUSES),
    currentValue: field(200),
    comment: field(2000),
  });

const submitAnswerSchema = () =>
  z
    .strictObject({
      ...identity(),
      text: text().optional(),
      noComments: z.boolean().optional(),
      followUp: z
        .array(followUpSchema())
        .max(500)
        .refine((f) => new Set(f.map((g) => g.goal)).size === f.length, 'a goal is followed up twice')
        .optional(),
      attachments: z
        .array(fileRefSchema())
        .max(MAX_ATTACHMENTS, `has more than ${MAX_ATTACHMENTS} files`)
        .refine((files) => files.every((f) => f.bytes <= MAX_ATTACHMENT_BYTES), 'a file is larger than 25 MB')
        .optional(),
      areas: z
        .array(areaSchema())
        .max(50)
        .refine((areas) => new Set(areas.map((a) => a.area)).size === areas.length, 'an agenda item is given twice')
        .optional(),
    })
    .refine(
      (a) =>
        a.noComments === true || a.text !== undefined || (a.areas?.length ?? 0) > 0 || (a.followUp?.length ?? 0) > 0,
      {
        message: 'give the answer text, an answer per agenda item, or noComments',
        path: ['text'],
      },
    )
    .refine((a) => !(a.noComments && a.areas?.length), {
      message: '"no comments" cannot come with answers per agenda item',
      path: ['areas'],
    });

const signOffSchema = () =>
  z
    .strictObject({
      ...identity(),
      decision: z.enum(['approved', 'rejected']),
      documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 (64 hex digits) of the final version'),
      decisionReference: z.string().trim().min(1).max(500).optional(),
      reason: text().optional(),
    })
    .refine((s) => s.decision !== 'approved' || s.decisionReference, {
      message: 'an approval needs the decision reference, e.g. "Kunnanhallitus 12.3.2026 § 45"',
      path: ['decisionReference'],
    })
    .refine((s) => s.decision !== 'rejected' || s.reason, { message: 'a rejection needs a reason', path: ['reason'] });

const attendee = () =>
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(200),
    organisation: z.string().trim().min(1).max(200),
  });
const registerAttendeesSchema = () => z.strictObject({ ...identity(), attendees: z.array(attendee()).min(1).max(50) });

/** Each request's Update and schema (built when read, ./schema-kit.ts). */
export const PARTICIPANT_REQUESTS = {
  submitAnswer: declared({ update: 'submitAnswer' }, submitAnswerSchema),
  signOff: declared({ update: 'signOff' }, signOffSchema),
  registerAttendees: declared({ update: 'registerAttendees' }, registerAttendeesSchema),
};

export type ParticipantRequestName = keyof typeof PARTICIPANT_REQUESTS;
export type ParticipantRequest<K extends ParticipantRequestName> = z.output<(typeof PARTICIPANT_REQUESTS)[K]['schema']>;

/** A measurable goal a party sets in one cooperation area, as the recommendations ask: what, by which measure and
 * indicator (from a baseline to a target value by a year), who answers for it, and the counterpart pair (the
 * party's person and the county's). */
export type Goal = z.output<ReturnType<typeof goalSchema>>;
/** What a party says of one agenda item (cooperation area), by its position in the agenda from 0: free text, and in
 * the preparation its goals. */
export type AreaAnswer = z.output<ReturnType<typeof areaSchema>>;
/** The status of a goal set in an earlier cycle, given in the annual follow-up. `goal` names it as the record does:
 * `<response id>:<agenda item>:<position>`. */
export type GoalFollowUp = z.output<ReturnType<typeof followUpSchema>>;
/** An answer or a comment: general text, "no comments", per agenda item, the follow-up of earlier goals, and
 * documents stored first (their references). */
export type SubmitAnswerRequest = ParticipantRequest<'submitAnswer'>;
/** A signatory's decision on the final version, whose SHA-256 must match. */
export type SignOffRequest = ParticipantRequest<'signOff'>;
export type RegisterAttendeesRequest = ParticipantRequest<'registerAttendees'>;

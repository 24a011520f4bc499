// The secretariat's controls of a cycle, each declared once: the Update it is sent as (its name is in every stored
// history: never rename one), its name on the web and in the CLI, and its schema, from which its type comes. The
// cycle workflow registers a handler per declaration; the web's forms and the CLI's commands build requests of
// these types, so the compiler checks each against its Update.
import { MAX_ANSWER_LENGTH, MAX_DOCUMENT_LENGTH } from '../contracts/ids-and-limits';
import { LANGUAGES, ROLES } from '../contracts/vocabulary';
import { actorSchema, declared, emailSchema, fileRefSchema, z } from './schema-kit';

const by = () => ({ by: actorSchema() });
const confirm = () => ({ confirm: z.literal(true).optional() });
const reason = () => z.string().trim().min(1, 'is required').max(2000);
const isoInstant = () =>
  z.iso.datetime({
    offset: true,
    message: 'must be an ISO date-time with an offset, e.g. 2027-02-10T13:00:00+02:00',
  });

/** Each control's schema, built when a request is checked (see ./schema-kit.ts). */
const schemas = {
  publishDraft: () =>
    z
      .strictObject({
        ...by(),
        ...confirm(),
        title: z.string().trim().min(1, 'is required').max(300),
        // Histories from before drafts were stored first carry the text itself; new requests carry `file`.
        content: z
          .string()
          .min(1, 'is empty')
          .max(MAX_DOCUMENT_LENGTH, `is longer than ${MAX_DOCUMENT_LENGTH} characters`)
          .optional(),
        file: fileRefSchema().optional(),
      })
      .refine((d) => (d.content === undefined) !== (d.file === undefined), {
        message: 'give the stored file of the draft',
        path: ['file'],
      }),
  closePhase: () => z.strictObject({ ...by(), ...confirm() }),
  scheduleMeeting: () =>
    z
      .strictObject({
        ...by(),
        ...confirm(),
        startsAt: isoInstant(),
        location: z.string().trim().min(1).max(300).optional(),
        link: z
          .url({ protocol: /^https$/, message: 'must be an https:// address' })
          .max(2000)
          .optional(),
      })
      .refine((m) => m.location || m.link, { message: 'give a location, a link or both', path: ['location'] }),
  recordMinutes: () =>
    z.strictObject({
      ...by(),
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
  startSignOff: () =>
    z.strictObject({
      ...by(),
      ...confirm(),
      documentVersion: z.number().int().positive().optional(),
      noMeetingReason: reason().optional(),
    }),
  extendDeadline: () =>
    z.strictObject({
      ...by(),
      partyCode: z.string().min(1).optional(),
      workingDays: z.number().int().min(1).max(60),
      reason: reason(),
    }),
  replaceParticipant: () =>
    z.strictObject({
      ...by(),
      partyCode: z.string().min(1),
      oldEmail: emailSchema(),
      participant: z.strictObject({
        name: z.string().trim().min(1).max(200),
        email: emailSchema(),
        role: z.enum(ROLES),
        language: z.enum(LANGUAGES).optional(),
      }),
      reason: reason(),
    }),
  recordOnBehalf: () =>
    z
      .strictObject({
        ...by(),
        partyCode: z.string().min(1),
        reason: reason(),
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
  cancel: () => z.strictObject({ ...by(), ...confirm(), reason: reason() }),
};

/** Each control's Update, slug and schema (built when read, ./schema-kit.ts). */
export const CYCLE_CONTROLS = {
  publishDraft: declared({ update: 'publishDraft', slug: 'publish-draft' }, schemas.publishDraft),
  closePhase: declared({ update: 'closePhase', slug: 'close-phase' }, schemas.closePhase),
  extendDeadline: declared({ update: 'extendDeadline', slug: 'extend' }, schemas.extendDeadline),
  scheduleMeeting: declared({ update: 'scheduleMeeting', slug: 'schedule-meeting' }, schemas.scheduleMeeting),
  recordMinutes: declared({ update: 'recordMinutes', slug: 'record-minutes' }, schemas.recordMinutes),
  startSignOff: declared({ update: 'startSignOff', slug: 'start-sign-off' }, schemas.startSignOff),
  replaceParticipant: declared(
    { update: 'replaceParticipant', slug: 'replace-participant' },
    schemas.replaceParticipant,
  ),
  recordOnBehalf: declared({ update: 'recordOnBehalf', slug: 'record' }, schemas.recordOnBehalf),
  cancel: declared({ update: 'cancelCycle', slug: 'cancel' }, schemas.cancel),
};

/** A control by its name in the cycle's rules and the ledger (`control.<name>`). */
export type ControlName = keyof typeof CYCLE_CONTROLS;
/** A control by its name on the web (`/cycles/:id/<slug>`) and in the CLI (`sopu cycle <slug>`). */
export type ControlSlug = (typeof CYCLE_CONTROLS)[ControlName]['slug'];
export type ControlRequest<K extends ControlName> = z.output<(typeof CYCLE_CONTROLS)[K]['schema']>;

/** Controls in the order the cycle page offers them. */
export const CONTROL_NAMES = Object.keys(CYCLE_CONTROLS) as ControlName[];
export const controlBySlug = (slug: string): ControlName | undefined =>
  CONTROL_NAMES.find((name) => CYCLE_CONTROLS[name].slug === slug);

export type PublishDraftRequest = ControlRequest<'publishDraft'>;
export type ClosePhaseRequest = ControlRequest<'closePhase'>;
export type ScheduleMeetingRequest = ControlRequest<'scheduleMeeting'>;
export type RecordMinutesRequest = ControlRequest<'recordMinutes'>;
export type StartSignOffRequest = ControlRequest<'startSignOff'>;
export type ExtendDeadlineRequest = ControlRequest<'extendDeadline'>;
export type ReplaceParticipantRequest = ControlRequest<'replaceParticipant'>;
export type RecordOnBehalfRequest = ControlRequest<'recordOnBehalf'>;
export type CancelCycleRequest = ControlRequest<'cancel'>;

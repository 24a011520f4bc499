// A control's form read as its declared request (core/requests/cycle-controls.ts): a builder per control whose form
// is its own, typed by the control, so a form that does not make its Update's request is a compile error; any other
// control's request is read from its schema's fields.
import { DateTime } from 'luxon';
import { TIME_ZONE, type FileRef, type MediaType, type Role } from '../../../core/contracts';
import {
  CYCLE_CONTROLS,
  requestFields,
  requestOfFields,
  type ControlName,
  type ControlRequest,
} from '../../../core/requests';
import { UserError } from '../../cycles';
import type { Fields } from '../forms';
import type { StaffWords } from '../words/staff-words';
import { minutesRequest } from './minutes-form';

/** A draft stored first (claim check), as the form carries it on: its reference, never its bytes. */
const DRAFT_FIELDS = ['draft_sha256', 'draft_name', 'draft_type', 'draft_bytes'] as const;
export const draftFields = (ref: FileRef): Fields => ({
  draft_sha256: ref.sha256,
  draft_name: ref.name,
  draft_type: ref.mediaType,
  draft_bytes: String(ref.bytes),
});
function draftRef(w: StaffWords, f: Fields): FileRef {
  if (DRAFT_FIELDS.some((k) => !f[k])) throw new UserError(w.controls.noDraftFile);
  return {
    sha256: f.draft_sha256!,
    name: f.draft_name!,
    mediaType: f.draft_type as MediaType,
    bytes: Number(f.draft_bytes),
  };
}

/** A yes given on the confirmation page. */
const confirm = (f: Fields) => (f.confirm === 'yes' ? { confirm: true as const } : {});

type Builder<K extends ControlName> = (f: Fields, by: string, w: StaffWords) => ControlRequest<K>;

const BUILDERS: { [K in ControlName]?: Builder<K> } = {
  publishDraft: (f, by, w) => ({ by, ...confirm(f), title: f.title ?? '', file: draftRef(w, f) }),
  closePhase: (f, by) => ({ by, ...confirm(f) }),
  extendDeadline: (f, by) => ({
    by,
    partyCode: f.partyCode || undefined,
    workingDays: Number(f.workingDays),
    reason: f.reason ?? '',
  }),
  scheduleMeeting: (f, by, w) => {
    // As Finns write it (15.1.2027 and 10.00), in Helsinki time: never the browser's own date format.
    const at = DateTime.fromFormat(
      `${(f.meetingDate ?? '').trim()} ${(f.meetingTime ?? '').trim().replace(':', '.')}`,
      'd.M.yyyy H.mm',
      { zone: TIME_ZONE },
    );
    if (!at.isValid) throw new UserError(w.controls.meetingStart);
    return { by, ...confirm(f), startsAt: at.toISO()!, location: f.location || undefined, link: f.link || undefined };
  },
  recordMinutes: (f, by) => minutesRequest(f, by, (code) => f[`partyName.${code}`] || code),
  startSignOff: (f, by) => ({
    by,
    ...confirm(f),
    documentVersion: f.documentVersion ? Number(f.documentVersion) : undefined,
    noMeetingReason: f.noMeetingReason?.trim() || undefined,
  }),
  replaceParticipant: (f, by) => ({
    by,
    partyCode: f.partyCode ?? '',
    oldEmail: f.oldEmail ?? '',
    // The Update's validator refuses a role that is not one.
    participant: { name: f.name ?? '', email: f.email ?? '', role: f.role as Role },
    reason: f.reason ?? '',
  }),
  recordOnBehalf: (f, by) => {
    const text = f.text?.trim() || undefined;
    const what =
      f.what === 'approve'
        ? { signOff: { decision: 'approved' as const, decisionReference: text } }
        : f.what === 'reject'
          ? { signOff: { decision: 'rejected' as const, reason: text } }
          : { answer: f.what === 'no-comments' ? { noComments: true } : { text } };
    return { by, partyCode: f.partyCode ?? '', reason: f.reason ?? '', ...what };
  },
  cancel: (f, by) => ({ by, ...confirm(f), reason: f.reason ?? '' }),
};

/** The control's request from its form: its own builder, or its fields read by its schema. */
export function formRequest<K extends ControlName>(name: K, f: Fields, by: string, w: StaffWords): ControlRequest<K> {
  const own = BUILDERS[name] as Builder<K> | undefined;
  if (own) return own(f, by, w);
  const fields = requestFields(CYCLE_CONTROLS[name].schema) ?? [];
  return { by, ...confirm(f), ...requestOfFields(fields, f) } as ControlRequest<K>;
}

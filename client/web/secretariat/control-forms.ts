// The cycle page's control forms, one per declared control (core/requests/cycle-controls.ts): those whose request is
// more than plain fields have their own here; any other is derived from its schema's fields. Each posts to
// /cycles/:id/<slug> with the CSRF token and a one-time request id.
import {
  CONTROL_NAMES,
  CYCLE_CONTROLS,
  requestFields,
  type ControlName,
  type RequestField,
} from '../../../core/requests';
import type { AgendaEntry, CycleStatus, Language } from '../../../core/contracts';
import { minutesFields, type Registration } from './minutes-form';
import { html, type SafeHtml } from '../html';
import { requestIdField } from '../request-id';
import type { StaffWords } from '../words/staff-words';

/** What a control's form is filled from besides the cycle's state. */
export interface FormExtras {
  lang: Language;
  registrations: Registration[];
  agenda: AgendaEntry[];
}

interface FormContext extends FormExtras {
  w: StaffWords;
  status: CycleStatus;
  /** The parties as options of a select. */
  parties: SafeHtml[];
  /** A required reason field, its id prefixed. */
  reason: (idPrefix: string) => SafeHtml;
  options: (words: Record<string, string>) => SafeHtml[];
}

type ControlForm = { multipart?: boolean; fields: (c: FormContext) => SafeHtml | string };

/** The controls with a form of their own, and whether it sends a file. */
const FORMS: { [K in ControlName]?: ControlForm } = {
  publishDraft: {
    multipart: true,
    fields: ({ w: { controls: c } }) =>
      html`<label for="draft-title">${c.draftTitle}</label><input type="text" id="draft-title" name="title" required><label for="draft-file">${c.draftFile}</label><input type="file" id="draft-file" name="file" accept=".md,.txt,.docx,.odt,.pdf" required>`,
  },
  closePhase: {
    fields: ({ w, status }) =>
      html`<p class="muted">${w.controls.openPhase(status.openPhaseKey ? w.phaseKey(status.openPhaseKey) : '–')}</p>`,
  },
  extendDeadline: {
    fields: ({ w: { controls: c }, parties, reason }) =>
      html`<label for="extend-party">${c.party}</label><select id="extend-party" name="partyCode"><option value="">${c.allParties}</option>${parties}</select><label for="extend-days">${c.workingDays}</label><input type="number" id="extend-days" name="workingDays" min="1" max="60" value="5" required>${reason('extend')}`,
  },
  scheduleMeeting: {
    fields: ({ w: { controls: c } }) =>
      html`<label for="meeting-date">${c.meetingDate}</label><p class="hint" id="meeting-date-hint">${c.dateHint}</p><input type="text" id="meeting-date" name="meetingDate" inputmode="numeric" aria-describedby="meeting-date-hint" required><label for="meeting-time">${c.meetingTime}</label><p class="hint" id="meeting-time-hint">${c.timeHint}</p><input type="text" id="meeting-time" name="meetingTime" inputmode="numeric" aria-describedby="meeting-time-hint" required><label for="meeting-location">${c.place}</label><input type="text" id="meeting-location" name="location"><label for="meeting-link">${c.link}</label><input type="text" id="meeting-link" name="link">`,
  },
  recordMinutes: {
    // The parties' names go with the form: an added attendee's organisation is the party's unless written.
    fields: ({ lang, status, registrations, agenda }) =>
      html`${status.parties.map((p) => html`<input type="hidden" name="partyName.${p.code}" value="${p.name}">`)}${minutesFields(lang, status, registrations, agenda)}`,
  },
  startSignOff: {
    fields: ({ w: { controls: c }, status }) =>
      html`<label for="signoff-version">${c.finalVersion}</label><input type="number" id="signoff-version" name="documentVersion" min="1">${status.minutesRecorded ? '' : html`<label for="signoff-no-meeting">${c.noMeeting}</label><input type="text" id="signoff-no-meeting" name="noMeetingReason">`}`,
  },
  replaceParticipant: {
    fields: ({ w: { controls: c }, parties, reason, options }) =>
      html`<label for="replace-party">${c.party}</label><select id="replace-party" name="partyCode">${parties}</select><label for="replace-old">${c.currentEmail}</label><input type="email" id="replace-old" name="oldEmail" required><label for="replace-name">${c.newName}</label><input type="text" id="replace-name" name="name" required><label for="replace-email">${c.newEmail}</label><input type="email" id="replace-email" name="email" required><label for="replace-role">${c.role}</label><select id="replace-role" name="role">${options(c.roles)}</select>${reason('replace')}`,
  },
  recordOnBehalf: {
    fields: ({ w: { controls: c }, parties, reason, options }) =>
      html`<label for="record-party">${c.party}</label><select id="record-party" name="partyCode">${parties}</select><label for="record-kind">${c.what}</label><select id="record-kind" name="what">${options(c.whatKinds)}</select><label for="record-text">${c.recordText}</label><textarea id="record-text" name="text"></textarea>${reason('record')}`,
  },
  cancel: { fields: ({ reason }) => reason('cancel') },
};

/** A form derived from the request's fields: a text, a number, a choice or a yes/no each, labelled in words. */
export function derivedForm(name: ControlName, fields: RequestField[]): ControlForm {
  return {
    fields: ({ w, options }) =>
      html`${fields.map((f) => {
        const id = `${CYCLE_CONTROLS[name].slug}-${f.key}`;
        const label = html`<label for="${id}">${w.controls.fields[f.key] ?? f.key}</label>`;
        const required = f.required ? html` required` : '';
        if (f.kind === 'choice')
          return html`${label}<select id="${id}" name="${f.key}"${required}>${options(Object.fromEntries((f.choices ?? []).map((c) => [c, w.controls.fields[c] ?? c])))}</select>`;
        if (f.kind === 'flag') return html`${label}<input type="checkbox" id="${id}" name="${f.key}" value="yes">`;
        return html`${label}<input type="${f.kind === 'number' ? 'number' : 'text'}" id="${id}" name="${f.key}"${required}>`;
      })}`,
  };
}

/** A control's form: its own, or one derived from its fields; a control with neither fails at start-up. */
export function formOf(name: ControlName): ControlForm {
  const own = FORMS[name];
  if (own) return own;
  const fields = requestFields(CYCLE_CONTROLS[name].schema);
  if (!fields) throw new Error(`control ${name} needs a form of its own: its request is more than plain fields`);
  return derivedForm(name, fields);
}

/** Every control of a running cycle, in the order they are declared. */
export function controlForms(w: StaffWords, status: CycleStatus, csrf: SafeHtml, extras: FormExtras): SafeHtml {
  const c = w.controls;
  const id = encodeURIComponent(status.cycleId);
  const context: FormContext = {
    ...extras,
    w,
    status,
    parties: status.parties.map((p) => html`<option value="${p.code}">${p.code} ${p.name}</option>`),
    reason: (idPrefix) =>
      html`<label for="${idPrefix}-reason">${c.reason}</label><input type="text" id="${idPrefix}-reason" name="reason" required>`,
    options: (words) => Object.entries(words).map(([value, label]) => html`<option value="${value}">${label}</option>`),
  };
  const forms = CONTROL_NAMES.map((name) => {
    const { multipart, fields } = formOf(name);
    const slug = CYCLE_CONTROLS[name].slug;
    return html`<form id="control-${slug}" method="post" action="/cycles/${id}/${slug}" ${multipart ? html`enctype="multipart/form-data"` : ''}><fieldset><legend>${c.legend[name]}</legend>${csrf}${requestIdField()}${fields(context)}<button type="submit">${c.legend[name]}</button></fieldset></form>`;
  });
  return html`${forms}`;
}

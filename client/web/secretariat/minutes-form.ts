// The minutes as a form: attendees ticked from the parties' registrations or added a row each, the agenda's items
// filled in with a conclusion each, and a preview of the message every participant receives. Read back as the
// recordMinutes request (core/requests/cycle-controls.ts).
import {
  LANGUAGES,
  type AgendaEntry,
  type CycleStatus,
  type Language,
  type Notification,
} from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import { renderEmail } from '../../../core/domain/email/templates';
import type { ControlRequest } from '../../../core/requests';
import type { Fields } from '../forms';
import { html, type SafeHtml } from '../html';
import { MINUTES_WORDS } from '../words/minutes-words';

export interface Registration {
  partyCode: string;
  name: string;
  role: string;
  organisation: string;
}

/** Rows for attendees and items not yet written: a form a meeting's secretary can fill without adding rows. */
const SPARE_ATTENDEES = 4;
const SPARE_ITEMS = 2;

export function minutesFields(
  lang: Language,
  status: CycleStatus,
  registrations: Registration[],
  agenda: AgendaEntry[],
): SafeHtml {
  const m = MINUTES_WORDS[lang];
  const parties = status.parties.map((p) => html`<option value="${p.code}">${p.code} ${p.name}</option>`);
  const registered = registrations.length
    ? registrations.map(
        (r, i) =>
          html`<label class="check"><input type="checkbox" name="att.${i}" value="yes" checked> ${r.name} (${r.role}, ${r.organisation})</label>${(['partyCode', 'name', 'role', 'organisation'] as const).map((k) => html`<input type="hidden" name="att.${i}.${k}" value="${r[k]}">`)}`,
      )
    : html`<p class="muted">${m.noneRegistered}</p>`;
  const spare = Array.from({ length: SPARE_ATTENDEES }, (_, j) => {
    const id = (k: string) => `minutes-add-${j}-${k}`;
    return html`<fieldset class="row"><legend>${m.attendee(registrations.length + j + 1)}</legend>
      <label for="${id('party')}">${m.party}</label><select id="${id('party')}" name="add.${j}.partyCode">${parties}</select>
      <label for="${id('name')}">${m.name}</label><input type="text" id="${id('name')}" name="add.${j}.name">
      <label for="${id('role')}">${m.role}</label><input type="text" id="${id('role')}" name="add.${j}.role">
      <label for="${id('org')}">${m.organisation} (${m.organisationHint})</label><input type="text" id="${id('org')}" name="add.${j}.organisation"></fieldset>`;
  });
  const titles = [...agenda.map((a) => agendaName(a, lang)), ...Array.from({ length: SPARE_ITEMS }, () => '')];
  const items = titles.map(
    (title, i) =>
      html`<fieldset class="row"><legend>${m.item(i + 1)}</legend><label for="minutes-item-${i}-title">${m.title}</label><input type="text" id="minutes-item-${i}-title" name="item.${i}.title" value="${title}">
        <label for="minutes-item-${i}-conclusion">${m.conclusion}</label><textarea id="minutes-item-${i}-conclusion" name="item.${i}.conclusion"></textarea></fieldset>`,
  );
  return html`<fieldset><legend>${m.registered}</legend>${registered}</fieldset>
    <fieldset><legend>${m.added}</legend><p class="hint">${m.addedHint}</p>${spare}</fieldset>
    <fieldset><legend>${m.itemsHint}</legend>${items}</fieldset>
    <button type="submit" name="preview" value="yes" class="secondary">${m.preview}</button>`;
}

/** Numbered rows of a form (`att.3.name`) by their number, in order. */
function rows(f: Fields, prefix: string): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(f)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!match) continue;
    const row = out.get(Number(match[1])) ?? {};
    row[match[2]!] = (value ?? '').trim();
    out.set(Number(match[1]), row);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a - b));
}

export function minutesRequest(
  f: Fields,
  by: string,
  partyName: (code: string) => string,
): ControlRequest<'recordMinutes'> {
  const person = (r: Record<string, string>) => ({
    partyCode: r.partyCode ?? '',
    name: r.name ?? '',
    role: r.role ?? '',
    organisation: r.organisation || partyName(r.partyCode ?? ''),
  });
  const registered = [...rows(f, 'att').entries()].filter(([i]) => f[`att.${i}`] === 'yes').map(([, r]) => person(r));
  const added = [...rows(f, 'add').values()].filter((r) => r.name || r.role).map(person);
  const items = [...rows(f, 'item').values()]
    // The agenda's titles come filled in: an item is the minutes' when its conclusion is written.
    .filter((r) => r.conclusion)
    .map((r, i) => ({ number: i + 1, title: r.title ?? '', conclusion: r.conclusion ?? '' }));
  return { by, attendees: [...registered, ...added], items };
}

/** What every participant will receive, in each language the cycle's participants read. */
export function minutesPreview(
  lang: Language,
  status: CycleStatus,
  request: ControlRequest<'recordMinutes'>,
  languages: Language[],
): SafeHtml {
  const m = MINUTES_WORDS[lang];
  const mails = LANGUAGES.filter((l) => languages.includes(l)).map((language) => {
    const notification: Notification = {
      kind: 'minutes',
      cycleId: status.cycleId,
      cycleTitle: status.title,
      recipient: { name: '', email: '', language },
      replyTo: status.secretariat.email,
      meetingStartsAt: status.meeting?.startsAt ?? null,
      items: request.items,
    };
    const mail = renderEmail(notification, null);
    return html`<h2>${m.mailIn(m.languages[language])}</h2><p><strong>${mail.subject}</strong></p><pre class="mail" lang="${language}">${mail.text}</pre>`;
  });
  return html`<p>${m.previewLead}</p>${mails}`;
}

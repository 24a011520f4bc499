// The party directory as pages: a county's parties with their people and counterpart pairs, forms to add, edit and
// remove, the import with its refused rows to fix, the latest changes, and the running negotiations a change
// concerns with a replacement offered in each.
import { LANGUAGES, ROLES } from '../../../../core/contracts';
import { AGENDA_ITEMS, COOPERATION_AREAS } from '../../../../core/domain/cycle-templates';
import { DIRECTORY_ROLES, type DirectoryEntry, type DirectoryProblem } from '../../../../core/domain/directory-rows';
import { DIRECTORY_SHEET_WORDS, directoryProblemIn } from '../../../../core/domain/directory-words';
import type { CounterpartPair } from '../../../../db/directory';
import { helsinkiTime } from '../../../answers';
import type { Fields } from '../../forms';
import { html, type SafeHtml } from '../../html';
import { requestIdField } from '../../request-id';
import type { StaffReader } from '../../session';
import type { DirectoryWords } from '../../words/directory-words';

export interface DirectoryParty {
  code: string;
  name: string;
  municipality: boolean;
  entries: DirectoryEntry[];
  pairs: CounterpartPair[];
}

export interface DirectoryChangeRow {
  partyCode: string;
  action: keyof DirectoryWords['change'];
  after: unknown;
  before: unknown;
  by: string;
  at: Date;
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

/** The fields of one person: used to add, to edit, and to fix a refused row. */
export function entryFields(
  user: StaffReader,
  dw: DirectoryWords,
  prefix: string,
  values: Fields,
  problems: DirectoryProblem[] = [],
): SafeHtml {
  const roles = DIRECTORY_SHEET_WORDS[user.lang].roles;
  const at = (field: string) => {
    const own = problems.filter((p) => p.field === field);
    return own.length
      ? {
          note: html`<p class="field-error" id="${prefix}-${field}-problem">${own.map((p) => directoryProblemIn(user.lang, { ...p, field: 'file' })).join(' ')}</p>`,
          attrs: html` aria-describedby="${prefix}-${field}-problem" aria-invalid="true"`,
        }
      : { note: '', attrs: '' };
  };
  const text = (field: string, label: string, type = 'text') => {
    const { note, attrs } = at(field);
    return html`<label for="${prefix}-${field}">${label}</label>${note}<input type="${type}" id="${prefix}-${field}" name="${field}" value="${values[field] ?? ''}"${attrs} required>`;
  };
  const choice = (field: string, label: string, choices: [string, string][]) => {
    const { note, attrs } = at(field);
    return html`<label for="${prefix}-${field}">${label}</label>${note}<select id="${prefix}-${field}" name="${field}"${attrs}>${choices.map(([v, l]) => option(v, l, (values[field] ?? '') === v))}</select>`;
  };
  const { note: codeNote } = at('party_code');
  return html`${codeNote}<input type="hidden" name="party_code" value="${values.party_code ?? ''}">${text('name', dw.name)}${text('email', dw.email, 'email')}
    ${choice(
      'role',
      dw.role,
      DIRECTORY_ROLES.map((r): [string, string] => [r, roles[r]]),
    )}
    ${choice('language', dw.language, [['', dw.languageDefault], ...LANGUAGES.map((l): [string, string] => [l, dw.languages[l]])])}`;
}

function partySection(user: StaffReader, dw: DirectoryWords, party: DirectoryParty, csrf: SafeHtml): SafeHtml {
  const roles = DIRECTORY_SHEET_WORDS[user.lang].roles;
  const label = dw.party(party.name, party.code);
  const missing = ROLES.filter((r) => r !== 'member' && !party.entries.some((e) => e.role === r));
  const editHref = (e: DirectoryEntry) =>
    `/directory/entry?${new URLSearchParams({ party: e.party_code, email: e.email, role: e.role })}`;
  const entries = party.entries.length
    ? html`<table><thead><tr><th scope="col">${dw.role}</th><th scope="col">${dw.name}</th><th scope="col">${dw.email}</th><th scope="col">${dw.language}</th><th scope="col">${dw.actions}</th></tr></thead><tbody>${party.entries.map(
        (e) =>
          html`<tr><td>${roles[e.role]}</td><td>${e.name}</td><td>${e.email}</td><td>${e.language ? dw.languages[e.language] : dw.languageDefault}</td><td><a href="${editHref(e)}" aria-label="${dw.editOf(e.name, party.name)}">${dw.edit}</a>
            <form class="inline" method="post" action="/directory/entries/remove">${csrf}<input type="hidden" name="party_code" value="${e.party_code}"><input type="hidden" name="email" value="${e.email}"><input type="hidden" name="role" value="${e.role}"><button type="submit" class="secondary" aria-label="${dw.removeOf(e.name, party.name)}">${dw.remove}</button></form></td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">${dw.nobody}</p>`;
  const prefix = `add-${party.code}`;
  const pairs = party.municipality
    ? html`<h3>${dw.pairs}</h3><p class="hint">${dw.pairsHint}</p>${
        party.pairs.length
          ? html`<table><thead><tr><th scope="col">${dw.area}</th><th scope="col">${dw.municipalityPerson}</th><th scope="col">${dw.countyPerson}</th><th scope="col">${dw.actions}</th></tr></thead><tbody>${party.pairs.map(
              (p) =>
                html`<tr><td>${AGENDA_ITEMS[p.area]?.[user.lang] ?? p.area}</td><td>${p.municipality_name} &lt;${p.municipality_email}&gt;</td><td>${p.county_name} &lt;${p.county_email}&gt;</td><td><form class="inline" method="post" action="/directory/pairs/remove">${csrf}<input type="hidden" name="party_code" value="${party.code}"><input type="hidden" name="area" value="${p.area}"><button type="submit" class="secondary" aria-label="${dw.removePair}: ${AGENDA_ITEMS[p.area]?.[user.lang] ?? p.area}, ${party.name}">${dw.removePair}</button></form></td></tr>`,
            )}</tbody></table>`
          : html`<p class="muted">${dw.noPairs}</p>`
      }
      <form method="post" action="/directory/pairs"><fieldset><legend>${dw.setPair}: ${party.name}</legend>${csrf}<input type="hidden" name="party_code" value="${party.code}">
        <label for="pair-${party.code}-area">${dw.area}</label><select id="pair-${party.code}-area" name="area">${COOPERATION_AREAS.map((a) => option(a, AGENDA_ITEMS[a]![user.lang], false))}</select>
        <label for="pair-${party.code}-mn">${dw.municipalityPerson}: ${dw.name}</label><input type="text" id="pair-${party.code}-mn" name="municipality_name" required>
        <label for="pair-${party.code}-me">${dw.municipalityPerson}: ${dw.email}</label><input type="email" id="pair-${party.code}-me" name="municipality_email" required>
        <label for="pair-${party.code}-cn">${dw.countyPerson}: ${dw.name}</label><input type="text" id="pair-${party.code}-cn" name="county_name" required>
        <label for="pair-${party.code}-ce">${dw.countyPerson}: ${dw.email}</label><input type="email" id="pair-${party.code}-ce" name="county_email" required>
        <button type="submit">${dw.setPair}</button></fieldset></form>`
    : '';
  return html`<section id="party-${party.code}" aria-labelledby="party-${party.code}-h"><h2 id="party-${party.code}-h">${label}</h2>
    ${missing.length ? html`<p class="field-error">${dw.missing(missing.map((r) => roles[r]).join(', '))}</p>` : ''}${entries}
    <form method="post" action="/directory/entries"><fieldset><legend>${dw.addTo(party.name)}</legend>${csrf}${entryFields(user, dw, prefix, { party_code: party.code, role: missing[0] ?? 'member' })}<button type="submit">${dw.add}</button></fieldset></form>
    ${pairs}</section>`;
}

export function directoryBody(
  user: StaffReader,
  dw: DirectoryWords,
  view: {
    counties: { code: string; name: string }[];
    county: string | null;
    parties: DirectoryParty[];
    changes: DirectoryChangeRow[];
    names: (code: string) => string;
  },
  notice: { ok: boolean; text: string } | null,
  csrf: SafeHtml,
): SafeHtml {
  const summary = (value: unknown) => {
    const v = value as Partial<DirectoryEntry & CounterpartPair> | Partial<DirectoryEntry>[] | null;
    if (!v) return '';
    if (Array.isArray(v)) return v.map((e) => e.name).join(', ');
    return v.name ?? (v.municipality_name ? `${v.municipality_name} – ${v.county_name}` : '');
  };
  return html`<h1>${dw.heading}</h1>${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}<p>${dw.intro}</p>
    <form method="get" action="/directory"><label for="county">${dw.county}</label><select id="county" name="county">${view.counties.map((c) => option(c.code, `${c.name} (${c.code})`, c.code === view.county))}</select><button type="submit">${dw.show}</button></form>
    <section aria-labelledby="import-h"><h2 id="import-h">${dw.importHeading}</h2><p class="hint">${dw.importHint}</p>
      <form method="post" action="/directory/import" enctype="multipart/form-data">${csrf}<label for="directory-file">${dw.file}</label><input type="file" id="directory-file" name="file" accept=".xlsx,.csv" required><button type="submit">${dw.importButton}</button></form>
      <p><a href="/directory/template.xlsx">${dw.template}</a>${view.county ? html` · <a href="/directory/export.xlsx?county=${view.county}">${dw.export}</a>` : ''}</p></section>
    ${view.parties.map((p) => partySection(user, dw, p, csrf))}
    ${view.county ? html`<h2>${dw.changes}</h2>${view.changes.length ? html`<table><thead><tr><th scope="col">${dw.when}</th><th scope="col">${dw.who}</th><th scope="col">${dw.what}</th></tr></thead><tbody>${view.changes.map((c) => html`<tr><td>${helsinkiTime(c.at)}</td><td>${c.by}</td><td>${view.names(c.partyCode)}: ${dw.change[c.action]} ${summary(c.after ?? c.before)}</td></tr>`)}</tbody></table>` : html`<p class="muted">${dw.noChanges}</p>`}` : ''}`;
}

/** After a change: the running negotiations in which the person acted, each with its replacement ready to send. */
export function offersBody(
  user: StaffReader,
  dw: DirectoryWords,
  change: { name: string; county: string; partyCode: string; oldEmail: string; replacement: DirectoryEntry | null },
  cycles: { cycleId: string; title: string; role: string }[],
  csrf: SafeHtml,
): SafeHtml {
  return html`<h1>${dw.heading}</h1><div class="notice" role="status">${change.replacement ? dw.saved : dw.removed}</div>
    <p>${dw.actsIn(change.name)}</p><ul>${cycles.map((c) => {
      const id = encodeURIComponent(c.cycleId);
      const r = change.replacement;
      return html`<li>${
        r
          ? html`<form method="post" action="/cycles/${id}/replace-participant">${csrf}${requestIdField()}<input type="hidden" name="partyCode" value="${change.partyCode}"><input type="hidden" name="oldEmail" value="${change.oldEmail}"><input type="hidden" name="name" value="${r.name}"><input type="hidden" name="email" value="${r.email}"><input type="hidden" name="role" value="${c.role}"><input type="hidden" name="reason" value="${dw.replaceReason}"><button type="submit">${dw.replaceIn(c.title)}</button></form>`
          : html`<a href="/cycles/${id}">${dw.openCycle(c.title)}</a>`
      }</li>`;
    })}</ul><p><a href="/directory?county=${change.county}">${dw.backToDirectory}</a></p>`;
}

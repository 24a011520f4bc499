// The new-cycle form as pages: choosing what to negotiate (and from which earlier cycle), then the whole definition
// as a form, every problem shown at its field and listed above with a link to it.
import { CYCLE_KINDS, LANGUAGES, ROLES, type CycleKind } from '../../../../core/contracts';
import { AGENDA_ITEMS } from '../../../../core/domain/cycle-templates';
import { partyNameIn } from '../../../../core/domain/local-names';
import type { ReferenceData } from '../../../../core/domain/reference';
import type { CycleDraft, DirectoryChange } from '../../../cycle-drafts';
import type { Fields } from '../../forms';
import { html, type SafeHtml } from '../../html';
import { type StaffReader } from '../../session';
import { inScope } from '../../staff-session';
import type { NewCycleWords } from '../../words/new-cycle-words';
import { organisationsOf, orgSlot, peopleOf } from './form-fields';

/** A problem found in the form: where it is (a field's id) and what it is, in the reader's words. */
export interface FieldProblem {
  anchor: string;
  label: string;
  text: string;
}

export interface EarlierCycle {
  id: string;
  kind: string;
  title: string;
  period: string;
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

/** What to negotiate: kind, county, period, or an earlier cycle to start from. */
export function choiceBody(
  user: StaffReader,
  nw: NewCycleWords,
  reference: ReferenceData,
  earlier: EarlierCycle[],
  chosen: Fields,
  problems: string[],
): SafeHtml {
  const counties = [...reference.counties.values()]
    .filter((c) => inScope(user, c.code))
    .sort((a, b) => a.name[user.lang].localeCompare(b.name[user.lang]));
  return html`<h1>${nw.heading}</h1><p>${nw.intro}</p>
    ${problems.length ? html`<div class="error" role="alert"><h2>${nw.chooseProblems}</h2><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
    <form method="get" action="/cycles/new"><fieldset><legend>${nw.choose}</legend>
      <label for="kind">${nw.kind}</label><select id="kind" name="kind">${CYCLE_KINDS.map((k) => option(k, user.w.kind[k], chosen.kind === k))}</select>
      <label for="county">${nw.county}</label><select id="county" name="county">${counties.map((c) => option(c.code, `${c.name[user.lang]} (${c.code})`, chosen.county === c.code))}</select>
      <label for="period">${nw.period}</label><p class="hint" id="period-hint">${nw.periodHint}</p><input type="text" id="period" name="period" value="${chosen.period ?? ''}" aria-describedby="period-hint" inputmode="numeric">
      <label for="from">${nw.earlier}</label><p class="hint" id="from-hint">${nw.earlierHint}</p><select id="from" name="from" aria-describedby="from-hint">${option('', nw.earlierNone, !chosen.from)}${earlier.map((c) => option(c.id, `${c.title} (${user.w.kind[c.kind as CycleKind] ?? c.kind}, ${c.period})`, chosen.from === c.id))}</select>
      <button type="submit">${nw.next}</button></fieldset></form>`;
}

interface FormContext {
  user: StaffReader;
  nw: NewCycleWords;
  reference: ReferenceData;
  fields: Fields;
  problems: FieldProblem[];
}

/** A field's own problems, said under its label and tied to it. */
function problemsAt(c: FormContext, anchor: string): { note: SafeHtml | ''; describedBy: string[] } {
  const own = c.problems.filter((p) => p.anchor === anchor);
  if (!own.length) return { note: '', describedBy: [] };
  const id = `${anchor}-problem`;
  return {
    note: html`<p class="field-error" id="${id}">${own.map((p) => p.text).join(' ')}</p>`,
    describedBy: [id],
  };
}

function input(
  c: FormContext,
  name: string,
  label: string,
  options: { type?: string; hint?: string; required?: boolean; inputmode?: string } = {},
): SafeHtml {
  const { note, describedBy } = problemsAt(c, name);
  const hintId = `${name}-hint`;
  const described = [...(options.hint ? [hintId] : []), ...describedBy];
  return html`<label for="${name}">${label}</label>${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}${note}<input type="${options.type ?? 'text'}" id="${name}" name="${name}" value="${c.fields[name] ?? ''}"${described.length ? html` aria-describedby="${described.join(' ')}"` : ''}${describedBy.length ? html` aria-invalid="true"` : ''}${options.required ? html` required` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}>`;
}

function select(c: FormContext, name: string, label: string, choices: [string, string][]): SafeHtml {
  const { note, describedBy } = problemsAt(c, name);
  return html`<label for="${name}">${label}</label>${note}<select id="${name}" name="${name}"${describedBy.length ? html` aria-describedby="${describedBy.join(' ')}" aria-invalid="true"` : ''}>${choices.map(([v, l]) => option(v, l, (c.fields[name] ?? '') === v))}</select>`;
}

/** A party's people as rows of a table, and one empty row to add someone. */
function peopleTable(c: FormContext, slot: string, partyName: string): SafeHtml {
  const { nw } = c;
  const rows = [...peopleOf(c.fields, slot), { name: '', email: '', role: 'member', language: '' }];
  const cell = (j: number, key: string, label: string, value: string, type = 'text') =>
    html`<td><input type="${type}" name="people.${slot}.${j}.${key}" value="${value}" aria-label="${label} ${j + 1}, ${partyName}"></td>`;
  const choice = (j: number, key: string, label: string, value: string, choices: [string, string][]) =>
    html`<td><select name="people.${slot}.${j}.${key}" aria-label="${label} ${j + 1}, ${partyName}">${choices.map(([v, l]) => option(v, l, value === v))}</select></td>`;
  const roles = ROLES.map((r): [string, string] => [r, nw.roles[r]]);
  const languages: [string, string][] = [
    ['', nw.languageDefault],
    ...LANGUAGES.map((l): [string, string] => [l, nw.languages[l]]),
  ];
  return html`<table class="people"><caption class="muted">${nw.participantsOf(partyName)}</caption><thead><tr><th scope="col">${nw.name}</th><th scope="col">${nw.email}</th><th scope="col">${nw.role}</th><th scope="col">${nw.language}</th></tr></thead><tbody>${rows.map(
    (p, j) =>
      html`<tr>${cell(j, 'name', nw.name, p.name)}${cell(j, 'email', nw.email, p.email, 'email')}${choice(j, 'role', nw.role, p.role, roles)}${choice(j, 'language', nw.language, p.language ?? '', languages)}</tr>`,
  )}</tbody></table>`;
}

function partiesFieldset(c: FormContext, changes: DirectoryChange[]): SafeHtml {
  const { nw, user, reference, fields } = c;
  const candidates = (fields.candidates ?? '').split(',').filter(Boolean);
  const named = (code: string) => partyNameIn(reference, code, code, user.lang);
  const changed = changes.length
    ? html`<div class="notice" role="status"><p>${nw.directoryChanged}:</p><ul>${changes.map((ch) => html`<li>${named(ch.party)}: ${[ch.joined.length ? nw.joined(ch.joined.join(', ')) : '', ch.left.length ? nw.left(ch.left.join(', ')) : ''].filter(Boolean).join('; ')}</li>`)}</ul></div>`
    : '';
  const { note } = problemsAt(c, 'parties');
  return html`<fieldset id="parties"><legend>${nw.parties}</legend><p class="hint">${nw.partiesHint}</p>${note}${changed}
    ${candidates.map((code) => {
      const name = `${named(code)} (${code})`;
      const { note: partyNote } = problemsAt(c, `party-${code}`);
      return html`<fieldset class="party" id="party-${code}"><legend>${name}</legend>${partyNote}
        <label class="check"><input type="checkbox" name="party.${code}" value="yes"${fields[`party.${code}`] === 'yes' ? html` checked` : ''}> ${nw.takesPart(named(code))}</label>
        ${peopleTable(c, code, named(code))}</fieldset>`;
    })}</fieldset>`;
}

function organisationsFieldset(c: FormContext): SafeHtml {
  const { nw, fields } = c;
  if (fields.kind === 'term' || fields.kind === 'ministry') return html``;
  const orgs = organisationsOf(fields);
  const blank = {
    slot: orgSlot(orgs.length ? Math.max(...orgs.map((o) => Number(o.slot.slice(3)))) + 1 : 0),
    code: '',
    name: '',
    language: '',
  };
  return html`<fieldset id="organisations"><legend>${nw.organisations}</legend><p class="hint">${nw.organisationsHint}</p>
    ${[...orgs, blank].map((o) => {
      const i = o.slot.slice(3);
      const legend = o.name || nw.newOrganisation;
      const { note } = problemsAt(c, `org-${i}`);
      return html`<fieldset class="party" id="org-${i}"><legend>${legend}</legend>${note}
        <label for="org.${i}.code">${nw.organisationCode}</label><input type="text" id="org.${i}.code" name="org.${i}.code" value="${o.code}">
        <label for="org.${i}.name">${nw.organisationName}</label><input type="text" id="org.${i}.name" name="org.${i}.name" value="${o.name}">
        <label for="org.${i}.language">${nw.language}</label><select id="org.${i}.language" name="org.${i}.language">${[['', nw.languages.fi], ...LANGUAGES.map((l) => [l, nw.languages[l]])].map(([v, l]) => option(v!, l!, o.language === v))}</select>
        ${peopleTable(c, o.slot, legend)}</fieldset>`;
    })}</fieldset>`;
}

function agendaFieldset(c: FormContext): SafeHtml {
  const { nw, user, fields } = c;
  const offered = (fields.agendaItems ?? '').split(',').filter(Boolean);
  const { note } = problemsAt(c, 'agenda');
  return html`<fieldset id="agenda"><legend>${nw.agenda}</legend>${note}${offered.length ? html`<p class="hint">${nw.agendaHint}</p>` : ''}
    ${offered.map((key) => html`<label class="check"><input type="checkbox" name="agenda.${key}" value="yes"${fields[`agenda.${key}`] === 'yes' ? html` checked` : ''}> ${AGENDA_ITEMS[key]?.[user.lang] ?? key}</label>`)}
    <label for="agendaMore">${nw.agendaMore}</label><p class="hint" id="agendaMore-hint">${nw.agendaMoreHint}</p><textarea id="agendaMore" name="agendaMore" aria-describedby="agendaMore-hint">${fields.agendaMore ?? ''}</textarea></fieldset>`;
}

/** The whole definition as a form, as drafted or as sent back with its problems. */
export function formBody(
  context: FormContext,
  draft: Pick<CycleDraft, 'changes'> & { fromTitle: string | null },
  csrf: SafeHtml,
): SafeHtml {
  const c = context;
  const { nw, user, fields, reference, problems } = c;
  const kind = fields.kind as CycleKind;
  const county = reference.counties.get(fields.county ?? '');
  const hidden = ['kind', 'county', 'period', 'from', 'candidates', 'agendaItems'].map(
    (key) => html`<input type="hidden" name="${key}" value="${fields[key] ?? ''}">`,
  );
  const changeLink = `/cycles/new?${new URLSearchParams({ kind, county: fields.county ?? '', period: fields.period ?? '' })}`;
  const summary = problems.length
    ? html`<div class="error" role="alert" id="problems"><h2>${nw.problems(problems.length)}</h2><ul>${problems.map((p) => html`<li><a href="#${p.anchor}">${p.label}</a>: ${p.text}</li>`)}</ul></div>`
    : '';
  const days = (key: string, label: string) => input(c, `schedule.${key}`, label, { type: 'number' });
  return html`<h1>${nw.heading}</h1>${summary}
    <form method="post" action="/cycles/new">${csrf}${hidden}
    <fieldset id="basics"><legend>${nw.basics}</legend>
      <table class="facts"><tr><th scope="row">${nw.kind}</th><td>${user.w.kind[kind]}</td></tr><tr><th scope="row">${nw.county}</th><td>${county?.name[user.lang] ?? fields.county}</td></tr><tr><th scope="row">${nw.period}</th><td id="period">${problemsAt(c, 'period').note}${fields.period}</td></tr></table>
      ${draft.fromTitle ? html`<p>${nw.fromEarlier(draft.fromTitle)}</p>` : ''}<p><a href="${changeLink}">${nw.change}</a></p>
      ${input(c, 'title', nw.title, { hint: nw.titleHint })}
      ${input(c, 'id', nw.id, { hint: nw.idHint })}
      ${input(c, 'startsOn', nw.startsOn, { hint: nw.startsOnHint, inputmode: 'numeric' })}
      ${input(c, 'supplementaryReason', nw.supplementaryReason, { hint: nw.supplementaryHint })}
    </fieldset>
    <fieldset id="secretariat"><legend>${nw.secretariat}</legend>${problemsAt(c, 'secretariat').note}
      ${input(c, 'secretariat.name', nw.name)}${input(c, 'secretariat.email', nw.email, { type: 'email' })}
      ${select(c, 'secretariat.language', nw.language, [['', nw.languages.fi], ...LANGUAGES.map((l): [string, string] => [l, nw.languages[l]])])}
    </fieldset>
    ${partiesFieldset(c, draft.changes)}
    ${organisationsFieldset(c)}
    ${agendaFieldset(c)}
    <fieldset id="thl"><legend>${nw.thlIndicators}</legend>${input(c, 'thlIndicators', nw.thlIndicators, { hint: nw.thlIndicatorsHint, inputmode: 'numeric' })}</fieldset>
    <fieldset id="schedule"><legend>${nw.schedule}</legend><p class="hint">${nw.scheduleHint}</p>
      ${days('preparationDays', nw.preparationDays)}${days('roundDays', nw.roundDays)}${days('signOffDays', nw.signOffDays)}${days('lateDays', nw.lateDays)}
      ${input(c, 'schedule.reminderDays', nw.reminderDays, { hint: nw.reminderHint })}${input(c, 'schedule.closingTime', nw.closingTime, { inputmode: 'numeric' })}
    </fieldset>
    <fieldset id="answersVisible"><legend>${nw.answersVisible}</legend>
      ${[
        ['after-phase', nw.afterPhase],
        ['secretariat-only', nw.secretariatOnly],
      ].map(
        ([value, label]) =>
          html`<label class="check"><input type="radio" name="answersVisible" value="${value!}"${fields.answersVisible === value ? html` checked` : ''}> ${label!}</label>`,
      )}
    </fieldset>
    <fieldset id="records"><legend>${nw.records}</legend>
      ${input(c, 'records.diaryNumber', nw.diaryNumber)}
      ${select(c, 'records.publicity', nw.publicity, [
        ['public', nw.public],
        ['secret', nw.secret],
      ])}
      ${input(c, 'records.secrecyGround', nw.secrecyGround)}
      ${input(c, 'records.retention', nw.retention, { hint: nw.retentionHint })}
    </fieldset>
    <button type="submit" name="action" value="check">${nw.check}</button>
    <button type="submit" name="action" value="download" class="secondary">${nw.download}</button>
    </form>`;
}

export type { FormContext };

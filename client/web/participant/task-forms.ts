// The forms of a task page, by the task's kind: an answer (general text, per agenda item with goals in the
// preparation, the follow-up of earlier goals, attachments), the meeting's attendees, and the sign-off.
import { GOAL_STATUSES, type AgendaEntry, type TaskState } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import type { DraftForm } from '../../../db/answer-drafts';
import type { RecordedGoal } from '../../../db/follow-up';
import { STATUS_WORDS } from '../../follow-up';
import { html, type SafeHtml } from '../html';
import { GOAL_FIELDS, type GoalField } from '../words/page-words';
import type { ThlChoices } from '../../../db/read-models/participant';
import { figure } from '../../charts/chart-words';
import { thlIndicatorIn } from '../../../core/domain/goal-figures';
import { requestIdField } from '../request-id';
import type { Resolved } from './resolve';

/** Goal rows per agenda item in the preparation form (pages run no script: a fixed number). */
export const GOAL_ROWS = 2;
export const ATTENDEE_ROWS = 3;

/** A goal's field: its THL indicator offers the catalogue's (a datalist) and names the one chosen; a baseline left
 * empty is offered THL's latest figure for the municipality. */
function goalField(r: Resolved, f: GoalField, id: string, values: DraftForm, thl: ThlChoices | null): SafeHtml {
  const { w, lang } = r;
  const chosen = thlIndicatorIn(values[id.replace(f, 'thlIndicator')]);
  const latest = chosen !== null ? thl?.latest.get(chosen) : undefined;
  let value = values[id] ?? '';
  let hint = '';
  if (f === 'thlIndicator' && chosen !== null) {
    const title = thl?.titles.get(chosen);
    hint = title ? w.thl.chosen(title) : thl?.catalogued ? w.thl.unknown : '';
  }
  // A number THL's catalogue does not list is never fetched: no promise of a figure for it.
  const listed = chosen !== null && (!thl?.catalogued || thl.titles.has(chosen));
  if (f === 'baseline' && listed && !value.trim()) {
    if (latest) value = figure(latest.value, lang);
    hint = latest ? w.thl.prefilled(latest.year) : w.thl.fetching;
  }
  const attributes =
    f === 'targetYear'
      ? html` min="2020" max="2100"`
      : f === 'thlIndicator'
        ? html` inputmode="numeric" list="thl-indicators"`
        : '';
  return html`<label for="${id}">${w.goalFields[f]}</label><input type="${f === 'targetYear' ? 'number' : 'text'}" id="${id}" name="${id}" value="${value}"${attributes}${hint ? html` aria-describedby="${id}-hint"` : ''}>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}`;
}

/** One agenda item's fields: a text, and in the preparation GOAL_ROWS goals (a row left empty is not sent). */
function areaFields(
  r: Resolved,
  kind: string,
  item: AgendaEntry,
  i: number,
  values: DraftForm,
  thl: ThlChoices | null,
): SafeHtml {
  const { w, lang } = r;
  const goals =
    kind === 'input'
      ? Array.from(
          { length: GOAL_ROWS },
          (_, j) =>
            html`<fieldset class="goal"><legend>${w.byArea.goal(j + 1)}</legend>${GOAL_FIELDS.map((f) =>
              goalField(r, f, `${f}-${i}-${j}`, values, thl),
            )}</fieldset>`,
        )
      : '';
  return html`<fieldset class="area"><legend>${agendaName(item, lang)}</legend>
    <label for="area-${i}">${w.byArea.text}</label><textarea id="area-${i}" name="area-${i}" maxlength="20000">${values[`area-${i}`] ?? ''}</textarea>${goals}</fieldset>`;
}

/** Each earlier goal with its status, the indicator's value and a comment (`fu-*-<k>`; the goal's record id in
 * `fu-goal-<k>`). */
function followUpFields(r: Resolved, goals: RecordedGoal[], values: DraftForm, thl: ThlChoices | null): SafeHtml {
  const { w, lang } = r;
  if (!goals.length) return html``;
  // THL's latest figure beside a goal that follows a THL indicator: the party reports its own, with THL's in sight.
  const latestOf = (g: RecordedGoal) => (g.thlIndicator ? thl?.latest.get(g.thlIndicator) : undefined);
  return html`<h3>${w.followUp.heading}</h3><p class="muted">${w.followUp.hint}</p>${goals.map(
    (
      g,
      k,
    ) => html`<fieldset class="goal"><legend>${g.goal} <span class="muted">(${g.agenda[g.area] !== undefined ? agendaName(g.agenda[g.area]!, lang) : ''}; ${w.followUp.setIn(g.period)}${g.targetYear ? `; ${g.target ?? ''} ${g.targetYear}` : ''})</span></legend>
      <input type="hidden" name="fu-goal-${k}" value="${g.ref}">
      <label for="fu-status-${k}">${w.followUp.status}</label><select id="fu-status-${k}" name="fu-status-${k}"><option value="">${w.followUp.none}</option>${GOAL_STATUSES.map((st) => html`<option value="${st}"${values[`fu-status-${k}`] === st ? html` selected` : ''}>${STATUS_WORDS[lang][st]}</option>`)}</select>
      <label for="fu-value-${k}">${w.followUp.value}${g.indicator ? ` (${g.indicator})` : ''}</label><input type="text" id="fu-value-${k}" name="fu-value-${k}" value="${values[`fu-value-${k}`] ?? ''}"${latestOf(g) ? html` aria-describedby="fu-value-${k}-hint"` : ''}>${latestOf(g) ? html`<p class="hint" id="fu-value-${k}-hint">${w.thl.latest(figure(latestOf(g)!.value, lang), latestOf(g)!.year)}</p>` : ''}
      <label for="fu-comment-${k}">${w.followUp.comment}</label><input type="text" id="fu-comment-${k}" name="fu-comment-${k}" value="${values[`fu-comment-${k}`] ?? ''}"></fieldset>`,
  )}`;
}

/** The search of THL's catalogue (its button saves the draft and comes back with what matched), what matched or the
 * cycle suggests, and the list the goals' indicator fields offer. */
function thlSearch(r: Resolved, thl: ThlChoices): SafeHtml {
  const { w } = r;
  const t = w.thl;
  const list = (caption: string, rows: ThlChoices['found']) =>
    html`<table><caption>${caption}</caption><thead><tr><th scope="col">${t.number}</th><th scope="col">${t.title}</th></tr></thead><tbody>${rows.map((i) => html`<tr><td>${i.id}</td><td>${i.title}</td></tr>`)}</tbody></table>`;
  const chosen = [...thl.titles].map(([id, title]) => ({ id, title }));
  const offered = [...new Map([...thl.found, ...thl.suggested, ...chosen].map((i) => [i.id, i])).values()];
  return html`<fieldset id="thl-search"><legend>${t.heading}</legend><p class="hint">${t.hint}</p>
    ${thl.catalogued ? '' : html`<p class="muted">${t.noCatalogue}</p>`}
    <label for="thl-q">${t.search}</label><input type="text" id="thl-q" name="thl-q" value="${thl.query}">
    <button type="submit" class="secondary" name="action" value="thl-search">${t.searchButton}</button>
    ${thl.query ? (thl.found.length ? list(t.found(thl.query), thl.found) : html`<p role="status">${t.noneFound(thl.query)}</p>`) : ''}
    ${thl.suggested.length ? list(t.suggested, thl.suggested) : ''}
    <datalist id="thl-indicators">${offered.map((i) => html`<option value="${i.id}">${i.title}</option>`)}</datalist></fieldset>`;
}

export function taskForm(
  r: Resolved,
  task: TaskState,
  self: string,
  agenda: AgendaEntry[],
  values: DraftForm,
  earlierGoals: RecordedGoal[],
  /** THL's indicators the goal form offers (in the preparation); null elsewhere. */
  thl: ThlChoices | null,
  /** A fresh request id for each form, bound to this task and participant. */
  requestId: () => string,
): SafeHtml {
  const { w, person } = r;
  const action = `${self}?lang=${r.lang}`;
  switch (task.kind) {
    case 'input':
    case 'comment':
      return html`<form method="post" action="${action}" enctype="multipart/form-data">${requestIdField(requestId())}
        <label for="text">${w.yourAnswer}</label>
        <textarea id="text" name="text" maxlength="20000">${values.text ?? ''}</textarea>
        ${followUpFields(r, earlierGoals, values, thl)}
        ${agenda.length ? html`<h3>${w.byArea.heading}</h3><p class="muted">${w.byArea.hint}</p>${task.kind === 'input' && thl ? thlSearch(r, thl) : ''}${agenda.map((item, i) => areaFields(r, task.kind, item, i, values, thl))}` : ''}
        <label for="attachments">${w.attachments.label}</label>
        <input type="file" id="attachments" name="attachments" multiple accept=".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg" aria-describedby="attachments-hint">
        <p class="muted" id="attachments-hint">${w.attachments.hint}</p>
        <p class="muted">${w.replaceHint}</p>
        <button type="submit" name="action" value="answer">${w.send}</button>
        <button type="submit" class="secondary" name="action" value="draft">${w.answerDraft.save}</button>
      </form>
      ${task.kind === 'comment' ? html`<form method="post" action="${action}">${requestIdField(requestId())}<button type="submit" class="secondary" name="action" value="no-comments">${w.noComments}</button></form>` : ''}`;
    case 'meeting':
      return html`<form method="post" action="${action}">${requestIdField(requestId())}<fieldset><legend>${w.attendees}</legend>
        ${Array.from(
          { length: ATTENDEE_ROWS },
          (_, i) => html`<fieldset><legend>${w.attendee(i + 1)}</legend>
          <label for="name${i}">${w.name}</label><input type="text" id="name${i}" name="name${i}" ${i === 0 ? 'required' : ''}>
          <label for="role${i}">${w.role}</label><input type="text" id="role${i}" name="role${i}">
          <label for="organisation${i}">${w.organisation}</label><input type="text" id="organisation${i}" name="organisation${i}"></fieldset>`,
        )}
        <button type="submit" name="action" value="register">${w.send}</button></fieldset></form>`;
    case 'signoff':
      if (person.role !== 'signatory' || task.decision)
        return html`<p class="notice">${task.decision ?? w.errors.NotSignatory}</p>`;
      return html`<form method="post" action="${action}">${requestIdField(requestId())}<fieldset><legend>${w.approve}</legend>
          <input type="hidden" name="sha256" value="${task.document?.sha256 ?? ''}">
          <label for="decisionReference">${w.decisionReference}</label><input type="text" id="decisionReference" name="decisionReference" placeholder="${w.decisionExample}">
          <button type="submit" name="action" value="approve">${w.approve}</button></fieldset></form>
        <form method="post" action="${action}">${requestIdField(requestId())}<fieldset><legend>${w.reject}</legend>
          <input type="hidden" name="sha256" value="${task.document?.sha256 ?? ''}">
          <label for="reason">${w.reason}</label><textarea id="reason" name="reason"></textarea>
          <button type="submit" class="secondary" name="action" value="reject">${w.reject}</button></fieldset></form>`;
  }
}

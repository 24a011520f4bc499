// The forms of a task page, by the task's kind: an answer (general text, per agenda item with goals in the
// preparation, the follow-up of earlier goals, attachments), the meeting's attendees, and the sign-off.
import { GOAL_STATUSES, type AgendaEntry, type TaskState } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import type { DraftForm } from '../../../db/answer-drafts';
import type { RecordedGoal } from '../../../db/follow-up';
import { STATUS_WORDS } from '../../follow-up';
import { html, type SafeHtml } from '../html';
import { GOAL_FIELDS } from '../words/page-words';
import { requestIdField } from '../request-id';
import type { Resolved } from './resolve';

/** Goal rows per agenda item in the preparation form (pages run no script: a fixed number). */
export const GOAL_ROWS = 2;
export const ATTENDEE_ROWS = 3;

/** One agenda item's fields: a text, and in the preparation GOAL_ROWS goals (a row left empty is not sent). */
function areaFields(r: Resolved, kind: string, item: AgendaEntry, i: number, values: DraftForm): SafeHtml {
  const { w, lang } = r;
  const goals =
    kind === 'input'
      ? Array.from(
          { length: GOAL_ROWS },
          (_, j) =>
            html`<fieldset class="goal"><legend>${w.byArea.goal(j + 1)}</legend>${GOAL_FIELDS.map(
              (f) =>
                html`<label for="${f}-${i}-${j}">${w.goalFields[f]}</label><input type="${f === 'targetYear' ? 'number' : 'text'}" id="${f}-${i}-${j}" name="${f}-${i}-${j}" value="${values[`${f}-${i}-${j}`] ?? ''}"${f === 'targetYear' ? html` min="2020" max="2100"` : ''}>`,
            )}</fieldset>`,
        )
      : '';
  return html`<fieldset class="area"><legend>${agendaName(item, lang)}</legend>
    <label for="area-${i}">${w.byArea.text}</label><textarea id="area-${i}" name="area-${i}" maxlength="20000">${values[`area-${i}`] ?? ''}</textarea>${goals}</fieldset>`;
}

/** Each earlier goal with its status, the indicator's value and a comment (`fu-*-<k>`; the goal's record id in
 * `fu-goal-<k>`). */
function followUpFields(r: Resolved, goals: RecordedGoal[], values: DraftForm): SafeHtml {
  const { w, lang } = r;
  if (!goals.length) return html``;
  return html`<h3>${w.followUp.heading}</h3><p class="muted">${w.followUp.hint}</p>${goals.map(
    (
      g,
      k,
    ) => html`<fieldset class="goal"><legend>${g.goal} <span class="muted">(${g.agenda[g.area] !== undefined ? agendaName(g.agenda[g.area]!, lang) : ''}; ${w.followUp.setIn(g.period)}${g.targetYear ? `; ${g.target ?? ''} ${g.targetYear}` : ''})</span></legend>
      <input type="hidden" name="fu-goal-${k}" value="${g.ref}">
      <label for="fu-status-${k}">${w.followUp.status}</label><select id="fu-status-${k}" name="fu-status-${k}"><option value="">${w.followUp.none}</option>${GOAL_STATUSES.map((st) => html`<option value="${st}"${values[`fu-status-${k}`] === st ? html` selected` : ''}>${STATUS_WORDS[lang][st]}</option>`)}</select>
      <label for="fu-value-${k}">${w.followUp.value}${g.indicator ? ` (${g.indicator})` : ''}</label><input type="text" id="fu-value-${k}" name="fu-value-${k}" value="${values[`fu-value-${k}`] ?? ''}">
      <label for="fu-comment-${k}">${w.followUp.comment}</label><input type="text" id="fu-comment-${k}" name="fu-comment-${k}" value="${values[`fu-comment-${k}`] ?? ''}"></fieldset>`,
  )}`;
}

export function taskForm(
  r: Resolved,
  task: TaskState,
  self: string,
  agenda: AgendaEntry[],
  values: DraftForm,
  earlierGoals: RecordedGoal[],
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
        ${followUpFields(r, earlierGoals, values)}
        ${agenda.length ? html`<h3>${w.byArea.heading}</h3><p class="muted">${w.byArea.hint}</p>${agenda.map((item, i) => areaFields(r, task.kind, item, i, values))}` : ''}
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

// The participant's task page: the task and its deadline, the draft to comment on, the minutes and the agreement,
// the form, the party's earlier answers and, once a phase has closed, the other parties' answers.
import { DateTime } from 'luxon';
import { LANGUAGES, TIME_ZONE, type TaskState } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import { cycleTitleIn, partyNameIn } from '../../../core/domain/local-names';
import { workingDaysBetween } from '../../../core/domain/working-days';
import type { DraftForm } from '../../../db/answer-drafts';
import { taskPageView, thlChoicesView } from '../../../db/read-models/participant';
import { document } from '../../../db/web-queries';
import { groupAnswers } from '../../answers';
import { partyStatus } from '../../cycles';
import { attachmentList, documentView } from '../document-view';
import { html, page } from '../html';
import type { WebDeps } from '../web-deps';
import type { Context, Resolved } from './resolve';
import { taskForm } from './task-forms';
import { thlIndicatorsOf } from './form-requests';
import { boundRequestId } from '../request-id';

/** The task as PostgreSQL recorded it: enough to show the page and its form while the workflow cannot answer. */
async function recordedTask(deps: WebDeps, ctx: Context): Promise<TaskState> {
  const draft = ctx.documentVersion ? await document(deps.db, ctx.cycleId, ctx.documentVersion) : undefined;
  const closed = ctx.closedAt !== null || ctx.status === 'no_response' || ctx.status === 'cancelled';
  const due = { at: ctx.dueAt.toISOString(), nominal: ctx.deadline.toISOString() };
  return {
    taskId: ctx.taskId,
    kind: ctx.kind,
    phaseKey: ctx.phaseKey,
    status: ctx.status,
    deadline: { ...due, version: ctx.deadlineVersion, reminders: [], closesAt: due },
    late: false,
    answers: 0,
    document: draft ? { version: draft.version, title: draft.title, sha256: draft.sha256 } : null,
    meeting: null,
    decision: null,
    closed,
  };
}

/** `values`: the form as it was sent (a refusal keeps what was typed); else the saved draft, if any. */
export async function taskPage(
  deps: WebDeps,
  r: Resolved,
  token: string,
  problem: string | null,
  values?: DraftForm,
  /** What the participant searched THL's catalogue for. */
  thlQuery = '',
): Promise<string> {
  const { ctx, w, lang } = r;
  // The party workflow knows the task best; when it does not answer in time (no worker), the record does.
  const status = await deps.client
    .withDeadline(Date.now() + 5_000, () => partyStatus(deps.client, ctx.cycleId, ctx.partyCode))
    .catch(() => null);
  const task = status ? status.tasks.find((t) => t.taskId === ctx.taskId) : await recordedTask(deps, ctx);
  const view = await taskPageView(deps.db, ctx, r.person.email, !values);
  const { draft, reference, earlierGoals, answers, ownFiles, agenda, answersVisible, others, minutes, agreement } =
    view;
  const filled = values ?? draft?.form ?? {};
  const thl =
    ctx.kind === 'input'
      ? await thlChoicesView(deps.db, {
          cycleId: ctx.cycleId,
          partyCode: ctx.partyCode,
          query: thlQuery || filled['thl-q'] || '',
          // The goals being set, and those set before that the party now reports on.
          chosen: [
            ...thlIndicatorsOf(filled),
            ...earlierGoals.flatMap((g) => (g.thlIndicator ? [g.thlIndicator] : [])),
          ],
          language: lang,
        })
      : null;
  // Names as the reader reads them: Lovisa for a Swedish reader, the default title in the reader's language.
  const partyName = partyNameIn(reference, ctx.partyCode, ctx.partyName, lang);
  const cycleTitle = cycleTitleIn(
    reference,
    { title: ctx.cycleTitle, kind: ctx.cycleKind, countyCode: ctx.countyCode, period: ctx.period },
    lang,
  );
  const file = (sha256: string) => `/t/${token}/attachments/${sha256}`;
  const when = (d: Date | string) => w.mail.date(typeof d === 'string' ? d : d.toISOString());
  const open = task && !task.closed;
  const deadline = task?.deadline.nominal ?? ctx.deadline.toISOString();
  const left = workingDaysBetween(DateTime.now().setZone(TIME_ZONE), DateTime.fromISO(deadline, { zone: TIME_ZONE }));
  const countdown = !open
    ? w.closed
    : Date.now() > Date.parse(task!.deadline.at)
      ? w.deadlinePassed
      : w.workingDaysLeft(left);
  const docRef = task?.document;
  const self = `/t/${token}`;
  const body = html`
    <nav class="lang" aria-label="${w.language}">${LANGUAGES.map((l) => html`<a href="${self}?lang=${l}" lang="${l}" ${l === lang ? html`aria-current="page"` : ''}>${l.toUpperCase()}</a>`)}</nav>
    <h1>${w.mail.task[ctx.kind as TaskState['kind']]}: ${partyName}</h1>
    ${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}
    ${status ? '' : html`<div class="notice" role="status">${w.liveUnavailable}</div>`}
    <table class="facts">
      <tr><th scope="row">${w.mail.labels.cycle}</th><td>${cycleTitle}</td></tr>
      <tr><th scope="row">${w.mail.labels.party}</th><td>${partyName}</td></tr>
      ${task?.meeting ? html`<tr><th scope="row">${w.mail.labels.meeting}</th><td>${when(task.meeting.startsAt)} ${[task.meeting.location, task.meeting.link].filter(Boolean).join(', ')}</td></tr>` : ''}
      <tr><th scope="row">${w.mail.labels.deadline}</th><td>${when(deadline)} <span class="muted">(${countdown})</span></td></tr>
      <tr><th scope="row">${w.mail.labels.reference}</th><td>${ctx.taskId}</td></tr>
      ${agenda.length ? html`<tr><th scope="row">${w.mail.labels.agenda}</th><td><ul class="agenda">${agenda.map((item) => html`<li>${agendaName(item, lang)}</li>`)}</ul></td></tr>` : ''}
    </table>
    ${agreement ? html`<div class="notice" role="status"><a href="${self}/agreement">${w.mail.completed.agreement}</a> <span class="hash">SHA-256 ${agreement.sha256}</span></div>` : ''}
    ${minutes ? html`<h2>${w.minutes}</h2><ol>${minutes.items.map((i) => html`<li value="${i.number}"><strong>${i.title}</strong>: ${i.conclusion}</li>`)}</ol>` : ''}
    ${docRef ? html`<h2>${w.draft}</h2><p>${docRef.title} (v${docRef.version}) – <a href="${self}/document">${w.download}</a></p><p>${w.mail.labels.sha256}: <span class="hash">${docRef.sha256}</span></p>${await documentView(deps.db, ctx.cycleId, docRef.version, w.documentView, `${self}/document`)}` : ''}
    ${open && draft ? html`<div class="notice" role="status">${w.answerDraft.saved(when(draft.savedAt))}</div>` : ''}
    ${open ? taskForm(r, task!, self, agenda, filled, earlierGoals, thl, () => boundRequestId(deps.config.linkKeys, r.scope)) : html`<p class="notice">${w.closed}</p>`}
    <p class="muted">${answersVisible === 'after-phase' ? w.visibility.afterPhase : w.visibility.secretariatOnly}</p>
    ${others.length ? html`<h2>${w.visibility.others}</h2>${groupAnswers(others).map((phase) => html`<h3>${w.phase(phase.phaseKey)}</h3>${phase.parties.map((p) => html`<section class="party-answer"><h4>${p.partyName}</h4><p class="muted">${when(p.versions[0]!.at)}</p>${p.versions[0]!.kind === 'no_comments' ? html`<p>${w.noComments}</p>` : html`<div class="said">${p.versions[0]!.text}</div>`}${attachmentList(p.versions[0]!.attachments, file)}</section>`)}`)}` : ''}
    <h2>${w.earlierAnswers}</h2>
    ${
      answers.length
        ? html`<table><tbody>${answers.map((a) => html`<tr><td>${when(a.receivedAt)}</td><td>${w.phase(a.phaseKey)}</td><td>${a.name}${a.late ? html` <span class="s-late">(${w.late})</span>` : ''}</td><td>${a.kind === 'no_comments' ? w.noComments : a.body}${attachmentList(ownFiles.get(String(a.id)) ?? [], file)}</td></tr>`)}</tbody></table>`
        : html`<p class="muted">${w.noAnswers}</p>`
    }
    <p class="muted">${w.mail.footer(ctx.secretariatEmail)}</p>`;
  return page({ lang, title: w.mail.task[ctx.kind as TaskState['kind']], body });
}

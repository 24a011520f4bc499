// The secretariat's list and cycle pages as views: what the route read, rendered in the reader's words.
import { agendaName } from '../../../core/domain/cycle-templates';
import { problemIn } from '../../../core/domain/definition-words/definition-words';
import { cycleTitleIn, partyNameIn } from '../../../core/domain/local-names';
import { WORDS as MAIL_WORDS } from '../../../core/domain/words';
import {
  LATE_MAIL_MINUTES,
  type CycleKind,
  type CyclePhase,
  type CycleStatus,
  type Outcome,
  type TaskReport,
} from '../../../core/contracts';
import type { cycleListView, cyclePageView } from '../../../db/read-models/secretariat';
import { helsinkiTime } from '../../answers';
import { answersSection, meetingSection } from '../answers-view';
import { html, type SafeHtml } from '../html';
import type { StaffReader } from '../session';
import type { StaffWords } from '../words/staff-words';
import type { Notice } from './common';
import type { Todo } from '../../next-steps';
import { TODO_WORDS } from '../words/todo-words';
import { controlForms } from './control-forms';
import { todosOf } from '../../next-steps';
import { todoItems, todoSection } from './todo-view';
import type { Pending } from './pending';

/** A task's state in the reader's words: status or decision, late, and • while it still takes answers. */
function taskWords(w: StaffWords, task: TaskReport | undefined): string {
  if (!task) return '';
  return `${w.task[task.decision ?? task.status]}${task.late ? ` (${w.task.late})` : ''}${task.closed ? '' : ' •'}`;
}

function matrix(w: StaffWords, status: CycleStatus): SafeHtml {
  const phases = Object.keys(status.deadlines);
  return html`<table><caption class="muted">${w.cycle.stillOpenLegend}</caption><thead><tr><th scope="col">${w.cycle.party}</th>${phases.map((p) => html`<th scope="col">${w.phaseKey(p)}</th>`)}</tr></thead><tbody>
    ${status.parties.map(
      (party) =>
        html`<tr><th scope="row">${party.code} ${party.name}</th>${phases.map((p) => {
          const task = party.tasks[p];
          return html`<td class="s-${task?.decision ?? task?.status ?? ''}${task?.late ? ' s-late' : ''}">${taskWords(w, task)}</td>`;
        })}</tr>`,
    )}
  </tbody></table>`;
}

/** The list of cycles, with schedules that failed, and (for the secretariat) starting one from a file. */
export function cycleListBody(
  user: StaffReader,
  { cycles, reference, failing }: Awaited<ReturnType<typeof cycleListView>>,
  problem: string | null,
  startForm: SafeHtml | '',
  todos: { cycleId: string; todos: Todo[] }[] = [],
): SafeHtml {
  const { w, lang } = user;
  const base = user.role === 'auditor' ? '/audit/cycles' : '/cycles';
  const named = { party: (code: string) => partyNameIn(reference, code, code, lang) };
  // What a run found missing in the reader's words; a run recorded before they were kept as data has its English.
  const missingIn = (run: (typeof failing)[number]) =>
    run.problems.length ? run.problems.map((p) => problemIn(lang, p, named)) : run.missing;
  // A scheduled negotiation that could not start is said here until a later run starts it (a standing notice, not
  // an alert: it is not the answer to anything the reader just did).
  const failingBlock = failing.length
    ? html`<section class="error failing-schedules" aria-labelledby="failing-schedules"><h2 id="failing-schedules">${w.list.failing}</h2><ul>${failing.map(
        (run) =>
          html`<li>${w.list.failingLine(run.scheduleId, helsinkiTime(run.at), run.missing.length, run.told.length ? run.told.join(', ') : w.list.nobodyTold)}<ul>${missingIn(run).map((m) => html`<li>${m}</li>`)}</ul></li>`,
      )}</ul></section>`
    : '';
  const titles = new Map(cycles.map((c) => [c.id, cycleTitleIn(reference, c, lang)]));
  const todoBlock = todos.length
    ? html`<section class="todo" aria-labelledby="todo-h"><h2 id="todo-h">${TODO_WORDS[lang].heading}</h2><ul>${todos.map(
        ({ cycleId, todos: items }) => {
          const href = `${base}/${encodeURIComponent(cycleId)}`;
          return html`<li><a href="${href}">${titles.get(cycleId) ?? cycleId}</a><ul>${todoItems(user, items, href)}</ul></li>`;
        },
      )}</ul></section>`
    : '';
  const body = html`<h1>${w.list.heading}</h1>${problem ? html`<div class="error" role="alert">${problem}</div>` : ''}${failingBlock}${todoBlock}
      <table><thead><tr><th scope="col">${w.list.cycle}</th><th scope="col">${w.list.kind}</th><th scope="col">${w.list.period}</th><th scope="col">${w.list.phase}</th><th scope="col">${w.list.outcome}</th><th scope="col">${w.list.started}</th></tr></thead><tbody>
      ${cycles.map((c) => html`<tr><td><a href="${base}/${encodeURIComponent(c.id)}">${cycleTitleIn(reference, c, lang)}</a><br><span class="muted">${c.id}</span></td><td>${w.kind[c.kind as CycleKind] ?? c.kind}</td><td>${c.period}</td><td>${w.cyclePhase[c.phase as CyclePhase] ?? c.phase}</td><td>${c.outcome ? (w.outcome[c.outcome as Outcome] ?? c.outcome) : ''}</td><td>${helsinkiTime(c.startedAt)}</td></tr>`)}
      </tbody></table>
      ${startForm}`;
  return body;
}

/** A cycle's page: its facts, every party's tasks, the answers of the phase shown, the meeting, mail trouble and
 * (while it runs) its controls. */
export function cycleBody(
  user: StaffReader,
  status: CycleStatus,
  view: Awaited<ReturnType<typeof cyclePageView>>,
  shown: { notice: Notice | null; phase?: string; area?: number; pending?: Pending[] },
  csrf: SafeHtml,
): { title: string; body: SafeHtml } {
  const { w, lang } = user;
  const { cycleId } = status;
  const { agenda, answersVisible, reference, notice } = { ...view, notice: shown.notice };
  const area = shown.area;
  // Names as the reader reads them: Lovisa and the Swedish title for a Swedish reader.
  const said = view.answers.map((row) => ({
    ...row,
    partyName: partyNameIn(reference, row.partyCode, row.partyName, lang),
  }));
  const title = view.naming ? cycleTitleIn(reference, view.naming, lang) : status.title;
  const named = {
    ...status,
    parties: status.parties.map((p) => ({ ...p, name: partyNameIn(reference, p.code, p.name, lang) })),
  };
  const phases = Object.keys(status.deadlines);
  // The phase asked for; else the latest that has answers; else the open one.
  const phase = shown.phase;
  const shownPhase =
    (phase && phases.includes(phase) ? phase : null) ??
    said.at(-1)?.phaseKey ??
    status.openPhaseKey ??
    phases[0] ??
    'preparation';
  const open = status.openPhaseKey ? status.deadlines[status.openPhaseKey] : null;
  const c = w.cycle;
  const body = html`<h1>${title}</h1>
      ${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}
      ${todoSection(user, todosOf(named, view.lateMail.length + status.mailFailures.length, new Date(), shown.pending), '')}
      <table class="facts"><tr><th scope="row">${c.cycle}</th><td>${status.cycleId} (${w.kind[status.kind]})</td></tr><tr><th scope="row">${c.phase}</th><td>${w.cyclePhase[status.phase]}${status.openPhaseKey ? ` – ${c.open(w.phaseKey(status.openPhaseKey))}` : ''}</td></tr>
        ${open ? html`<tr><th scope="row">${c.deadline}</th><td>${MAIL_WORDS[lang].date(open.nominal)}</td></tr>` : ''}
        ${status.documents.map((d) => html`<tr><th scope="row">${c.draft(d.version)}</th><td>${d.title} <span class="hash">${d.sha256}</span>${status.finalDocument?.version === d.version ? ` (${c.final})` : ''}</td></tr>`)}
        ${status.outcome ? html`<tr><th scope="row">${c.outcome}</th><td>${w.outcome[status.outcome]} – <a href="/cycles/${encodeURIComponent(cycleId)}/agreement.pdf">${c.agreement}</a></td></tr>` : ''}
        <tr><th scope="row">${c.answersShown}</th><td>${answersVisible === 'after-phase' ? c.afterPhase : c.secretariatOnly}</td></tr>
        ${agenda.length ? html`<tr><th scope="row">${c.agenda}</th><td>${agenda.map((item) => agendaName(item, lang)).join('; ')}</td></tr>` : ''}</table>
      <p><a href="/audit/cycles/${encodeURIComponent(cycleId)}">${c.timeline}</a></p>
      <h2>${c.parties}</h2>${matrix(w, named)}
      ${answersSection(user, cycleId, said, phases, shownPhase, agenda, area)}
      ${meetingSection(w, view.meeting, status.meeting)}
      ${view.lateMail.length ? html`<h2>${c.lateMail}</h2><div class="error" role="alert"><p>${c.lateMailText(view.lateMail.length, LATE_MAIL_MINUTES)}</p><ul>${view.lateMail.slice(0, 20).map((m) => html`<li>${m.recipient} (${m.kind}) ${c.since} ${helsinkiTime(m.createdAt)}${m.lastError ? ` – ${m.lastError}` : ''}</li>`)}</ul></div>` : ''}
      <h2>${c.refusedMail}</h2>${status.mailFailures.length ? html`<ul>${status.mailFailures.map((f) => html`<li>${f.partyCode ?? c.secretariat}: ${f.to} (${f.kind}) – ${f.error}</li>`)}</ul>` : html`<p class="muted">${c.none}</p>`}
      ${status.phase === 'completed' || status.phase === 'cancelled' ? '' : html`<h2>${c.controls}</h2>${controlForms(w, named, csrf, { lang, agenda, registrations: view.meeting.attendees.filter((a) => a.source === 'registration') })}`}`;
  return { title, body };
}

// The statutory calendar of a county as a page: its schedules with their next and last start (what a failed start
// missed, in the reader's words), the controls of each, and installing with the settings a county chooses.
import { scheduleOf, type CycleKind } from '../../../../core/contracts';
import { problemIn } from '../../../../core/domain/definition-words/definition-words';
import type { ListedSchedule } from '../../../calendar';
import type { Fields } from '../../forms';
import { html, type SafeHtml } from '../../html';
import type { StaffReader } from '../../session';
import type { CalendarWords } from '../../words/calendar-words';

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

export interface CalendarView {
  counties: { code: string; name: string }[];
  county: string | null;
  schedules: ListedSchedule[];
  names: (code: string) => string;
  date: (iso: string) => string;
}

function schedulesTable(user: StaffReader, cw: CalendarWords, view: CalendarView, csrf: SafeHtml): SafeHtml {
  if (!view.schedules.length) return html`<p class="muted">${cw.none}</p>`;
  const named = { party: view.names };
  const kindOf = (id: string) => cw.kinds[scheduleOf(id)?.kind as CycleKind] ?? id;
  const control = (id: string, action: string, label: string) =>
    html`<form class="inline" method="post" action="/calendar/${action}">${csrf}<input type="hidden" name="schedule" value="${id}"><button type="submit" class="secondary" aria-label="${label}: ${kindOf(id)}">${label}</button></form>`;
  return html`<table><thead><tr><th scope="col">${cw.schedule}</th><th scope="col">${cw.state}</th><th scope="col">${cw.nextRun}</th><th scope="col">${cw.lastRun}</th><th scope="col">${cw.actions}</th></tr></thead><tbody>${view.schedules.map(
    (s) => {
      const run = s.lastRun;
      const state = s.paused ? cw.paused : run?.outcome === 'missing' ? cw.failing : cw.active;
      const last = !run
        ? cw.notRun
        : run.outcome === 'started'
          ? html`${view.date(run.at.toISOString())}: ${cw.started} <a href="/cycles/${encodeURIComponent(run.cycleId ?? '')}">${run.cycleId}</a>`
          : html`${cw.didNotStart(view.date(run.at.toISOString()))}<ul>${(run.problems.length ? run.problems.map((p) => problemIn(user.lang, p, named)) : run.missing).map((m) => html`<li>${m}</li>`)}</ul>${run.told.length ? cw.told(run.told.join(', ')) : cw.nobodyTold}`;
      return html`<tr><th scope="row">${kindOf(s.scheduleId)}<br><span class="muted">${s.scheduleId}</span></th><td>${state}</td><td>${s.nextRuns[0] ? view.date(s.nextRuns[0]) : cw.never}</td><td>${last}</td><td>${control(s.scheduleId, 'trigger', cw.trigger)} ${s.paused ? control(s.scheduleId, 'resume', cw.resume) : control(s.scheduleId, 'pause', cw.pause)}</td></tr>`;
    },
  )}</tbody></table>`;
}

export function calendarBody(
  user: StaffReader,
  cw: CalendarWords,
  view: CalendarView,
  settings: Fields,
  notice: { ok: boolean; text: SafeHtml | string } | null,
  after: SafeHtml | '',
  csrf: SafeHtml,
): SafeHtml {
  const field = (name: string, label: string, hint?: string) =>
    html`<label for="${name}">${label}</label>${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}<input type="text" id="${name}" name="${name}" value="${settings[name] ?? ''}"${hint ? html` aria-describedby="${name}-hint"` : ''} required>`;
  return html`<h1>${cw.heading}</h1>${notice ? html`<div class="${notice.ok ? 'notice' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</div>` : ''}${after}<p>${cw.intro}</p>
    <form method="get" action="/calendar"><label for="county">${cw.county}</label><select id="county" name="county">${view.counties.map((c) => option(c.code, `${c.name} (${c.code})`, c.code === view.county))}</select><button type="submit">${cw.show}</button></form>
    ${
      view.county
        ? html`<h2>${cw.schedules}</h2>${schedulesTable(user, cw, view, csrf)}
    <form method="post" action="/calendar/install"><fieldset><legend>${cw.install}</legend><p class="hint">${cw.installHint}</p>${csrf}<input type="hidden" name="county" value="${view.county}">
      ${field('annualDate', cw.annualDate, cw.dateHint)}${field('annualTime', cw.annualTime)}${field('termOffsetMonths', cw.termOffset)}${field('ministryDate', cw.ministryDate, cw.dateHint)}
      <button type="submit">${cw.installButton}</button></fieldset></form>`
        : ''
    }`;
}

// A county's follow-up: every goal its parties set in its cycles, with the status each reported on it since; each
// goal's indicator over the years as a chart beside THL's figure for the municipality and the county; and a button
// that asks for THL's figures now (the fetch runs as a workflow, never in this request).
import type { FastifyInstance } from 'fastify';
import { TASK_QUEUE, type CycleKind } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import { WORDS as MAIL_WORDS } from '../../../core/domain/words';
import { partyNameIn } from '../../../core/domain/local-names';
import { followUpView } from '../../../db/read-models/secretariat';
import type { ThlFetchState } from '../../../db/thl';
import { followUpCharts } from '../../charts/follow-up-charts';
import { fetchThlFiguresNow } from '../../thl';
import { chartFigure } from '../chart-view';
import { html, type SafeHtml } from '../html';
import { csrfField, requireRole, staffPage, type StaffReader } from '../session';
import type { WebDeps } from '../web-deps';
import { notFound } from './common';

/** More goals than this and the page shows one party's charts at a time (`npm run bench:charts`: 120 charts make a
 * page of 1.9 MB drawn in 2 s). */
const MAX_CHARTS_AT_ONCE = 24;

/** What the page says of THL's figures: when fetched, or that they could not be, and since when. */
function thlNotice(user: StaffReader, state: ThlFetchState, on: boolean): SafeHtml {
  const t = user.w.followUp.thl;
  const date = MAIL_WORDS[user.lang].date;
  if (!on) return html`<p class="muted">${t.off}</p>`;
  if (state.failedSince)
    return html`<div class="error" role="status"><p>${t.failed(date(state.failedSince.at.toISOString()), state.lastFetched ? date(state.lastFetched.at.toISOString()) : null)}</p></div>`;
  return html`<p class="muted">${state.lastFetched ? t.fetched(date(state.lastFetched.at.toISOString())) : t.never}</p>`;
}

export function registerFollowUpRoute(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string }; Querystring: { party?: string; thl?: string } }>(
    '/cycles/:id/follow-up',
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat', 'auditor']);
      if (!user) return;
      const view = await followUpView(deps.db, request.params.id, user.lang);
      if (!view) return notFound(user, reply, user.w.notFound.noCycle);
      const { reference, lines, thl } = view;
      const { w, lang } = user;
      const f = w.followUp;
      const county = view.cycle.countyCode;
      const id = encodeURIComponent(request.params.id);
      const parties = [...new Map(lines.map((l) => [l.partyCode, l])).values()];
      // A county's many goals would make one long page: the first party's charts, unless another or all are asked for.
      const asked = request.query.party ?? '';
      const oneAtATime = asked === '' && lines.length > MAX_CHARTS_AT_ONCE;
      const party = oneAtATime ? (parties[0]?.partyCode ?? '') : asked === 'all' ? '' : asked;
      const partyName = (l: (typeof lines)[number]) =>
        `${l.partyCode} ${partyNameIn(reference, l.partyCode, l.partyName, lang)}`;
      const charts = await followUpCharts(
        lines.filter((l) => !party || l.partyCode === party),
        thl,
        reference,
        county,
        lang,
      );
      const target = (l: (typeof lines)[number]) =>
        [
          l.indicator,
          l.baseline || l.target ? `${l.baseline ?? '?'} → ${l.target ?? '?'}` : '',
          l.targetYear ? String(l.targetYear) : '',
        ]
          .filter(Boolean)
          .join(', ');
      const thlOn = deps.config.thlUrl !== null;
      const body = html`<h1>${f.heading(county)}</h1>
      <p class="muted">${f.lead}
        <a href="/cycles/${id}/follow-up.csv?language=${lang}">${f.download} (CSV)</a> ·
        <a href="/cycles/${id}/follow-up/overview">${f.overview}</a></p>
      ${
        lines.length
          ? html`<table><thead><tr><th scope="col">${f.party}</th><th scope="col">${f.setIn}</th><th scope="col">${f.item}</th><th scope="col">${f.goal}</th><th scope="col">${f.indicator}</th><th scope="col">${f.followUp}</th></tr></thead><tbody>${lines.map(
              (l) =>
                html`<tr><td>${partyName(l)}</td><td>${w.kind[l.kind as CycleKind] ?? l.kind} ${l.period}</td><td>${l.agenda[l.area] !== undefined ? agendaName(l.agenda[l.area]!, lang) : `#${l.area + 1}`}</td><td>${l.goal}</td><td>${target(l)}</td><td>${
                  l.statuses.length
                    ? html`<ul>${l.statuses.map((st) => html`<li>${st.period}: <strong>${w.goalStatus[st.status]}</strong>${st.currentValue ? ` (${st.currentValue})` : ''}${st.comment ? ` – ${st.comment}` : ''}</li>`)}</ul>`
                    : html`<span class="muted">${f.notReported}</span>`
                }</td></tr>`,
            )}</tbody></table>
            <h2 id="charts">${f.charts}</h2><p class="muted">${f.chartsLead}</p>
            ${request.query.thl === 'started' ? html`<div class="notice" role="status"><p>${f.thl.started}</p></div>` : ''}
            ${request.query.thl === 'not-started' ? html`<div class="error" role="status"><p>${f.thl.notStarted}</p></div>` : ''}
            ${thlNotice(user, thl.state, thlOn)}
            ${thlOn && user.role === 'secretariat' ? html`<form method="post" action="/cycles/${id}/follow-up/thl" class="inline">${csrfField(reply)}<button type="submit" class="secondary">${f.thl.fetchNow}</button></form>` : ''}
            <form method="get" action="/cycles/${id}/follow-up#charts"><label for="party">${f.partyFilter}</label><select id="party" name="party"><option value="all">${f.allParties}</option>${parties.map((l) => html`<option value="${l.partyCode}"${l.partyCode === party ? html` selected` : ''}>${partyName(l)}</option>`)}</select><button type="submit" class="secondary">${f.show}</button></form>
            ${oneAtATime ? html`<p class="muted">${f.oneParty(lines.length)}</p>` : ''}
            ${charts.map(({ line, chart }, i) => html`<h3>${partyName(line)}</h3>${chartFigure(chart, `chart-${i}`, f.figures)}`)}`
          : html`<p class="muted">${f.none}</p>`
      }`;
      return staffPage(user, reply, f.title(county), body);
    },
  );

  app.post<{ Params: { id: string } }>('/cycles/:id/follow-up/thl', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    // Temporal not answering in time is said as such: the fetch may or may not have started, and pressing again joins
    // one that runs instead of starting another.
    const started = await deps.client
      .withDeadline(Date.now() + 5_000, () => fetchThlFiguresNow(deps.client, deps.taskQueue ?? TASK_QUEUE))
      .then(() => 'started')
      .catch(() => 'not-started');
    return reply.redirect(`/cycles/${encodeURIComponent(request.params.id)}/follow-up?thl=${started}#charts`, 303);
  });
}

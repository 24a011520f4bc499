// The county's goals at a glance: each party's goals on or off course by what it last reported, as small multiples
// with the same figures as a table.
import type { FastifyInstance } from 'fastify';
import { partyNameIn } from '../../../core/domain/local-names';
import { followUpView } from '../../../db/read-models/secretariat';
import { courseOverview } from '../../charts/course-overview';
import { chartFigure } from '../chart-view';
import { html } from '../html';
import { requireRole, staffPage } from '../session';
import type { WebDeps } from '../web-deps';
import { notFound } from './common';

export function registerGoalsOverviewRoute(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string } }>('/cycles/:id/follow-up/overview', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const view = await followUpView(deps.db, request.params.id, user.lang);
    if (!view) return notFound(user, reply, user.w.notFound.noCycle);
    const { reference, lines } = view;
    const { w, lang } = user;
    const county = view.cycle.countyCode;
    const parties = [...new Set(lines.map((l) => l.partyCode))].map((code) => {
      const own = lines.filter((l) => l.partyCode === code);
      return { party: `${code} ${partyNameIn(reference, code, own[0]!.partyName, lang)}`, goals: own };
    });
    const countyName = reference.counties.get(county)?.name[lang] ?? county;
    const overview = await courseOverview(parties, countyName, lang);
    const body = html`<h1>${w.goalsOverview.title(county)}</h1>
      <p class="muted">${w.goalsOverview.lead}</p>
      ${parties.length ? chartFigure(overview, 'overview', w.followUp.figures) : html`<p class="muted">${w.followUp.none}</p>`}
      <p><a href="/cycles/${encodeURIComponent(request.params.id)}/follow-up">${w.goalsOverview.back}</a></p>`;
    return staffPage(user, reply, w.goalsOverview.title(county), body);
  });
}

// A county's follow-up: every goal its parties set in its cycles, with the status each reported on it since.
import type { FastifyInstance } from 'fastify';
import type { CycleKind } from '../../../core/contracts';
import { agendaName } from '../../../core/domain/cycle-templates';
import { partyNameIn } from '../../../core/domain/local-names';
import { followUpView } from '../../../db/read-models/secretariat';
import { html } from '../html';
import { requireRole, staffPage } from '../session';
import type { WebDeps } from '../web-deps';
import { notFound } from './common';

export function registerFollowUpRoute(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string } }>('/cycles/:id/follow-up', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const view = await followUpView(deps.db, request.params.id);
    if (!view) return notFound(user, reply, user.w.notFound.noCycle);
    const { reference, lines } = view;
    const { w, lang } = user;
    const f = w.followUp;
    const county = view.cycle.countyCode;
    const target = (l: (typeof lines)[number]) =>
      [
        l.indicator,
        l.baseline || l.target ? `${l.baseline ?? '?'} → ${l.target ?? '?'}` : '',
        l.targetYear ? String(l.targetYear) : '',
      ]
        .filter(Boolean)
        .join(', ');
    const body = html`<h1>${f.heading(county)}</h1>
      <p class="muted">${f.lead}
        <a href="/cycles/${encodeURIComponent(request.params.id)}/follow-up.csv?language=${lang}">${f.download} (CSV)</a></p>
      ${
        lines.length
          ? html`<table><thead><tr><th scope="col">${f.party}</th><th scope="col">${f.setIn}</th><th scope="col">${f.item}</th><th scope="col">${f.goal}</th><th scope="col">${f.indicator}</th><th scope="col">${f.followUp}</th></tr></thead><tbody>${lines.map(
              (l) =>
                html`<tr><td>${l.partyCode} ${partyNameIn(reference, l.partyCode, l.partyName, lang)}</td><td>${w.kind[l.kind as CycleKind] ?? l.kind} ${l.period}</td><td>${l.agenda[l.area] !== undefined ? agendaName(l.agenda[l.area]!, lang) : `#${l.area + 1}`}</td><td>${l.goal}</td><td>${target(l)}</td><td>${
                  l.statuses.length
                    ? html`<ul>${l.statuses.map((st) => html`<li>${st.period}: <strong>${w.goalStatus[st.status]}</strong>${st.currentValue ? ` (${st.currentValue})` : ''}${st.comment ? ` – ${st.comment}` : ''}</li>`)}</ul>`
                    : html`<span class="muted">${f.notReported}</span>`
                }</td></tr>`,
            )}</tbody></table>`
          : html`<p class="muted">${f.none}</p>`
      }`;
    return staffPage(user, reply, f.title(county), body);
  });
}

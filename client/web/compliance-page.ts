// The compliance report as a page for the secretariat and auditors: who has negotiated, per county and
// municipality, for a council term and a year.
import type { FastifyInstance } from 'fastify';
import type { NotStartedWhy } from '../../db/compliance';
import { complianceView } from '../../db/read-models/audit';
import { problemIn } from '../../core/domain/definition-words/definition-words';
import { partyNameIn } from '../../core/domain/local-names';
import { html, type SafeHtml } from './html';
import type { WebDeps } from './web-deps';
import { requireRole, staffPage } from './session';
import { inScope } from './staff-session';

export function registerCompliancePage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Querystring: { term?: string; year?: string; county?: string } }>('/compliance', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const term = /^\d{4}-\d{4}$/.test(request.query.term ?? '') ? request.query.term! : '2025-2029';
    const year = /^\d{4}$/.test(request.query.year ?? '') ? Number(request.query.year) : new Date().getFullYear();
    const county = /^\d{2}$/.test(request.query.county ?? '') ? request.query.county : undefined;
    const view = await complianceView(deps.db, { term, year, county });
    const { reference } = view;
    const rows = view.rows.filter((r) => inScope(user, r.countyCode));
    const { w, lang } = user;
    const c = w.compliance;
    const named = (m: { code: string; name: string }) => partyNameIn(reference, m.code, m.name, lang);
    /** Why a negotiation has not started (or is partial), in the reader's words. */
    const why = (reason: NotStartedWhy | null) => {
      if (!reason) return '';
      const text =
        reason.kind === 'never-started'
          ? c.why.neverStarted
          : reason.kind === 'not-a-party'
            ? c.why.notAParty(reason.cycleId)
            : reason.kind === 'schedule-missing'
              ? c.why.scheduleMissing(
                  // Runs recorded before the problems were kept as data have only their English sentences.
                  reason.issues.length
                    ? reason.issues
                        .map((p) => problemIn(lang, p, { party: (code) => partyNameIn(reference, code, code, lang) }))
                        .join('; ')
                    : reason.problems.join('; '),
                )
              : c.why.partial(reason.tookPart, reason.of, reason.leftOut.map(named).join(', '));
      return html`<br><span class="muted">${reason.kind === 'partial' ? '' : `${c.notStarted}: `}${text}</span>`;
    };
    const supplementary = (ids: string[]) =>
      ids.length ? html` <span class="muted">(+ ${c.supplementary}: ${ids.join(', ')})</span>` : '';
    const body = html`<h1>${c.heading}</h1>
      <form method="get" action="/compliance"><fieldset><legend>${c.show}</legend>
        <label for="term">${c.term}</label><input type="text" id="term" name="term" value="${term}">
        <label for="year">${c.year}</label><input type="number" id="year" name="year" value="${year}">
        <label for="county">${c.county}</label><input type="text" id="county" name="county" value="${county ?? ''}">
        <button type="submit">${c.show}</button></fieldset></form>
      <table><thead><tr><th scope="col">${c.countyColumn}</th><th scope="col">${c.party}</th><th scope="col">${c.termColumn(term)}</th><th scope="col">${c.decision}</th><th scope="col">${c.yearColumn(year)}</th><th scope="col">${c.answered}</th><th scope="col">${c.signedOff}</th><th scope="col">${c.others(year)}</th><th scope="col">${c.overdue}</th></tr></thead><tbody>
      ${rows.map((r) => {
        const a = r.annual[0]!;
        const ministry = r.ministry[0]!;
        const hus = r.hus[0]!;
        const themes = r.themes[0]!.cycles.length;
        const others = [
          ministry.held !== 'not_applicable' &&
            html`<span>${c.ministry}: ${c.held[ministry.held]}${why(ministry.why)}</span>`,
          hus.held !== 'not_applicable' && html`<span>${c.hus}: ${c.held[hus.held]}${why(hus.why)}</span>`,
          themes > 0 && html`<span>${c.themes(themes)}</span>`,
        ].filter((x): x is SafeHtml => Boolean(x));
        const countyName = reference.counties.get(r.countyCode)?.name[lang] ?? r.countyName;
        return html`<tr><td>${r.countyCode} ${countyName}</td><td>${r.partyCode} ${partyNameIn(reference, r.partyCode, r.partyName, lang)}</td><td class="s-${r.term.status === 'agreed' ? 'answered' : r.term.status === 'not_started' ? 'no_response' : r.term.status}">${c.termStatus[r.term.status]}${supplementary(r.term.supplementary)}${why(r.term.why)}</td><td>${r.term.decisionReference ?? ''}</td><td class="s-${a.held === 'held' ? 'answered' : a.held === 'no' ? 'no_response' : ''}">${c.held[a.held]}${supplementary(a.supplementary)}${why(a.why)}</td><td>${a.answered === null ? '' : a.answered ? c.yes : c.no}</td><td>${a.signedOff ? (w.task[a.signedOff as keyof typeof w.task] ?? a.signedOff) : ''}</td><td>${others.map((o, i) => (i ? html`<br>${o}` : o))}</td><td>${r.overdueTasks || ''}</td></tr>`;
      })}
      </tbody></table>
      <p class="muted">${c.note}</p>`;
    return staffPage(user, reply, c.heading, body);
  });
}

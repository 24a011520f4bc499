// The compliance report as a page for the secretariat and auditors: who has negotiated, per county and
// municipality, for a council term and a year.
import type { FastifyInstance } from 'fastify';
import { complianceReport } from '../../db/compliance';
import { html, page } from './html';
import type { WebDeps } from './server';
import { requireRole, staffNav } from './session';

export function registerCompliancePage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Querystring: { term?: string; year?: string; county?: string } }>('/compliance', async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat', 'auditor']);
    if (!user) return;
    const term = /^\d{4}-\d{4}$/.test(request.query.term ?? '') ? request.query.term! : '2025-2029';
    const year = /^\d{4}$/.test(request.query.year ?? '') ? Number(request.query.year) : new Date().getFullYear();
    const county = /^\d{2}$/.test(request.query.county ?? '') ? request.query.county : undefined;
    const rows = await complianceReport(deps.db, {
      term,
      years: [year],
      county,
      on: new Date().toISOString().slice(0, 10),
    });
    const body = html`<h1>Compliance</h1>
      <form method="get" action="/compliance"><fieldset><legend>Show</legend>
        <label for="term">Council term</label><input type="text" id="term" name="term" value="${term}">
        <label for="year">Year</label><input type="number" id="year" name="year" value="${year}">
        <label for="county">County code (empty: all)</label><input type="text" id="county" name="county" value="${county ?? ''}">
        <button type="submit">Show</button></fieldset></form>
      <table><thead><tr><th scope="col">County</th><th scope="col">Party</th><th scope="col">Term ${term} (§14)</th><th scope="col">Decision</th><th scope="col">${year} (§7)</th><th scope="col">Answered</th><th scope="col">Signed off</th><th scope="col">Overdue tasks</th></tr></thead><tbody>
      ${rows.map((r) => {
        const a = r.annual[0]!;
        return html`<tr><td>${r.countyCode} ${r.countyName}</td><td>${r.partyCode} ${r.partyName}</td><td class="s-${r.term.status === 'agreed' ? 'answered' : r.term.status === 'not_started' ? 'no_response' : r.term.status}">${r.term.status}${r.term.supplementary.length ? html` <span class="muted">(+ supplementary: ${r.term.supplementary.join(', ')})</span>` : ''}</td><td>${r.term.decisionReference ?? ''}</td><td class="s-${a.held === 'held' ? 'answered' : a.held === 'no' ? 'no_response' : ''}">${a.held}${a.supplementary.length ? html` <span class="muted">(+ supplementary: ${a.supplementary.join(', ')})</span>` : ''}</td><td>${a.answered === null ? '' : a.answered ? 'yes' : 'no'}</td><td>${a.signedOff ?? ''}</td><td>${r.overdueTasks || ''}</td></tr>`;
      })}
      </tbody></table>
      <p class="muted">Derived from the results in Postgres. Helsinki organises these services itself: §14 and §7(4) do not apply.</p>`;
    return reply.type('text/html').send(page({ lang: 'en', title: 'Compliance', body, nav: staffNav(user, reply) }));
  });
}

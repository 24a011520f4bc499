// The auditor's pages: who signed in, and each cycle's record (client/web/audit/). Read-only by construction: these
// routes only GET, and every route that changes state requires the secretariat role on the server.
import type { FastifyInstance } from 'fastify';
import { staffEvents } from '../../db/staff-accounts';
import { helsinkiTime } from '../answers';
import type { WebRole } from './accounts';
import { registerCycleRecordPage } from './audit/cycle-record-page';
import { html } from './html';
import type { WebDeps } from './web-deps';
import { requireRole, staffPage } from './session';

export function registerAuditPages(app: FastifyInstance, deps: WebDeps): void {
  app.get('/audit/cycles', (request, reply) =>
    requireRole(request, reply, ['auditor', 'secretariat']) ? reply.redirect('/cycles') : undefined,
  );

  // Who signed in, out or was refused, as far as the reader's counties go.
  app.get('/audit/sign-ins', async (request, reply) => {
    const user = requireRole(request, reply, ['auditor']);
    if (!user) return;
    const s = user.w.signIns;
    const events = await staffEvents(deps.db, user.counties);
    const body = html`<h1>${s.heading}</h1><table><thead><tr><th scope="col">${s.when}</th><th scope="col">${s.who}</th><th scope="col">${s.what}</th><th scope="col">${s.provider}</th><th scope="col">${s.address}</th><th scope="col">${s.scope}</th></tr></thead><tbody>${events.map(
      (e) =>
        html`<tr><td>${helsinkiTime(e.at)}</td><td>${e.email}${e.role ? ` (${user.w.roles[e.role as WebRole] ?? e.role})` : ''}</td><td>${s.events[e.event]}${e.reason ? ` – ${s.reasons[e.reason] ?? e.reason}` : ''}</td><td>${e.provider}</td><td>${e.address}</td><td>${e.counties ? e.counties.join(', ') : e.event === 'refused' ? '' : s.everyCounty}</td></tr>`,
    )}</tbody></table>`;
    return staffPage(user, reply, s.heading, body);
  });

  registerCycleRecordPage(app, deps);
}

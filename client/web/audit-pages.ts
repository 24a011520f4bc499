// The auditor's view: a cycle's whole timeline (audit events, emails, documents and Temporal history events), with
// filters. Read-only by construction: these routes only GET, and every route that changes state requires the
// secretariat role on the server.
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { cycleWorkflowId, TIME_ZONE } from '../../core/contracts';
import { cycleTitleIn } from '../../core/domain/local-names';
import { auditTimelineView } from '../../db/read-models/audit';
import { staffEvents } from '../../db/staff-accounts';
import { helsinkiTime } from '../answers';
import type { WebRole } from './accounts';
import { cycleStatus, UserError } from '../cycles';
import { html } from './html';
import type { WebDeps } from './web-deps';
import { requireRole, staffPage } from './session';

interface Entry {
  at: Date;
  source: 'audit' | 'email' | 'document' | 'history';
  who: string;
  what: string;
  detail: string;
}

const SOURCES: Entry['source'][] = ['audit', 'email', 'document', 'history'];

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

  app.get<{ Params: { id: string }; Querystring: { source?: string; q?: string } }>(
    '/audit/cycles/:id',
    async (request, reply) => {
      const user = requireRole(request, reply, ['auditor', 'secretariat']);
      if (!user) return;
      const { w, lang } = user;
      const { id } = request.params;
      const record = await auditTimelineView(deps.db, id);
      if (!record) {
        const notFound = html`<h1>${w.notFound.heading}</h1><p>${w.notFound.noCycle} (${id})</p>`;
        return staffPage(user, reply.code(404), w.notFound.heading, notFound);
      }
      const entries: Entry[] = [];
      for (const e of record.events)
        entries.push({ at: e.at, source: 'audit', who: e.actor, what: e.action, detail: JSON.stringify(e.payload) });
      for (const m of record.mail)
        entries.push({
          at: m.sentAt ?? m.createdAt,
          source: 'email',
          who: m.recipient,
          what: `${m.kind} ${m.status}`,
          detail: `${m.subject}${m.attempts > 1 ? ` (${w.audit.attempts(m.attempts)})` : ''}${m.lastError ? ` – ${m.lastError}` : ''}`,
        });
      for (const d of record.documents)
        entries.push({
          at: d.publishedAt,
          source: 'document',
          who: d.publishedBy,
          what: `v${d.version}${d.isFinal ? ' final' : ''}`,
          detail: `${d.title} sha256 ${d.sha256}`,
        });
      const title = cycleTitleIn(record.reference, record.naming, lang);
      try {
        const status = await cycleStatus(deps.client, id);
        for (const workflowId of [cycleWorkflowId(id), ...status.parties.map((p) => p.workflowId)]) {
          const history = await deps.client.workflow.getHandle(workflowId).fetchHistory();
          for (const event of history.events ?? []) {
            const seconds = Number(event.eventTime?.seconds ?? 0);
            const type =
              Object.keys(event)
                .find((k) => k.endsWith('Attributes'))
                ?.replace(/EventAttributes$/, '') ?? String(event.eventType);
            entries.push({
              at: new Date(seconds * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6)),
              source: 'history',
              who: workflowId,
              what: type,
              detail: `event ${String(event.eventId)}`,
            });
          }
        }
      } catch (err) {
        // After Temporal's retention the histories are gone; the record in Postgres remains.
        if (!(err instanceof UserError)) throw err;
      }
      const source = SOURCES.includes(request.query.source as Entry['source']) ? request.query.source : '';
      const q = (request.query.q ?? '').toLowerCase();
      const shown = entries
        .filter(
          (e) => (!source || e.source === source) && (!q || `${e.who} ${e.what} ${e.detail}`.toLowerCase().includes(q)),
        )
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      const a = w.audit;
      // Event names and payloads stay as recorded: they are what an auditor checks against the export.
      const body = html`<h1>${a.heading(title)}</h1>
      <form method="get" action="/audit/cycles/${encodeURIComponent(id)}"><fieldset><legend>${a.filter}</legend>
        <label for="source">${a.source}</label><select id="source" name="source"><option value="">${a.all}</option>${SOURCES.map((s) => html`<option value="${s}" ${s === source ? 'selected' : ''}>${a.sources[s]}</option>`)}</select>
        <label for="q">${a.contains}</label><input type="text" id="q" name="q" value="${request.query.q ?? ''}">
        <button type="submit">${a.filter}</button></fieldset></form>
      <p class="muted">${a.shown(shown.length, entries.length)}</p>
      <table><thead><tr><th scope="col">${a.time}</th><th scope="col">${a.source}</th><th scope="col">${a.who}</th><th scope="col">${a.what}</th><th scope="col">${a.detail}</th></tr></thead><tbody>
      ${shown.map((e) => html`<tr><td>${DateTime.fromJSDate(e.at, { zone: TIME_ZONE }).toFormat('d.L.yyyy HH:mm:ss.SSS')}</td><td>${a.sources[e.source]}</td><td>${e.who}</td><td>${e.what}</td><td>${e.detail.slice(0, 300)}</td></tr>`)}
      </tbody></table>`;
      return staffPage(user, reply, a.heading(title), body);
    },
  );
}

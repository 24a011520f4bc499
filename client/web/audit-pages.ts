// The auditor's view: a cycle's whole timeline (audit events, emails, documents and Temporal history events), with
// filters. Read-only by construction: these routes only GET, and every route that changes state requires the
// secretariat role on the server.
import type { FastifyInstance } from 'fastify';
import { cycleWorkflowId } from '../../workflows/contracts';
import { mailLog } from '../../db/mail-log';
import { auditEvents, cycleExists, documents } from '../../db/web-queries';
import { cycleStatus, UserError } from '../cycles';
import { html, page } from './html';
import type { WebDeps } from './server';
import { requireRole, staffNav } from './session';

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

  app.get<{ Params: { id: string }; Querystring: { source?: string; q?: string } }>(
    '/audit/cycles/:id',
    async (request, reply) => {
      const user = requireRole(request, reply, ['auditor', 'secretariat']);
      if (!user) return;
      const { id } = request.params;
      if (!(await cycleExists(deps.db, id))) {
        return reply
          .code(404)
          .type('text/html')
          .send(
            page({
              lang: 'en',
              title: 'Not found',
              body: html`<h1>Not found</h1><p>No cycle '${id}' in the record.</p>`,
              nav: staffNav(user, reply),
            }),
          );
      }
      const entries: Entry[] = [];
      for (const e of await auditEvents(deps.db, id))
        entries.push({ at: e.at, source: 'audit', who: e.actor, what: e.action, detail: JSON.stringify(e.payload) });
      for (const m of await mailLog(deps.db, id))
        entries.push({
          at: m.sentAt ?? m.createdAt,
          source: 'email',
          who: m.recipient,
          what: `${m.kind} ${m.status}`,
          detail: `${m.subject}${m.attempts > 1 ? ` (${m.attempts} attempts)` : ''}${m.lastError ? ` – ${m.lastError}` : ''}`,
        });
      for (const d of await documents(deps.db, id))
        entries.push({
          at: d.publishedAt,
          source: 'document',
          who: d.publishedBy,
          what: `v${d.version}${d.isFinal ? ' final' : ''}`,
          detail: `${d.title} sha256 ${d.sha256}`,
        });
      let title = id;
      try {
        const status = await cycleStatus(deps.client, id);
        title = status.title;
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
      const body = html`<h1>Timeline: ${title}</h1>
      <form method="get" action="/audit/cycles/${encodeURIComponent(id)}"><fieldset><legend>Filter</legend>
        <label for="source">Source</label><select id="source" name="source"><option value="">All</option>${SOURCES.map((s) => html`<option value="${s}" ${s === source ? 'selected' : ''}>${s}</option>`)}</select>
        <label for="q">Contains</label><input type="text" id="q" name="q" value="${request.query.q ?? ''}">
        <button type="submit">Filter</button></fieldset></form>
      <p class="muted">${shown.length} of ${entries.length} entries</p>
      <table><thead><tr><th scope="col">Time (UTC)</th><th scope="col">Source</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead><tbody>
      ${shown.map((e) => html`<tr><td>${e.at.toISOString().replace('T', ' ').slice(0, 23)}</td><td>${e.source}</td><td>${e.who}</td><td>${e.what}</td><td>${e.detail.slice(0, 300)}</td></tr>`)}
      </tbody></table>`;
      return reply
        .type('text/html')
        .send(page({ lang: 'en', title: `Timeline ${title}`, body, nav: staffNav(user, reply) }));
    },
  );
}

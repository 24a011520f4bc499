// The auditor's page of one cycle: the verification's result, the signed tree heads, and the ledger line by line —
// sequence, Helsinki time, who, what in words (the export's action name beside it) and its fields — paged and
// filterable; the engine's events (Temporal's histories) and the mail apart. Read-only: these routes only GET.
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { cycleWorkflowId, TIME_ZONE } from '../../../core/contracts';
import { cycleTitleIn, partyNameIn } from '../../../core/domain/local-names';
import { CONTROL_NAMES, CYCLE_CONTROLS } from '../../../core/requests';
import { archivedHistories, auditCycleName, auditMailView, auditRecordView } from '../../../db/read-models/audit';
import { verifyLive } from '../../audit/verify-live';
import { cycleStatus, UserError } from '../../cycles';
import { html, type SafeHtml } from '../html';
import { requireRole, staffPage, type StaffReader } from '../session';
import type { WebDeps } from '../web-deps';
import { actionIn, LEDGER_WORDS, type LedgerWords } from '../words/ledger-words';

const PAGE_LINES = 50;
const PAGE_EVENTS = 200;
const VIEWS = ['ledger', 'engine', 'mail'] as const;
type View = (typeof VIEWS)[number];
type Query = { view?: string; page?: string; action?: string; party?: string; q?: string };

/** A time as Finns write it, in Helsinki, to the second (the ledger orders events within a minute). */
const when = (at: Date | string): string =>
  DateTime.fromJSDate(new Date(at), { zone: TIME_ZONE }).toFormat('d.L.yyyy HH.mm.ss');

/** A line's fields as a list that wraps: hashes break anywhere, nothing is wider than the page. */
function fields(payload: unknown): SafeHtml {
  const entries = Object.entries((payload ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null);
  const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return html`<dl class="fields">${entries.map(([k, v]) => html`<dt>${k}</dt><dd class="hash">${value(v).slice(0, 400)}</dd>`)}</dl>`;
}

const pager = (base: string, page: number, count: number, size: number, l: LedgerWords) =>
  html`<p class="muted">${l.shown(count ? page * size + 1 : 0, Math.min(count, (page + 1) * size), count)}</p>
    <nav class="pages">${page > 0 ? html`<a href="${base}&page=${page - 1}">${l.previous}</a> ` : ''}${(page + 1) * size < count ? html`<a href="${base}&page=${page + 1}">${l.next}</a>` : ''}</nav>`;

async function verificationBox(deps: WebDeps, id: string, lines: number, heads: number, l: LedgerWords) {
  if (!deps.auditPublicKeyPem) return html`<p>${l.noKey}</p>`;
  const result = await verifyLive(deps.db, id, { trusted: { keys: [deps.auditPublicKeyPem], fingerprints: [] } });
  const outcome = result.problems.length
    ? html`<div class="error" role="status"><p>${l.failed(result.problems.length)}</p><ul lang="en">${result.problems.map((p) => html`<li>${p}</li>`)}</ul><p>${l.problemsInEnglish}</p></div>`
    : html`<div class="notice" role="status"><p>${result.stillOpen ? l.verifiedSoFar(lines, heads) : l.verified(lines, heads)}</p></div>`;
  return html`${outcome}<p class="hint">${l.checkAlso}</p>`;
}

async function ledgerView(deps: WebDeps, user: StaffReader, id: string, query: Query, l: LedgerWords) {
  const page = Math.max(0, Number(query.page) || 0);
  const filter = {
    action: query.action || undefined,
    party: query.party || undefined,
    q: query.q?.trim() || undefined,
  };
  const record = await auditRecordView(deps.db, id, { ...filter, offset: page * PAGE_LINES, limit: PAGE_LINES });
  if (!record) return html``;
  const controlWord = (action: string) => {
    const name = action.slice('control.'.length);
    const control = CONTROL_NAMES.find((c) => c === name || CYCLE_CONTROLS[c].update === name);
    return control ? l.control(user.w.controls.legend[control]) : actionIn(l, action);
  };
  const said = (action: string) => (action.startsWith('control.') ? controlWord(action) : actionIn(l, action));
  const base = `/audit/cycles/${encodeURIComponent(id)}?view=ledger&action=${encodeURIComponent(query.action ?? '')}&party=${encodeURIComponent(query.party ?? '')}&q=${encodeURIComponent(query.q ?? '')}`;
  const last = record.heads.at(-1);
  const body = html`<h2>${l.verification}</h2>${await verificationBox(deps, id, record.all, record.heads.length, l)}
    <details><summary>${l.heads}: ${l.headsSummary(record.heads.length, last?.seq ?? null)}</summary>
      <table><thead><tr><th scope="col">${l.columns.seq}</th><th scope="col">${l.columns.time}</th><th scope="col">${l.columns.reason}</th><th scope="col">${l.columns.key}</th><th scope="col">${l.columns.root}</th></tr></thead><tbody>
      ${record.heads.map((h) => html`<tr><td>${h.seq}</td><td>${when(h.signedAt)}</td><td>${said(h.reason)}</td><td class="hash">${h.keyId}</td><td class="hash">${h.root ?? '–'}</td></tr>`)}</tbody></table></details>
    <h2>${l.views.ledger}</h2>
    <form method="get" action="/audit/cycles/${encodeURIComponent(id)}"><fieldset><legend>${l.filter}</legend><input type="hidden" name="view" value="ledger">
      <label for="action">${l.action}</label><select id="action" name="action"><option value="">${l.all}</option>${record.actions.map((a) => html`<option value="${a}" ${a === query.action ? 'selected' : ''}>${said(a)}</option>`)}</select>
      <label for="party">${l.party}</label><select id="party" name="party"><option value="">${l.all}</option>${record.parties.map((p) => html`<option value="${p.code}" ${p.code === query.party ? 'selected' : ''}>${partyNameIn(record.reference, p.code, p.name, user.lang)} (${p.code})</option>`)}</select>
      <label for="q">${l.contains}</label><input type="text" id="q" name="q" value="${query.q ?? ''}">
      <button type="submit">${l.filter}</button></fieldset></form>
    ${pager(base, page, record.matching, PAGE_LINES, l)}
    <table class="ledger"><thead><tr><th scope="col">${l.columns.seq}</th><th scope="col">${l.columns.time}</th><th scope="col">${l.columns.actor}</th><th scope="col">${l.columns.action}</th><th scope="col">${l.columns.fields}</th></tr></thead><tbody>
    ${record.rows.map((r) => html`<tr><td>${r.seq}</td><td>${when(r.at)}</td><td class="hash">${r.actor}</td><td>${said(r.action)}<br><span class="muted">${r.action}</span></td><td>${fields(r.payload)}</td></tr>`)}
    </tbody></table>`;
  return body;
}

/** Temporal's events: from Temporal while it has them, else from the archive kept when the cycle ended. */
async function engineView(deps: WebDeps, id: string, query: Query, l: LedgerWords) {
  const events: { at: Date; workflowId: string; type: string; eventId: string }[] = [];
  const add = (workflowId: string, list: Record<string, unknown>[]) => {
    for (const e of list) {
      const time = e.eventTime as { seconds?: unknown; nanos?: number } | string | undefined;
      const at =
        typeof time === 'string'
          ? new Date(time)
          : new Date(Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6));
      // Named as Temporal's documentation names event types: workflowExecutionStartedEventAttributes is the event
      // WorkflowExecutionStarted.
      const attributes = Object.keys(e).find((k) => k.endsWith('EventAttributes') && e[k]);
      const type = attributes
        ? attributes[0]!.toUpperCase() + attributes.slice(1, -'EventAttributes'.length)
        : String(e.eventType);
      events.push({ at, workflowId, type, eventId: String(e.eventId) });
    }
  };
  const archived = await archivedHistories(deps.db, id);
  if (archived.length)
    for (const h of archived)
      add(h.workflowId, (JSON.parse(h.history) as { events: Record<string, unknown>[] }).events);
  else
    try {
      const status = await cycleStatus(deps.client, id);
      for (const workflowId of [cycleWorkflowId(id), ...status.parties.map((p) => p.workflowId)])
        add(
          workflowId,
          ((await deps.client.workflow.getHandle(workflowId).fetchHistory()).events ?? []) as Record<string, unknown>[],
        );
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return html`<p>${l.engineGone}</p>`;
    }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const page = Math.max(0, Number(query.page) || 0);
  const shown = events.slice(page * PAGE_EVENTS, (page + 1) * PAGE_EVENTS);
  return html`<p class="hint">${l.engineNote}</p>${pager(`/audit/cycles/${encodeURIComponent(id)}?view=engine`, page, events.length, PAGE_EVENTS, l)}
    <table><thead><tr><th scope="col">${l.columns.time}</th><th scope="col">${l.columns.workflow}</th><th scope="col">${l.columns.event}</th></tr></thead><tbody>
    ${shown.map((e) => html`<tr><td>${when(e.at)}</td><td class="hash">${e.workflowId}</td><td>${e.type} <span class="muted">#${e.eventId}</span></td></tr>`)}</tbody></table>`;
}

async function mailView(deps: WebDeps, id: string, l: LedgerWords) {
  const { mail, documents } = await auditMailView(deps.db, id);
  const a = l.mail;
  return html`<table><thead><tr><th scope="col">${l.columns.time}</th><th scope="col">${a.recipient}</th><th scope="col">${a.kind}</th><th scope="col">${a.subject}</th></tr></thead><tbody>
    ${mail.map((m) => html`<tr><td>${when(m.sentAt ?? m.createdAt)}</td><td class="hash">${m.recipient}</td><td>${m.kind} ${m.status}</td><td>${m.subject}${m.attempts > 1 ? ` (${a.attempts(m.attempts)})` : ''}${m.lastError ? ` – ${m.lastError}` : ''}</td></tr>`)}
    ${documents.map((d) => html`<tr><td>${when(d.publishedAt)}</td><td class="hash">${d.publishedBy}</td><td>v${d.version}</td><td>${d.title} <span class="hash">${d.sha256}</span></td></tr>`)}
    </tbody></table>`;
}

export function registerCycleRecordPage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string }; Querystring: Query }>('/audit/cycles/:id', async (request, reply) => {
    const user = requireRole(request, reply, ['auditor', 'secretariat']);
    if (!user) return;
    const l = LEDGER_WORDS[user.lang];
    const { id } = request.params;
    const view: View = VIEWS.includes(request.query.view as View) ? (request.query.view as View) : 'ledger';
    const named = await auditCycleName(deps.db, id);
    if (!named) {
      const notFound = html`<h1>${user.w.notFound.heading}</h1><p>${user.w.notFound.noCycle} (${id})</p>`;
      return staffPage(user, reply.code(404), user.w.notFound.heading, notFound);
    }
    const heading = l.heading(cycleTitleIn(named.reference, named.naming, user.lang));
    const tabs = html`<nav class="phases" aria-label="${heading}">${VIEWS.map((v) => (v === view ? html`<strong aria-current="page">${l.views[v]}</strong> ` : html`<a href="/audit/cycles/${encodeURIComponent(id)}?view=${v}">${l.views[v]}</a> `))}</nav>`;
    const content =
      view === 'ledger'
        ? await ledgerView(deps, user, id, request.query, l)
        : view === 'engine'
          ? await engineView(deps, id, request.query, l)
          : await mailView(deps, id, l);
    return staffPage(user, reply, heading, html`<h1>${heading}</h1>${tabs}${content}`);
  });
}

// The human-readable part of an export: what the cycle was, who took part, how it ended, and its timeline.
import { html, page } from '../web/html';
import type { Cycle, Document } from '../../db/schema';
import type { LedgerEvent } from '../../db/ledger';

export function renderSummary(s: {
  cycle: Cycle;
  parties: { code: string; name: string; position: string | null }[];
  events: LedgerEvent[];
  documents: Document[];
  histories: number;
  checkpoints: number;
}): string {
  const { cycle } = s;
  const body = html`<h1>${cycle.title}</h1>
    <table class="facts">
      <tr><th scope="row">Cycle</th><td>${cycle.id} (${cycle.kind}, ${cycle.period}, county ${cycle.county_code})</td></tr>
      <tr><th scope="row">Status</th><td>${cycle.status}${cycle.outcome ? ` – ${cycle.outcome}` : ''}${cycle.cancel_reason ? ` – ${cycle.cancel_reason}` : ''}</td></tr>
      <tr><th scope="row">Started / ended</th><td>${cycle.started_at.toISOString()} / ${cycle.completed_at?.toISOString() ?? '–'}</td></tr>
      <tr><th scope="row">Record</th><td>${s.events.length} ledger events, ${s.checkpoints} signed checkpoints, ${s.histories} Temporal histories, ${s.documents.length} documents</td></tr>
    </table>
    <h2>Parties</h2><table><tbody>${s.parties.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td>${p.position ?? ''}</td></tr>`)}</tbody></table>
    <h2>Documents</h2><table><tbody>${s.documents.map((d) => html`<tr><td>v${d.version}${d.is_final ? ' (final)' : ''}</td><td>${d.title}</td><td class="hash">${d.sha256}</td></tr>`)}</tbody></table>
    <h2>Timeline</h2><table><thead><tr><th>#</th><th>Time (UTC)</th><th>Actor</th><th>Action</th></tr></thead><tbody>
    ${s.events.map((e) => html`<tr><td>${e.seq}</td><td>${e.at}</td><td>${e.actor}</td><td>${e.action}</td></tr>`)}</tbody></table>`;
  return page({ lang: 'en', title: `Audit summary ${cycle.id}`, body });
}

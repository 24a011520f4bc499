// What the auditor's and the compliance pages show from the record, each read in one call.
import { sql, type Kysely } from 'kysely';
import { complianceReport } from '../compliance';
import { mailLog } from '../mail-log';
import { referenceOn } from '../reference-store';
import type { Database } from '../schema';
import { cycleNaming, documents } from '../web-queries';

const today = () => new Date().toISOString().slice(0, 10);

export interface LedgerFilter {
  /** An action, or `control.` for every control. */
  action?: string;
  party?: string;
  /** Text anywhere in the line (actor, action, fields). */
  q?: string;
  offset: number;
  limit: number;
}

/** A cycle's record for the auditor's page: its naming, the ledger's lines in order (one page of them, filtered),
 * the actions and parties to filter by, and its signed tree heads. Null for an unknown cycle. */
export async function auditRecordView(db: Kysely<Database>, cycleId: string, filter: LedgerFilter) {
  const naming = await cycleNaming(db, cycleId);
  if (!naming) return null;
  const lines = db.selectFrom('audit_events').where('cycle_id', '=', cycleId);
  let shown = lines;
  if (filter.action?.endsWith('.')) shown = shown.where('action', 'like', `${filter.action}%`);
  else if (filter.action) shown = shown.where('action', '=', filter.action);
  if (filter.party) shown = shown.where(sql<string>`payload->>'partyCode'`, '=', filter.party);
  if (filter.q) shown = shown.where('canonical', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [rows, counts, actions, parties, heads, reference] = await Promise.all([
    shown
      .select(['seq', 'at', 'actor', 'action', 'payload'])
      .orderBy('seq')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    Promise.all([
      lines.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      shown.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]),
    lines.select('action').distinct().orderBy('action').execute(),
    db.selectFrom('parties').select(['code', 'name']).where('cycle_id', '=', cycleId).orderBy('code').execute(),
    db
      .selectFrom('audit_checkpoints')
      .select(['seq', 'reason', 'signed_at as signedAt', 'key_id as keyId', 'tree_root as root'])
      .where('cycle_id', '=', cycleId)
      .orderBy('seq')
      .execute(),
    referenceOn(db, today()),
  ]);
  return {
    naming,
    reference,
    rows,
    all: Number(counts[0].n),
    matching: Number(counts[1].n),
    actions: actions.map((a) => a.action),
    parties,
    heads,
  };
}

/** What names a cycle on the auditor's page; null for an unknown cycle. */
export async function auditCycleName(db: Kysely<Database>, cycleId: string) {
  const naming = await cycleNaming(db, cycleId);
  return naming ? { naming, reference: await referenceOn(db, today()) } : null;
}

/** The cycle's mail and documents, for the page's third view. */
export async function auditMailView(db: Kysely<Database>, cycleId: string) {
  const [mail, docs] = await Promise.all([mailLog(db, cycleId), documents(db, cycleId)]);
  return { mail, documents: docs };
}

/** The histories archived when the cycle ended (Temporal may have forgotten them since). */
export function archivedHistories(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('cycle_histories')
    .select(['workflow_id as workflowId', 'history'])
    .where('cycle_id', '=', cycleId)
    .orderBy('workflow_id')
    .execute();
}

/** The compliance report for a term and a year, with the reference data that names its lines. */
export async function complianceView(db: Kysely<Database>, query: { term: string; year: number; county?: string }) {
  const rows = await complianceReport(db, { term: query.term, years: [query.year], county: query.county, on: today() });
  return { rows, reference: await referenceOn(db, today()) };
}

// What the auditor's and the compliance pages show from the record, each read in one call.
import type { Kysely } from 'kysely';
import { complianceReport } from '../compliance';
import { mailLog } from '../mail-log';
import { referenceOn } from '../reference-store';
import type { Database } from '../schema';
import { auditEvents, cycleNaming, documents } from '../web-queries';

const today = () => new Date().toISOString().slice(0, 10);

/** A cycle's recorded timeline: its ledger, its mail and its documents; null for an unknown cycle. (Temporal's own
 * histories are read by the page from Temporal.) */
export async function auditTimelineView(db: Kysely<Database>, cycleId: string) {
  const naming = await cycleNaming(db, cycleId);
  if (!naming) return null;
  const [events, mail, docs, reference] = await Promise.all([
    auditEvents(db, cycleId),
    mailLog(db, cycleId),
    documents(db, cycleId),
    referenceOn(db, today()),
  ]);
  return { naming, events, mail, documents: docs, reference };
}

/** The compliance report for a term and a year, with the reference data that names its lines. */
export async function complianceView(db: Kysely<Database>, query: { term: string; year: number; county?: string }) {
  const rows = await complianceReport(db, { term: query.term, years: [query.year], county: query.county, on: today() });
  return { rows, reference: await referenceOn(db, today()) };
}

// What the secretariat's pages show, each read in one call: the list of cycles, one cycle's record beside its live
// status (which comes from Temporal), and a county's follow-up.
import type { Kysely } from 'kysely';
import type { Language } from '../../core/contracts';
import { cycleAnswers, meetingRecord } from '../answers';
import { followUpReport } from '../follow-up';
import { mailLog } from '../mail-log';
import { referenceOn } from '../reference-store';
import { failingSchedules } from '../schedule-runs';
import type { Database } from '../schema';
import { thlFiguresFor } from '../thl';
import { cycleAgenda, cycleList, cycleNaming, cycleParties, cycleSettings } from '../web-queries';

const today = () => new Date().toISOString().slice(0, 10);

/** The cycle list: every cycle, the reference data that names them, and schedules whose last run failed. */
export async function cycleListView(db: Kysely<Database>) {
  const [cycles, reference, failing] = await Promise.all([
    cycleList(db),
    referenceOn(db, today()),
    failingSchedules(db),
  ]);
  return { cycles, reference, failing };
}

/** A cycle's page from the record: its settings and naming, every answer, the meeting, and mail still waiting after
 * `lateSince`. */
export async function cyclePageView(db: Kysely<Database>, cycleId: string, lateSince: Date) {
  const [settings, reference, answers, naming, lateMail, meeting] = await Promise.all([
    cycleSettings(db, cycleId),
    referenceOn(db, today()),
    cycleAnswers(db, cycleId),
    cycleNaming(db, cycleId),
    mailLog(db, cycleId, { pendingSince: lateSince }),
    meetingRecord(db, cycleId),
  ]);
  return { ...settings, reference, answers, naming, lateMail, meeting };
}

/** A county's follow-up page, for the cycle it was asked from; null for an unknown cycle. */
export async function followUpView(db: Kysely<Database>, cycleId: string, language: Language) {
  const cycle = await cycleNaming(db, cycleId);
  if (!cycle) return null;
  const [reference, lines] = await Promise.all([referenceOn(db, today()), followUpReport(db, cycle.countyCode)]);
  // THL's values of the indicators the goals name, for the parties' municipalities and the county.
  const thl = await thlFiguresFor(
    db,
    lines.flatMap((l) => (l.thlIndicator ? [l.thlIndicator] : [])),
    { municipalities: [...new Set(lines.map((l) => l.partyCode))], counties: [cycle.countyCode] },
    language,
  );
  return { cycle, reference, lines, thl };
}

/** What the cycle's documents (the statement summary, the goals register) are written from: its agenda, every answer,
 * its parties, and the reference data that names them in the document's language. */
export async function cycleDocumentView(
  db: Kysely<Database>,
  cycle: { id: string; countyCode: string },
  language: Language,
) {
  const [agenda, rows, parties, reference, lines] = await Promise.all([
    cycleAgenda(db, cycle.id),
    cycleAnswers(db, cycle.id),
    cycleParties(db, cycle.id),
    referenceOn(db, today()),
    followUpReport(db, cycle.countyCode),
  ]);
  // For the goals' charts: what the parties reported on this cycle's goals since, and THL's figures.
  const followUp = lines.filter((l) => l.cycleId === cycle.id);
  const thl = await thlFiguresFor(
    db,
    followUp.flatMap((l) => (l.thlIndicator ? [l.thlIndicator] : [])),
    { municipalities: parties.map((p) => p.code), counties: [cycle.countyCode] },
    language,
  );
  return { agenda, rows, parties, reference, followUp, thl };
}

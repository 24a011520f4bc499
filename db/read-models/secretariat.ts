// What the secretariat's pages show, each read in one call: the list of cycles, one cycle's record beside its live
// status (which comes from Temporal), and a county's follow-up.
import type { Kysely } from 'kysely';
import { cycleAnswers, meetingRecord } from '../answers';
import { followUpReport } from '../follow-up';
import { mailLog } from '../mail-log';
import { referenceOn } from '../reference-store';
import { failingSchedules } from '../schedule-runs';
import type { Database } from '../schema';
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
export async function followUpView(db: Kysely<Database>, cycleId: string) {
  const cycle = await cycleNaming(db, cycleId);
  if (!cycle) return null;
  const [reference, lines] = await Promise.all([referenceOn(db, today()), followUpReport(db, cycle.countyCode)]);
  return { cycle, reference, lines };
}

/** What the cycle's documents (the statement summary, the goals register) are written from: its agenda, every answer,
 * its parties, and the reference data that names them in the document's language. */
export async function cycleDocumentView(db: Kysely<Database>, cycleId: string) {
  const [agenda, rows, parties, reference] = await Promise.all([
    cycleAgenda(db, cycleId),
    cycleAnswers(db, cycleId),
    cycleParties(db, cycleId),
    referenceOn(db, today()),
  ]);
  return { agenda, rows, parties, reference };
}

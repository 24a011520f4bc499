// The cycle's own rows: the cycle, its parties and participants, phases, documents, the meeting and its minutes,
// and how it ended. Every insert is keyed by what it records, so a retried activity finds its row already there.
import type { Kysely, Transaction } from 'kysely';
import type {
  Attendee,
  CycleInput,
  CyclePhase,
  FileRef,
  MeetingInfo,
  MinutesItem,
  Outcome,
  Position,
} from '../core/contracts';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** How a cycle's case is filed, its definition's records with their defaults: kept in the cycle's row and signed in
 * the ledger's first line. */
export const filingOf = (input: CycleInput) => ({
  diaryNumber: input.records?.diaryNumber ?? null,
  publicity: input.records?.publicity ?? 'public',
  secrecyGround: input.records?.secrecyGround ?? null,
  retention: input.records?.retention ?? 'permanent',
});

export async function insertCycle(
  trx: Transaction<Database>,
  input: CycleInput,
  run: { workflowId: string; runId: string },
  startedAt: string,
  partyWorkflowId: (code: string) => string,
): Promise<void> {
  const filing = filingOf(input);
  await trx
    .insertInto('cycles')
    .values({
      id: input.cycleId,
      kind: input.kind,
      county_code: input.countyCode,
      title: input.title,
      period: input.period,
      secretariat_email: input.secretariat.email,
      definition: JSON.stringify(input),
      workflow_id: run.workflowId,
      run_id: run.runId,
      started_at: startedAt,
      diary_number: filing.diaryNumber,
      publicity: filing.publicity,
      secrecy_ground: filing.secrecyGround,
      retention: filing.retention,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .insertInto('parties')
    .values(
      input.parties.map((p) => ({
        cycle_id: input.cycleId,
        code: p.code,
        kind: p.kind,
        name: p.name,
        language: p.language,
        workflow_id: partyWorkflowId(p.code),
      })),
    )
    .onConflict((oc) => oc.columns(['cycle_id', 'code']).doNothing())
    .execute();
  await trx
    .insertInto('participants')
    .values(
      input.parties.flatMap((p) =>
        p.participants.map((person) => ({
          cycle_id: input.cycleId,
          party_code: p.code,
          ...person,
          added_at: startedAt,
        })),
      ),
    )
    .onConflict((oc) => oc.columns(['cycle_id', 'party_code', 'email']).doNothing())
    .execute();
}

export async function setCyclePhase(db: Db, cycleId: string, phase: CyclePhase): Promise<void> {
  await db.updateTable('cycles').set({ phase }).where('id', '=', cycleId).execute();
}

export async function insertDocument(
  db: Db,
  doc: {
    cycleId: string;
    version: number;
    title: string;
    content: string;
    sha256: string;
    at: string;
    by: string;
    file?: FileRef;
  },
): Promise<void> {
  // A version is filed as its cycle is: the same case, publicity and retention.
  const records = await db
    .selectFrom('cycles')
    .select(['diary_number', 'publicity', 'secrecy_ground', 'retention'])
    .where('id', '=', doc.cycleId)
    .executeTakeFirst();
  await db
    .insertInto('documents')
    .values({
      ...records,
      cycle_id: doc.cycleId,
      version: doc.version,
      title: doc.title,
      content: doc.content,
      sha256: doc.sha256,
      published_at: doc.at,
      published_by: doc.by,
      file_sha256: doc.file?.sha256 ?? null,
      file_name: doc.file?.name ?? null,
      media_type: doc.file?.mediaType ?? null,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'version']).doNothing())
    .execute();
}

export async function markDocumentFinal(db: Db, cycleId: string, version: number): Promise<void> {
  await db
    .updateTable('documents')
    .set({ is_final: true })
    .where('cycle_id', '=', cycleId)
    .where('version', '=', version)
    .execute();
}

export async function insertMeeting(
  db: Db,
  cycleId: string,
  meeting: MeetingInfo,
  by: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('meetings')
    .values({
      cycle_id: cycleId,
      version: meeting.version,
      starts_at: meeting.startsAt,
      location: meeting.location,
      link: meeting.link,
      scheduled_at: at,
      scheduled_by: by,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'version']).doNothing())
    .execute();
}

export async function insertMinutes(
  db: Db,
  record: { cycleId: string; meetingVersion: number; items: MinutesItem[]; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('minutes')
    .values({
      cycle_id: record.cycleId,
      meeting_version: record.meetingVersion,
      items: JSON.stringify(record.items),
      recorded_at: record.at,
      recorded_by: record.by,
    })
    .onConflict((oc) => oc.column('cycle_id').doNothing())
    .execute();
}

/** Who attended, as registered by a party or as the minutes list them; keyed by the Update and the position. */
export async function insertAttendees(
  db: Db,
  record: {
    cycleId: string;
    attendees: (Attendee & { partyCode: string })[];
    source: 'minutes' | 'registration';
    updateId: string;
    at: string;
  },
): Promise<void> {
  if (!record.attendees.length) return;
  await db
    .insertInto('meeting_attendees')
    .values(
      record.attendees.map(({ partyCode, ...a }, position) => ({
        cycle_id: record.cycleId,
        party_code: partyCode,
        ...a,
        source: record.source,
        update_id: record.updateId,
        position,
        recorded_at: record.at,
      })),
    )
    .onConflict((oc) => oc.columns(['cycle_id', 'party_code', 'update_id', 'position']).doNothing())
    .execute();
}

export async function completeCycle(
  trx: Transaction<Database>,
  cycleId: string,
  outcome: Outcome,
  positions: { partyCode: string; position: Position }[],
  at: string,
): Promise<void> {
  await trx
    .updateTable('cycles')
    .set({ status: 'completed', phase: 'completed', outcome, completed_at: at })
    .where('id', '=', cycleId)
    .execute();
  for (const { partyCode, position } of positions) await setPartyPosition(trx, cycleId, partyCode, position);
}

export async function cancelCycle(db: Db, cycleId: string, reason: string, at: string): Promise<void> {
  await db
    .updateTable('cycles')
    .set({ status: 'cancelled', phase: 'cancelled', cancel_reason: reason, completed_at: at })
    .where('id', '=', cycleId)
    .execute();
}

export async function setPartyPosition(db: Db, cycleId: string, partyCode: string, position: Position): Promise<void> {
  await db
    .updateTable('parties')
    .set({ position })
    .where('cycle_id', '=', cycleId)
    .where('code', '=', partyCode)
    .execute();
}

export async function insertDeadline(
  db: Db,
  row: {
    cycleId: string;
    phaseKey: string;
    scope: string;
    version: number;
    dueAt: string;
    nominalDueAt: string;
    closesAt: string;
    reminders: unknown;
    plannedAt: string;
  },
): Promise<void> {
  await db
    .insertInto('deadlines')
    .values({
      cycle_id: row.cycleId,
      phase_key: row.phaseKey,
      scope: row.scope,
      version: row.version,
      due_at: row.dueAt,
      nominal_due_at: row.nominalDueAt,
      closes_at: row.closesAt,
      reminders: JSON.stringify(row.reminders),
      planned_at: row.plannedAt,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'phase_key', 'scope', 'version']).doNothing())
    .execute();
}

export async function insertHistory(
  db: Db,
  run: { cycleId: string; workflowId: string; runId: string; json: string; sha256: string; events: number },
): Promise<void> {
  await db
    .insertInto('cycle_histories')
    .values({
      cycle_id: run.cycleId,
      workflow_id: run.workflowId,
      run_id: run.runId,
      history: run.json,
      sha256: run.sha256,
      event_count: run.events,
      archived_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['workflow_id', 'run_id']).doNothing())
    .execute();
}

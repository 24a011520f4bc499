// What the web pages read from Postgres: the record Sopu keeps of every cycle.
import type { Kysely } from 'kysely';
import type { AgendaEntry, AnswersVisible, CycleInput, CycleKind, Language } from '../core/contracts';
import type { Database } from './schema';

export function taskContext(db: Kysely<Database>, taskId: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('parties', (j) =>
      j.onRef('parties.cycle_id', '=', 'tasks.cycle_id').onRef('parties.code', '=', 'tasks.party_code'),
    )
    .innerJoin('cycles', 'cycles.id', 'tasks.cycle_id')
    .select([
      'tasks.id as taskId',
      'tasks.kind',
      'tasks.phase_key as phaseKey',
      'tasks.status',
      'tasks.nominal_deadline as deadline',
      'tasks.deadline as dueAt',
      'tasks.deadline_version as deadlineVersion',
      'tasks.closed_at as closedAt',
      'tasks.document_version as documentVersion',
      'parties.code as partyCode',
      'parties.name as partyName',
      'parties.language as partyLanguage',
      'cycles.id as cycleId',
      'cycles.title as cycleTitle',
      'cycles.kind as cycleKind',
      'cycles.county_code as countyCode',
      'cycles.period as period',
      'cycles.secretariat_email as secretariatEmail',
    ])
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
}

export function participant(db: Kysely<Database>, cycleId: string, partyCode: string, email: string) {
  return db
    .selectFrom('participants')
    .select(['name', 'email', 'role', 'language', 'active'])
    .where('cycle_id', '=', cycleId)
    .where('party_code', '=', partyCode)
    .where('email', '=', email)
    .executeTakeFirst();
}

/** Every answer the party has given in the cycle, newest first, earlier versions included. */
export function partyAnswers(db: Kysely<Database>, cycleId: string, partyCode: string) {
  return db
    .selectFrom('responses')
    .innerJoin('tasks', 'tasks.id', 'responses.task_id')
    .innerJoin('participants', 'participants.id', 'responses.participant_id')
    .select([
      'responses.id',
      'tasks.phase_key as phaseKey',
      'responses.kind',
      'responses.body',
      'responses.late',
      'responses.received_at as receivedAt',
      'participants.name',
      'responses.on_behalf_by as onBehalfBy',
    ])
    .where('tasks.cycle_id', '=', cycleId)
    .where('tasks.party_code', '=', partyCode)
    .orderBy('responses.received_at', 'desc')
    .execute();
}

export function document(db: Kysely<Database>, cycleId: string, version: number) {
  return db
    .selectFrom('documents')
    .select([
      'version',
      'title',
      'content',
      'sha256',
      'media_type as mediaType',
      'file_sha256 as fileSha256',
      'file_name as fileName',
    ])
    .where('cycle_id', '=', cycleId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The cycles of a kind, county and period that were not cancelled, oldest first. */
export async function cyclesOfPeriod(
  db: Kysely<Database>,
  of: { kind: CycleKind; countyCode: string; period: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('cycles')
    .select('id')
    .where('kind', '=', of.kind)
    .where('county_code', '=', of.countyCode)
    .where('period', '=', of.period)
    .where('status', '!=', 'cancelled')
    .orderBy('started_at')
    .execute();
  return rows.map((r) => r.id);
}

/** The county a recorded cycle belongs to; null when the record has no such cycle. */
export async function cycleCountyOf(db: Kysely<Database>, cycleId: string): Promise<string | null> {
  const row = await db.selectFrom('cycles').select('county_code').where('id', '=', cycleId).executeTakeFirst();
  return row?.county_code ?? null;
}

/** Whether the record has a cycle of this id. */
export async function cycleExists(db: Kysely<Database>, cycleId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('cycles').select('id').where('id', '=', cycleId).executeTakeFirst());
}

export function cycleList(db: Kysely<Database>) {
  return db
    .selectFrom('cycles')
    .select([
      'id',
      'kind',
      'title',
      'county_code as countyCode',
      'period',
      'phase',
      'status',
      'outcome',
      'started_at as startedAt',
    ])
    .orderBy('started_at', 'desc')
    .execute();
}

export function documents(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('documents')
    .select([
      'version',
      'title',
      'sha256',
      'published_at as publishedAt',
      'published_by as publishedBy',
      'is_final as isFinal',
    ])
    .where('cycle_id', '=', cycleId)
    .orderBy('version')
    .execute();
}

/** What the cycle was started with that pages and mail show: its agenda (cooperation areas) and who reads answers
 * (cycles started before that setting was kept show answers after each phase, its default). */
export async function cycleSettings(
  db: Kysely<Database>,
  cycleId: string,
): Promise<{ agenda: AgendaEntry[]; answersVisible: AnswersVisible; thlIndicators: number[] }> {
  const row = await db.selectFrom('cycles').select('definition').where('id', '=', cycleId).executeTakeFirst();
  const definition = row ? definitionOf(row.definition) : {};
  return {
    agenda: definition.agenda ?? [],
    answersVisible: definition.answersVisible ?? 'after-phase',
    thlIndicators: definition.thlIndicators ?? [],
  };
}

/** The cycle input a cycle was started with (`cycles.definition`), as far as pages read it. */
export const definitionOf = (json: unknown): Partial<Pick<CycleInput, 'agenda' | 'answersVisible' | 'thlIndicators'>> =>
  (typeof json === 'string' ? JSON.parse(json) : json) as Partial<
    Pick<CycleInput, 'agenda' | 'answersVisible' | 'thlIndicators'>
  >;

/** The whole input a cycle was started with: what a new cycle started from it copies. */
export async function cycleInputOf(db: Kysely<Database>, cycleId: string): Promise<CycleInput | null> {
  const row = await db.selectFrom('cycles').select('definition').where('id', '=', cycleId).executeTakeFirst();
  return row ? (definitionOf(row.definition) as CycleInput) : null;
}

/** The languages a cycle's participants read: what its messages to everyone are written in. */
export async function participantLanguages(db: Kysely<Database>, cycleId: string): Promise<Language[]> {
  const rows = await db
    .selectFrom('participants')
    .select('language')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.language);
}

export const cycleAgenda = async (db: Kysely<Database>, cycleId: string): Promise<AgendaEntry[]> =>
  (await cycleSettings(db, cycleId)).agenda;

/** The phases in which the party's task has closed: its answers there are final. */
export async function closedPhases(db: Kysely<Database>, cycleId: string, partyCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('phase_key')
    .where('cycle_id', '=', cycleId)
    .where('party_code', '=', partyCode)
    .where('closed_at', 'is not', null)
    .orderBy('opened_at')
    .execute();
  return rows.map((r) => r.phase_key);
}

/** The agreement a completed cycle issued, if any. */
export function agreementOf(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('agreements')
    .select(['file_sha256 as sha256', 'issued_at as issuedAt'])
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
}

/** What a cycle's title is made of, to show it in a reader's language. */
export function cycleNaming(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('cycles')
    .select(['title', 'kind', 'county_code as countyCode', 'period'])
    .where('id', '=', cycleId)
    .executeTakeFirst();
}

/** Every party of a cycle, in the order it was started with. */
export function cycleParties(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('parties')
    .select(['code', 'name'])
    .where('cycle_id', '=', cycleId)
    .orderBy('position')
    .execute();
}

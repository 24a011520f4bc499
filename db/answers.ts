// What the parties said in a cycle, as the secretariat reads it: every answer, "no comments" and sign-off, each
// version kept, with who gave it, when, and whether it was late or recorded on the party's behalf.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AreaAnswer, Goal } from '../core/contracts';
import type { Database } from './schema';

export type AnswerKind = 'answer' | 'no_comments' | 'approved' | 'rejected';

export interface AnswerRow {
  phaseKey: string;
  partyCode: string;
  partyName: string;
  participantName: string;
  participantEmail: string;
  kind: AnswerKind;
  /** The answer's text; for a sign-off its decision reference, and the reason of a rejection. */
  text: string;
  late: boolean;
  onBehalfBy: string | null;
  at: Date;
  /** What it says per agenda item (cooperation area), with its goals. */
  areas: AreaAnswer[];
  /** Files sent with it, in the order sent. */
  attachments: AttachmentRow[];
}

export interface AttachmentRow {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** The attachments of answers, by response id. */
export async function attachmentsOf(
  db: Kysely<Database>,
  responseIds: string[],
): Promise<Map<string, AttachmentRow[]>> {
  const byResponse = new Map<string, AttachmentRow[]>();
  if (!responseIds.length) return byResponse;
  const rows = await db
    .selectFrom('answer_attachments')
    .select(['response_id', 'file_sha256 as sha256', 'file_name as name', 'media_type as mediaType', 'size'])
    .where('response_id', 'in', responseIds)
    .orderBy('response_id')
    .orderBy('position')
    .execute();
  for (const { response_id, ...file } of rows) {
    const list = byResponse.get(String(response_id)) ?? [];
    list.push(file);
    byResponse.set(String(response_id), list);
  }
  return byResponse;
}

/** A `goals` row as the contracts' Goal: an empty column is an absent member. */
export function goalOfRow(row: Selectable<Database['goals']>): Goal {
  const optional = <T>(value: T | null) => value ?? undefined;
  return {
    goal: row.goal,
    measure: optional(row.measure),
    indicator: optional(row.indicator),
    baseline: optional(row.baseline),
    target: optional(row.target),
    targetYear: optional(row.target_year),
    responsible: optional(row.responsible),
    partyPerson: optional(row.party_person),
    countyPerson: optional(row.county_person),
    thlIndicator: optional(row.thl_indicator),
  };
}

/** An attachment of an answer in the cycle, with whose answer it came with (for who may download it). */
export function attachmentInCycle(db: Kysely<Database>, cycleId: string, sha256: string) {
  return db
    .selectFrom('answer_attachments')
    .innerJoin('responses', 'responses.id', 'answer_attachments.response_id')
    .innerJoin('tasks', 'tasks.id', 'responses.task_id')
    .select([
      'answer_attachments.file_name as name',
      'answer_attachments.media_type as mediaType',
      'tasks.party_code as partyCode',
      'tasks.phase_key as phaseKey',
    ])
    .where('tasks.cycle_id', '=', cycleId)
    .where('answer_attachments.file_sha256', '=', sha256)
    .orderBy('responses.id')
    .execute();
}

/** The answers per agenda item of these responses, with their goals in order, by response id. */
async function areasOf(db: Kysely<Database>, responseIds: string[]): Promise<Map<string, AreaAnswer[]>> {
  const byResponse = new Map<string, AreaAnswer[]>();
  if (!responseIds.length) return byResponse;
  const areas = await db
    .selectFrom('response_areas')
    .selectAll()
    .where('response_id', 'in', responseIds)
    .orderBy('area')
    .execute();
  const goals = await db
    .selectFrom('goals')
    .selectAll()
    .where('response_id', 'in', responseIds)
    .orderBy('area')
    .orderBy('position')
    .execute();
  for (const a of areas) {
    const list = byResponse.get(a.response_id) ?? [];
    const own = goals.filter((g) => g.response_id === a.response_id && g.area === a.area).map(goalOfRow);
    list.push({ area: a.area, ...(a.text ? { text: a.text } : {}), ...(own.length ? { goals: own } : {}) });
    byResponse.set(a.response_id, list);
  }
  return byResponse;
}

/** In phase order (when each phase's tasks opened), then by party code, then oldest first. */
export async function cycleAnswers(db: Kysely<Database>, cycleId: string, phaseKey?: string): Promise<AnswerRow[]> {
  const people = (table: 'responses' | 'signoffs') =>
    db
      .selectFrom(table)
      .innerJoin('tasks', 'tasks.id', `${table}.task_id`)
      .innerJoin('participants', 'participants.id', `${table}.participant_id`)
      .innerJoin('parties', (j) =>
        j.onRef('parties.cycle_id', '=', 'tasks.cycle_id').onRef('parties.code', '=', 'tasks.party_code'),
      )
      .where('tasks.cycle_id', '=', cycleId)
      .$if(phaseKey !== undefined, (q) => q.where('tasks.phase_key', '=', phaseKey!));
  const responses = await people('responses')
    .select([
      'responses.id as responseId',
      'tasks.phase_key as phaseKey',
      'tasks.opened_at as openedAt',
      'tasks.party_code as partyCode',
      'parties.name as partyName',
      'participants.name as participantName',
      'participants.email as participantEmail',
      'responses.kind as kind',
      'responses.body as text',
      'responses.late as late',
      'responses.on_behalf_by as onBehalfBy',
      'responses.received_at as at',
    ])
    .execute();
  const signOffs = await people('signoffs')
    .select([
      'tasks.phase_key as phaseKey',
      'tasks.opened_at as openedAt',
      'tasks.party_code as partyCode',
      'parties.name as partyName',
      'participants.name as participantName',
      'participants.email as participantEmail',
      'signoffs.decision as kind',
      sql<string>`concat_ws(' – ', signoffs.decision_reference, signoffs.reason)`.as('text'),
      sql<boolean>`signoffs.signed_at > tasks.deadline`.as('late'),
      'signoffs.on_behalf_by as onBehalfBy',
      'signoffs.signed_at as at',
    ])
    .execute();
  const ids = responses.map((r) => r.responseId);
  const areas = await areasOf(db, ids);
  const attachments = await attachmentsOf(db, ids);
  return [
    ...responses.map(({ responseId, ...r }) => ({
      ...r,
      areas: areas.get(responseId) ?? [],
      attachments: attachments.get(String(responseId)) ?? [],
    })),
    ...signOffs.map((r) => ({ ...r, areas: [], attachments: [] })),
  ]
    .sort(
      (a, b) =>
        a.openedAt.getTime() - b.openedAt.getTime() ||
        a.phaseKey.localeCompare(b.phaseKey) ||
        a.partyCode.localeCompare(b.partyCode, 'fi', { numeric: true }) ||
        a.at.getTime() - b.at.getTime(),
    )
    .map(({ openedAt: _openedAt, ...row }) => row);
}

/** The meeting's record: the minutes' items and everyone registered or minuted as present, by party. */
export async function meetingRecord(db: Kysely<Database>, cycleId: string) {
  const minutes = await db
    .selectFrom('minutes')
    .select(['items', 'recorded_at as recordedAt', 'recorded_by as recordedBy'])
    .where('cycle_id', '=', cycleId)
    .orderBy('meeting_version', 'desc')
    .executeTakeFirst();
  const attendees = await db
    .selectFrom('meeting_attendees')
    .select(['party_code as partyCode', 'name', 'role', 'organisation', 'source'])
    .where('cycle_id', '=', cycleId)
    .orderBy('party_code')
    .orderBy('position')
    .execute();
  return {
    minutes: minutes
      ? { ...minutes, items: minutes.items as { number: number; title: string; conclusion: string }[] }
      : null,
    attendees,
  };
}

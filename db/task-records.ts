// A party's tasks and what its participants did: status changes, answers, sign-offs and replacements. Keys come
// from the workflow (task id, update id, status and deadline version), so a retried write finds its row there.
import type { Transaction } from 'kysely';
import type {
  AreaAnswer,
  GoalFollowUp,
  Deadline,
  Decision,
  FileRef,
  ParticipantInput,
  TaskKind,
  TaskStatus,
} from '../core/contracts';
import type { Database } from './schema';

type Trx = Transaction<Database>;

/** The participant's row id, or null when the address is not a participant of the party. */
export async function participantId(
  trx: Trx,
  cycleId: string,
  partyCode: string,
  email: string,
): Promise<string | null> {
  const row = await trx
    .selectFrom('participants')
    .select('id')
    .where('cycle_id', '=', cycleId)
    .where('party_code', '=', partyCode)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertTask(
  trx: Trx,
  task: {
    id: string;
    cycleId: string;
    partyCode: string;
    kind: TaskKind;
    phaseKey: string;
    deadline: Deadline;
    documentVersion: number | null;
    openedAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('tasks')
    .values({
      id: task.id,
      cycle_id: task.cycleId,
      party_code: task.partyCode,
      kind: task.kind,
      phase_key: task.phaseKey,
      status: 'open',
      deadline: task.deadline.at,
      nominal_deadline: task.deadline.nominal,
      deadline_version: task.deadline.version,
      document_version: task.documentVersion,
      opened_at: task.openedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function insertStatusChange(
  trx: Trx,
  change: { taskId: string; status: TaskStatus; at: string; actor: string; eventKey: string },
): Promise<void> {
  await trx
    .insertInto('task_status_changes')
    .values({
      task_id: change.taskId,
      status: change.status,
      at: change.at,
      actor: change.actor,
      event_key: change.eventKey,
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
}

/** A closing status (no response, cancelled) also stamps when the task closed. */
export async function setTaskStatus(trx: Trx, taskId: string, status: TaskStatus, at: string): Promise<void> {
  const closed = status === 'no_response' || status === 'cancelled';
  await trx
    .updateTable('tasks')
    .set({ status, ...(closed ? { closed_at: at } : {}) })
    .where('id', '=', taskId)
    .execute();
}

export async function closeTask(trx: Trx, taskId: string, at: string): Promise<void> {
  await trx
    .updateTable('tasks')
    .set({ closed_at: at })
    .where('id', '=', taskId)
    .where('closed_at', 'is', null)
    .execute();
}

export async function setTaskDeadline(trx: Trx, taskId: string, deadline: Deadline): Promise<void> {
  await trx
    .updateTable('tasks')
    .set({ deadline: deadline.at, nominal_deadline: deadline.nominal, deadline_version: deadline.version })
    .where('id', '=', taskId)
    .execute();
}

export interface OnBehalfColumns {
  on_behalf_by: string | null;
  on_behalf_reason: string | null;
}

/** Inserts an answer with what it says per agenda item and its goals; a retry finds it there and adds nothing. */
export async function insertResponse(
  trx: Trx,
  row: {
    taskId: string;
    participantId: string;
    noComments: boolean;
    body: string;
    late: boolean;
    updateId: string;
    receivedAt: string;
    areas: AreaAnswer[];
    followUp: GoalFollowUp[];
    attachments: FileRef[];
  } & OnBehalfColumns,
): Promise<void> {
  const inserted = await trx
    .insertInto('responses')
    .values({
      task_id: row.taskId,
      participant_id: row.participantId,
      kind: row.noComments ? 'no_comments' : 'answer',
      body: row.body,
      late: row.late,
      update_id: row.updateId,
      received_at: row.receivedAt,
      on_behalf_by: row.on_behalf_by,
      on_behalf_reason: row.on_behalf_reason,
    })
    .onConflict((oc) => oc.columns(['task_id', 'update_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  if (row.attachments.length) {
    // The files themselves were stored before the Update was sent; a missing one fails the foreign key.
    await trx
      .insertInto('answer_attachments')
      .values(
        row.attachments.map((f, position) => ({
          response_id: inserted.id,
          position,
          file_sha256: f.sha256,
          file_name: f.name,
          media_type: f.mediaType,
          size: f.bytes,
        })),
      )
      .execute();
  }
  if (row.followUp.length) {
    await trx
      .insertInto('goal_follow_ups')
      .values(
        row.followUp.map((f) => {
          const [goalResponse, area, position] = f.goal.split(':');
          return {
            response_id: inserted.id,
            goal_response_id: goalResponse!,
            goal_area: Number(area),
            goal_position: Number(position),
            status: f.status,
            current_value: f.currentValue ?? null,
            comment: f.comment ?? null,
          };
        }),
      )
      .execute();
  }
  if (!row.areas.length) return;
  await trx
    .insertInto('response_areas')
    .values(row.areas.map((a) => ({ response_id: inserted.id, area: a.area, text: a.text ?? null })))
    .execute();
  const goals = row.areas.flatMap((a) =>
    (a.goals ?? []).map((g, position) => ({
      response_id: inserted.id,
      area: a.area,
      position,
      goal: g.goal,
      measure: g.measure ?? null,
      indicator: g.indicator ?? null,
      baseline: g.baseline ?? null,
      target: g.target ?? null,
      target_year: g.targetYear ?? null,
      responsible: g.responsible ?? null,
      party_person: g.partyPerson ?? null,
      county_person: g.countyPerson ?? null,
      thl_indicator: g.thlIndicator ?? null,
    })),
  );
  if (goals.length) await trx.insertInto('goals').values(goals).execute();
}

export async function insertSignOff(
  trx: Trx,
  row: {
    taskId: string;
    participantId: string;
    decision: Decision;
    decisionReference: string | null;
    reason: string | null;
    documentSha256: string;
    updateId: string;
    signedAt: string;
  } & OnBehalfColumns,
): Promise<void> {
  await trx
    .insertInto('signoffs')
    .values({
      task_id: row.taskId,
      participant_id: row.participantId,
      decision: row.decision,
      decision_reference: row.decisionReference,
      reason: row.reason,
      document_sha256: row.documentSha256,
      update_id: row.updateId,
      signed_at: row.signedAt,
      on_behalf_by: row.on_behalf_by,
      on_behalf_reason: row.on_behalf_reason,
    })
    .onConflict((oc) => oc.columns(['task_id', 'update_id']).doNothing())
    .execute();
}

/** The old participant stays on record as replaced; the new one is added (or re-activated). */
export async function replaceParticipant(
  trx: Trx,
  change: {
    cycleId: string;
    partyCode: string;
    oldEmail: string;
    participant: ParticipantInput;
    reason: string;
    at: string;
  },
): Promise<void> {
  await trx
    .updateTable('participants')
    .set({
      active: false,
      replaced_at: change.at,
      replaced_by: change.participant.email,
      replace_reason: change.reason,
    })
    .where('cycle_id', '=', change.cycleId)
    .where('party_code', '=', change.partyCode)
    .where('email', '=', change.oldEmail)
    .execute();
  await trx
    .insertInto('participants')
    .values({ cycle_id: change.cycleId, party_code: change.partyCode, ...change.participant, added_at: change.at })
    .onConflict((oc) =>
      oc
        .columns(['cycle_id', 'party_code', 'email'])
        .doUpdateSet({ active: true, role: change.participant.role, name: change.participant.name }),
    )
    .execute();
}

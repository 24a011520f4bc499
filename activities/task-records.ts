// Activities that write a party's tasks and what its participants did. Every write carries keys derived from the
// workflow (task id, update id, status and deadline version), so a retried activity finds its row already there.
import { ApplicationFailure } from '@temporalio/activity';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ErrorType, type Attendee, type Deadline, type Decision, type ParticipantInput, type TaskKind, type TaskStatus } from '../workflows/contracts';
import { canonicalJson, sha256Hex, type AuditSigner } from '../db/ledger';
import { appendAuditEvent } from './audit';
import type { ActivityDeps } from './deps';

/** The SHA-256 of an Update's argument as canonical JSON: the ledger's link to the accepted Update in history. */
export const requestSha256 = (request: unknown): string | null => (request === undefined || request === null ? null : sha256Hex(canonicalJson(request)));

export interface TaskRef {
  cycleId: string;
  partyCode: string;
  taskId: string;
}

export interface OnBehalf {
  by: string;
  reason: string;
}

export interface ResponseRecord extends TaskRef {
  participantEmail: string;
  body: string;
  noComments: boolean;
  late: boolean;
  updateId: string;
  receivedAt: string;
  onBehalf: OnBehalf | null;
  /** The Update's argument as received (absent when recorded on behalf, by signal). */
  request?: unknown;
}

export interface SignOffRecord extends TaskRef {
  participantEmail: string;
  decision: Decision;
  decisionReference: string | null;
  reason: string | null;
  documentSha256: string;
  late: boolean;
  updateId: string;
  signedAt: string;
  onBehalf: OnBehalf | null;
  request?: unknown;
}

export interface AttendeesRecord extends TaskRef {
  participantEmail: string;
  attendees: Attendee[];
  updateId: string;
  recordedAt: string;
  request?: unknown;
}

export interface ParticipantReplacement {
  cycleId: string;
  partyCode: string;
  oldEmail: string;
  participant: ParticipantInput;
  reason: string;
  by: string;
  at: string;
}

async function participantId(trx: Transaction<Database>, ref: TaskRef, email: string): Promise<string> {
  const row = await trx
    .selectFrom('participants')
    .select('id')
    .where('cycle_id', '=', ref.cycleId)
    .where('party_code', '=', ref.partyCode)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!row) throw ApplicationFailure.nonRetryable(`${email} is not a participant of party ${ref.partyCode}`, ErrorType.notParticipant);
  return row.id;
}

async function statusChange(trx: Transaction<Database>, ref: TaskRef, status: TaskStatus, at: string, actor: string, eventKey: string, auditSigner: AuditSigner | null) {
  await trx
    .insertInto('task_status_changes')
    .values({ task_id: ref.taskId, status, at, actor, event_key: eventKey })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
  await appendAuditEvent(trx, {
    cycleId: ref.cycleId,
    eventKey,
    at,
    actor,
    action: `task.${status}`,
    payload: { taskId: ref.taskId, partyCode: ref.partyCode, status },
  }, auditSigner);
}

export function taskRecordActivities({ db, auditSigner }: ActivityDeps) {
  return {
    async openTask(ref: TaskRef, task: { kind: TaskKind; phaseKey: string; deadline: Deadline; documentVersion: number | null; openedAt: string }) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('tasks')
          .values({
            id: ref.taskId,
            cycle_id: ref.cycleId,
            party_code: ref.partyCode,
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
        await statusChange(trx, ref, 'open', task.openedAt, 'system', `task:${ref.taskId}:open`, auditSigner);
      });
    },

    /** `seq` tells apart the changes of one task (a task can turn answered, then overdue never, then closed). */
    async setTaskStatus(ref: TaskRef, status: TaskStatus, at: string, actor: string, seq: number) {
      await db.transaction().execute(async (trx) => {
        const closed = status === 'no_response' || status === 'cancelled';
        await trx
          .updateTable('tasks')
          .set({ status, ...(closed ? { closed_at: at } : {}) })
          .where('id', '=', ref.taskId)
          .execute();
        await statusChange(trx, ref, status, at, actor, `task:${ref.taskId}:${seq}:${status}`, auditSigner);
      });
    },

    async closeTask(ref: TaskRef, at: string) {
      await db.updateTable('tasks').set({ closed_at: at }).where('id', '=', ref.taskId).where('closed_at', 'is', null).execute();
    },

    async setTaskDeadline(ref: TaskRef, deadline: Deadline, at: string, by: string) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('tasks')
          .set({ deadline: deadline.at, nominal_deadline: deadline.nominal, deadline_version: deadline.version })
          .where('id', '=', ref.taskId)
          .execute();
        await appendAuditEvent(trx, {
          cycleId: ref.cycleId,
          eventKey: `task:${ref.taskId}:deadline:${deadline.version}`,
          at,
          actor: by,
          action: 'task.deadline_extended',
          payload: { taskId: ref.taskId, partyCode: ref.partyCode, deadline: deadline.nominal, version: deadline.version },
        }, auditSigner);
      });
    },

    async recordResponse(record: ResponseRecord) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('responses')
          .values({
            task_id: record.taskId,
            participant_id: await participantId(trx, record, record.participantEmail),
            kind: record.noComments ? 'no_comments' : 'answer',
            body: record.body,
            late: record.late,
            update_id: record.updateId,
            received_at: record.receivedAt,
            on_behalf_by: record.onBehalf?.by ?? null,
            on_behalf_reason: record.onBehalf?.reason ?? null,
          })
          .onConflict((oc) => oc.column('update_id').doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `response:${record.updateId}`,
          at: record.receivedAt,
          actor: record.onBehalf?.by ?? record.participantEmail,
          action: record.noComments ? 'task.no_comments' : 'task.answer',
          payload: { taskId: record.taskId, partyCode: record.partyCode, participant: record.participantEmail, late: record.late, onBehalf: record.onBehalf, updateId: record.updateId, requestSha256: requestSha256(record.request) },
        }, auditSigner);
      });
    },

    async recordSignOff(record: SignOffRecord) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('signoffs')
          .values({
            task_id: record.taskId,
            participant_id: await participantId(trx, record, record.participantEmail),
            decision: record.decision,
            decision_reference: record.decisionReference,
            reason: record.reason,
            document_sha256: record.documentSha256,
            update_id: record.updateId,
            signed_at: record.signedAt,
            on_behalf_by: record.onBehalf?.by ?? null,
            on_behalf_reason: record.onBehalf?.reason ?? null,
          })
          .onConflict((oc) => oc.column('update_id').doNothing())
          .execute();
        await trx.updateTable('parties').set({ position: record.decision }).where('cycle_id', '=', record.cycleId).where('code', '=', record.partyCode).execute();
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `signoff:${record.updateId}`,
          at: record.signedAt,
          actor: record.onBehalf?.by ?? record.participantEmail,
          action: `signoff.${record.decision}`,
          payload: {
            taskId: record.taskId,
            partyCode: record.partyCode,
            signatory: record.participantEmail,
            decisionReference: record.decisionReference,
            reason: record.reason,
            documentSha256: record.documentSha256,
            late: record.late,
            onBehalf: record.onBehalf,
            updateId: record.updateId,
            requestSha256: requestSha256(record.request),
          },
        }, auditSigner);
      });
    },

    async recordAttendees(record: AttendeesRecord) {
      await db.transaction().execute(async (trx) => {
        if (record.attendees.length) {
          await trx
            .insertInto('meeting_attendees')
            .values(
              record.attendees.map((a, position) => ({
                cycle_id: record.cycleId,
                party_code: record.partyCode,
                ...a,
                source: 'registration',
                update_id: record.updateId,
                position,
                recorded_at: record.recordedAt,
              })),
            )
            .onConflict((oc) => oc.columns(['update_id', 'position']).doNothing())
            .execute();
        }
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `attendees:${record.updateId}`,
          at: record.recordedAt,
          actor: record.participantEmail,
          action: 'meeting.registration',
          payload: { taskId: record.taskId, partyCode: record.partyCode, attendees: record.attendees, updateId: record.updateId, requestSha256: requestSha256(record.request) },
        }, auditSigner);
      });
    },

    async replaceParticipant(change: ParticipantReplacement) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('participants')
          .set({ active: false, replaced_at: change.at, replaced_by: change.participant.email, replace_reason: change.reason })
          .where('cycle_id', '=', change.cycleId)
          .where('party_code', '=', change.partyCode)
          .where('email', '=', change.oldEmail)
          .execute();
        await trx
          .insertInto('participants')
          .values({ cycle_id: change.cycleId, party_code: change.partyCode, ...change.participant, added_at: change.at })
          .onConflict((oc) => oc.columns(['cycle_id', 'party_code', 'email']).doUpdateSet({ active: true, role: change.participant.role, name: change.participant.name }))
          .execute();
        await appendAuditEvent(trx, {
          cycleId: change.cycleId,
          eventKey: `participant-replaced:${change.partyCode}:${change.oldEmail}:${change.participant.email}`,
          at: change.at,
          actor: change.by,
          action: 'participant.replaced',
          payload: { partyCode: change.partyCode, oldEmail: change.oldEmail, newEmail: change.participant.email, role: change.participant.role, reason: change.reason },
        }, auditSigner);
      });
    },
  };
}

// Activities that write a party's tasks and what its participants answered. Each write carries keys derived
// from the workflow (task id, update id), so a retried activity finds its row already there.
import { ApplicationFailure } from '@temporalio/activity';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ErrorType, type Decision, type TaskKind, type TaskStatus } from '../workflows/contracts';
import { appendAuditEvent } from './audit';
import type { ActivityDeps } from './deps';

export interface TaskRef {
  cycleId: string;
  partyCode: string;
  taskId: string;
}

export interface ResponseRecord extends TaskRef {
  participantEmail: string;
  body: string;
  late: boolean;
  updateId: string;
  receivedAt: string;
}

export interface SignOffRecord extends TaskRef {
  participantEmail: string;
  decision: Decision;
  decisionReference: string | null;
  reason: string | null;
  updateId: string;
  signedAt: string;
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

export function taskRecordActivities({ db }: ActivityDeps) {
  return {
    async openTask(ref: TaskRef, kind: TaskKind, deadline: string, openedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('tasks')
          .values({ id: ref.taskId, cycle_id: ref.cycleId, party_code: ref.partyCode, kind, status: 'open', deadline, opened_at: openedAt })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: ref.cycleId,
          eventKey: `task-opened:${ref.taskId}`,
          at: openedAt,
          actor: 'system',
          action: 'task.opened',
          payload: { taskId: ref.taskId, partyCode: ref.partyCode, kind, deadline },
        });
      });
    },

    async closeTask(ref: TaskRef, status: Exclude<TaskStatus, 'open'>, closedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('tasks').set({ status, closed_at: closedAt }).where('id', '=', ref.taskId).where('status', '=', 'open').execute();
        await appendAuditEvent(trx, {
          cycleId: ref.cycleId,
          eventKey: `task-closed:${ref.taskId}`,
          at: closedAt,
          actor: 'system',
          action: 'task.closed',
          payload: { taskId: ref.taskId, partyCode: ref.partyCode, status },
        });
      });
    },

    async recordResponse(record: ResponseRecord): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('responses')
          .values({
            task_id: record.taskId,
            participant_id: await participantId(trx, record, record.participantEmail),
            body: record.body,
            late: record.late,
            update_id: record.updateId,
            received_at: record.receivedAt,
          })
          .onConflict((oc) => oc.column('update_id').doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `response:${record.updateId}`,
          at: record.receivedAt,
          actor: record.participantEmail,
          action: 'task.answered',
          payload: { taskId: record.taskId, partyCode: record.partyCode, late: record.late, updateId: record.updateId },
        });
      });
    },

    async recordSignOff(record: SignOffRecord): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('signoffs')
          .values({
            task_id: record.taskId,
            participant_id: await participantId(trx, record, record.participantEmail),
            decision: record.decision,
            decision_reference: record.decisionReference,
            reason: record.reason,
            update_id: record.updateId,
            signed_at: record.signedAt,
          })
          .onConflict((oc) => oc.column('update_id').doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `signoff:${record.updateId}`,
          at: record.signedAt,
          actor: record.participantEmail,
          action: `signoff.${record.decision}`,
          payload: {
            taskId: record.taskId,
            partyCode: record.partyCode,
            decisionReference: record.decisionReference,
            reason: record.reason,
            updateId: record.updateId,
          },
        });
      });
    },
  };
}

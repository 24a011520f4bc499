// Activities that write a party's tasks and what its participants did, each with its ledger event in one
// transaction. The rows' keys come from the workflow, so a retried activity finds its row already there.
import { ApplicationFailure } from '@temporalio/activity';
import type { Transaction } from 'kysely';
import { setPartyPosition, insertAttendees } from '../db/cycle-records';
import { canonicalJson, sha256Hex, type AuditSigner } from '../db/ledger';
import type { Database } from '../db/schema';
import * as tasks from '../db/task-records';
import {
  ErrorType,
  taskId,
  type AttendeesRecord,
  type Deadline,
  type OnBehalf,
  type ParticipantReplacement,
  type ResponseRecord,
  type SignOffRecord,
  type StatusChange,
  type TasksOpening,
  type TaskKind,
  type TaskRef,
  type TaskStatus,
} from '../core/contracts';
import { appendAuditEvent, requestSha256 } from './audit';
import { PARTICIPANT_REQUESTS, parseRequest } from '../core/requests';
import type { ActivityDeps } from './deps';

async function participantId(trx: Transaction<Database>, ref: TaskRef, email: string): Promise<string> {
  const id = await tasks.participantId(trx, ref.cycleId, ref.partyCode, email);
  if (!id)
    throw ApplicationFailure.nonRetryable(
      `${email} is not a participant of party ${ref.partyCode}`,
      ErrorType.notParticipant,
    );
  return id;
}

const onBehalfColumns = (onBehalf: OnBehalf | null) => ({
  on_behalf_by: onBehalf?.by ?? null,
  on_behalf_reason: onBehalf?.reason ?? null,
});

/** A task's plan as the ledger keeps it: the deadline as set, when it falls due (holidays skipped), and the
 * reminders before it. A verifier compares every timer in the party's history with these times. */
const plannedTimes = (deadline: Deadline) => ({
  deadline: deadline.nominal,
  deadlineAt: deadline.at,
  reminders: deadline.reminders.map((r) => r.at),
});

async function statusChange(
  trx: Transaction<Database>,
  ref: TaskRef,
  status: TaskStatus,
  at: string,
  actor: string,
  eventKey: string,
  auditSigner: AuditSigner | null,
  /** Facts the line carries beside the status: an opening task's planned deadline. */
  facts: Record<string, unknown> = {},
) {
  await tasks.insertStatusChange(trx, { taskId: ref.taskId, status, at, actor, eventKey });
  await appendAuditEvent(
    trx,
    {
      cycleId: ref.cycleId,
      eventKey,
      at,
      actor,
      action: `task.${status}`,
      payload: { taskId: ref.taskId, partyCode: ref.partyCode, status, ...facts },
    },
    auditSigner,
  );
}

/** A task opened: its row, and its ledger line with the plan it opens with. */
async function insertOpenTask(
  trx: Transaction<Database>,
  ref: TaskRef,
  task: { kind: TaskKind; phaseKey: string; deadline: Deadline; documentVersion: number | null; openedAt: string },
  auditSigner: AuditSigner | null,
) {
  await tasks.insertTask(trx, { id: ref.taskId, cycleId: ref.cycleId, partyCode: ref.partyCode, ...task });
  const key = `task:${ref.taskId}:open`;
  await statusChange(trx, ref, 'open', task.openedAt, 'system', key, auditSigner, plannedTimes(task.deadline));
}

/** The status an act gives its task, after the act in the ledger as it was when written apart. */
async function statusWithAct(
  trx: Transaction<Database>,
  ref: TaskRef,
  change: StatusChange | undefined,
  auditSigner: AuditSigner | null,
) {
  if (!change) return;
  await tasks.setTaskStatus(trx, ref.taskId, change.status, change.at);
  const key = `task:${ref.taskId}:${change.seq}:${change.status}`;
  await statusChange(trx, ref, change.status, change.at, change.actor, key, auditSigner);
}

/** An answer's text, areas, follow-up and files as the workflow kept them: read from the Update's request, parsed
 * as its validator parsed it, when the record carries the request rather than copies of them. */
function withContent(record: ResponseRecord): ResponseRecord & { body: string } {
  if (record.body !== undefined || !record.request) return { ...record, body: record.body ?? '' };
  const answer = parseRequest(PARTICIPANT_REQUESTS.submitAnswer.schema, record.request);
  return {
    ...record,
    body: answer.text ?? '',
    ...(answer.areas?.length ? { areas: answer.areas } : {}),
    ...(answer.followUp?.length ? { followUp: answer.followUp } : {}),
    ...(answer.attachments?.length ? { attachments: answer.attachments } : {}),
  };
}

export function taskRecordActivities({ db, auditSigner }: ActivityDeps) {
  return {
    async openTask(
      ref: TaskRef,
      task: { kind: TaskKind; phaseKey: string; deadline: Deadline; documentVersion: number | null; openedAt: string },
    ) {
      await db.transaction().execute((trx) => insertOpenTask(trx, ref, task, auditSigner));
    },

    /** A phase's task for every party, each with its ledger line, as the cycle opens the phase. */
    async openTasks({ cycleId, partyCodes, ...task }: TasksOpening) {
      await db.transaction().execute(async (trx) => {
        for (const partyCode of partyCodes) {
          const ref = { cycleId, partyCode, taskId: taskId(cycleId, partyCode, task.phaseKey) };
          await insertOpenTask(trx, ref, task, auditSigner);
        }
      });
    },

    /** `seq` tells apart the changes of one task (a task can turn answered, then overdue never, then closed). */
    async setTaskStatus(ref: TaskRef, status: TaskStatus, at: string, actor: string, seq: number) {
      await db.transaction().execute(async (trx) => {
        await tasks.setTaskStatus(trx, ref.taskId, status, at);
        await statusChange(trx, ref, status, at, actor, `task:${ref.taskId}:${seq}:${status}`, auditSigner);
      });
    },

    async closeTask(ref: TaskRef, at: string) {
      await db.transaction().execute((trx) => tasks.closeTask(trx, ref.taskId, at));
    },

    async setTaskDeadline(ref: TaskRef, deadline: Deadline, at: string, by: string) {
      await db.transaction().execute(async (trx) => {
        await tasks.setTaskDeadline(trx, ref.taskId, deadline);
        await appendAuditEvent(
          trx,
          {
            cycleId: ref.cycleId,
            eventKey: `task:${ref.taskId}:deadline:${deadline.version}`,
            at,
            actor: by,
            action: 'task.deadline_extended',
            payload: {
              taskId: ref.taskId,
              partyCode: ref.partyCode,
              version: deadline.version,
              ...plannedTimes(deadline),
            },
          },
          auditSigner,
        );
      });
    },

    async recordResponse(input: ResponseRecord) {
      const record = withContent(input);
      await db.transaction().execute(async (trx) => {
        await tasks.insertResponse(trx, {
          taskId: record.taskId,
          participantId: await participantId(trx, record, record.participantEmail),
          noComments: record.noComments,
          body: record.body,
          late: record.late,
          updateId: record.updateId,
          receivedAt: record.receivedAt,
          areas: record.areas ?? [],
          followUp: record.followUp ?? [],
          attachments: record.attachments ?? [],
          ...onBehalfColumns(record.onBehalf),
        });
        await appendAuditEvent(
          trx,
          {
            cycleId: record.cycleId,
            eventKey: `response:${record.taskId}:${record.updateId}`,
            at: record.receivedAt,
            actor: record.onBehalf?.by ?? record.participantEmail,
            action: record.noComments ? 'task.no_comments' : 'task.answer',
            payload: {
              taskId: record.taskId,
              partyCode: record.partyCode,
              participant: record.participantEmail,
              textSha256: sha256Hex(record.body),
              ...(record.areas?.length ? { areasSha256: sha256Hex(canonicalJson(record.areas)) } : {}),
              ...(record.followUp?.length ? { followUpSha256: sha256Hex(canonicalJson(record.followUp)) } : {}),
              ...(record.attachments?.length ? { attachments: record.attachments } : {}),
              late: record.late,
              onBehalf: record.onBehalf,
              updateId: record.updateId,
              requestSha256: requestSha256(record.request),
            },
          },
          auditSigner,
        );
        await statusWithAct(trx, record, record.status, auditSigner);
      });
    },

    async recordSignOff(record: SignOffRecord) {
      await db.transaction().execute(async (trx) => {
        await tasks.insertSignOff(trx, {
          taskId: record.taskId,
          participantId: await participantId(trx, record, record.participantEmail),
          decision: record.decision,
          decisionReference: record.decisionReference,
          reason: record.reason,
          documentSha256: record.documentSha256,
          updateId: record.updateId,
          signedAt: record.signedAt,
          ...onBehalfColumns(record.onBehalf),
        });
        await setPartyPosition(trx, record.cycleId, record.partyCode, record.decision);
        await appendAuditEvent(
          trx,
          {
            cycleId: record.cycleId,
            eventKey: `signoff:${record.taskId}:${record.updateId}`,
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
          },
          auditSigner,
        );
        await statusWithAct(trx, record, record.status, auditSigner);
      });
    },

    async recordAttendees(record: AttendeesRecord) {
      await db.transaction().execute(async (trx) => {
        const attendees = record.attendees.map((a) => ({ ...a, partyCode: record.partyCode }));
        await insertAttendees(trx, {
          cycleId: record.cycleId,
          attendees,
          source: 'registration',
          updateId: record.updateId,
          at: record.recordedAt,
        });
        await appendAuditEvent(
          trx,
          {
            cycleId: record.cycleId,
            eventKey: `attendees:${record.taskId}:${record.updateId}`,
            at: record.recordedAt,
            actor: record.participantEmail,
            action: 'meeting.registration',
            payload: {
              taskId: record.taskId,
              partyCode: record.partyCode,
              attendees: record.attendees,
              updateId: record.updateId,
              requestSha256: requestSha256(record.request),
            },
          },
          auditSigner,
        );
        await statusWithAct(trx, record, record.status, auditSigner);
      });
    },

    async replaceParticipant(change: ParticipantReplacement) {
      await db.transaction().execute(async (trx) => {
        await tasks.replaceParticipant(trx, change);
        await appendAuditEvent(
          trx,
          {
            cycleId: change.cycleId,
            eventKey: `participant-replaced:${change.partyCode}:${change.oldEmail}:${change.participant.email}`,
            at: change.at,
            actor: change.by,
            action: 'party.participant_replaced',
            payload: {
              partyCode: change.partyCode,
              oldEmail: change.oldEmail,
              newEmail: change.participant.email,
              role: change.participant.role,
              reason: change.reason,
            },
          },
          auditSigner,
        );
      });
    },
  };
}

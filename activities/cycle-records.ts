// Activities that write the cycle itself: its parties and participants, phases, documents, the meeting and its
// minutes, the secretariat's controls and the outcome.
import { createHash } from 'node:crypto';
import type { CycleInput, CyclePhase, DocumentRef, MeetingInfo, MinutesItem, Outcome, Position } from '../workflows/contracts';
import { partyWorkflowId } from '../workflows/contracts';
import type { Attendee } from '../workflows/contracts';
import { appendAuditEvent, callingWorkflow } from './audit';
import { requestSha256 } from './task-records';
import type { ActivityDeps } from './deps';

export interface ControlRecord {
  cycleId: string;
  /** e.g. `round.closed`, `deadline.extended`; the audit action. */
  action: string;
  by: string;
  at: string;
  updateId: string;
  payload: Record<string, unknown>;
  /** The control's Update argument: its SHA-256 goes into the ledger. */
  request?: unknown;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function cycleRecordActivities({ db, auditSigner }: ActivityDeps) {
  return {
    async recordCycleStarted(input: CycleInput, startedAt: string): Promise<void> {
      const workflowExecution = callingWorkflow();
      await db.transaction().execute(async (trx) => {
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
            workflow_id: workflowExecution.workflowId,
            run_id: workflowExecution.runId,
            started_at: startedAt,
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
              workflow_id: partyWorkflowId(input.cycleId, p.code),
            })),
          )
          .onConflict((oc) => oc.columns(['cycle_id', 'code']).doNothing())
          .execute();
        await trx
          .insertInto('participants')
          .values(
            input.parties.flatMap((p) =>
              p.participants.map((person) => ({ cycle_id: input.cycleId, party_code: p.code, ...person, added_at: startedAt })),
            ),
          )
          .onConflict((oc) => oc.columns(['cycle_id', 'party_code', 'email']).doNothing())
          .execute();
        await appendAuditEvent(trx, {
          cycleId: input.cycleId,
          eventKey: 'cycle-started',
          at: startedAt,
          actor: input.secretariat.email,
          action: 'cycle.started',
          payload: { kind: input.kind, countyCode: input.countyCode, period: input.period, parties: input.parties.map((p) => p.code), schedule: input.schedule },
        }, auditSigner);
      });
    },

    async setPhase(cycleId: string, phase: CyclePhase, at: string, seq: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('cycles').set({ phase }).where('id', '=', cycleId).execute();
        await appendAuditEvent(trx, { cycleId, eventKey: `phase:${seq}:${phase}`, at, actor: 'system', action: 'cycle.phase', payload: { phase } }, auditSigner);
      });
    },

    async storeDocument(doc: { cycleId: string; version: number; title: string; content: string; by: string; at: string }): Promise<DocumentRef> {
      const ref = { version: doc.version, title: doc.title, sha256: sha256(doc.content) };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('documents')
          .values({ cycle_id: doc.cycleId, version: doc.version, title: doc.title, content: doc.content, sha256: ref.sha256, published_at: doc.at, published_by: doc.by })
          .onConflict((oc) => oc.columns(['cycle_id', 'version']).doNothing())
          .execute();
        await appendAuditEvent(trx, { cycleId: doc.cycleId, eventKey: `document:${doc.version}`, at: doc.at, actor: doc.by, action: 'document.published', payload: ref }, auditSigner);
      });
      return ref;
    },

    async markFinal(cycleId: string, document: DocumentRef, by: string, at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ is_final: true }).where('cycle_id', '=', cycleId).where('version', '=', document.version).execute();
        await appendAuditEvent(trx, { cycleId, eventKey: `final:${document.version}`, at, actor: by, action: 'document.final', payload: { ...document } }, auditSigner);
      });
    },

    async recordMeeting(cycleId: string, meeting: MeetingInfo, by: string, at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('meetings')
          .values({ cycle_id: cycleId, version: meeting.version, starts_at: meeting.startsAt, location: meeting.location, link: meeting.link, scheduled_at: at, scheduled_by: by })
          .onConflict((oc) => oc.columns(['cycle_id', 'version']).doNothing())
          .execute();
        await appendAuditEvent(trx, { cycleId, eventKey: `meeting:${meeting.version}`, at, actor: by, action: 'meeting.scheduled', payload: { ...meeting } }, auditSigner);
      });
    },

    async recordMinutes(record: {
      cycleId: string;
      meetingVersion: number;
      attendees: (Attendee & { partyCode: string })[];
      items: MinutesItem[];
      by: string;
      at: string;
      updateId: string;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('minutes')
          .values({ cycle_id: record.cycleId, meeting_version: record.meetingVersion, items: JSON.stringify(record.items), recorded_at: record.at, recorded_by: record.by })
          .onConflict((oc) => oc.column('cycle_id').doNothing())
          .execute();
        if (record.attendees.length) {
          await trx
            .insertInto('meeting_attendees')
            .values(
              record.attendees.map(({ partyCode, ...a }, position) => ({
                cycle_id: record.cycleId,
                party_code: partyCode,
                ...a,
                source: 'minutes',
                update_id: record.updateId,
                position,
                recorded_at: record.at,
              })),
            )
            .onConflict((oc) => oc.columns(['update_id', 'position']).doNothing())
            .execute();
        }
        await appendAuditEvent(trx, {
          cycleId: record.cycleId,
          eventKey: `minutes:${record.updateId}`,
          at: record.at,
          actor: record.by,
          action: 'meeting.minutes',
          payload: { meetingVersion: record.meetingVersion, attendees: record.attendees, items: record.items },
        }, auditSigner);
      });
    },

    async recordControl(control: ControlRecord): Promise<void> {
      await appendAuditEvent(db, {
        cycleId: control.cycleId,
        eventKey: `control:${control.updateId}:${control.action}`,
        at: control.at,
        actor: control.by,
        action: control.action,
        payload: { ...control.payload, updateId: control.updateId, requestSha256: requestSha256(control.request) },
      }, auditSigner);
    },

    async recordOutcome(cycleId: string, outcome: Outcome, positions: { partyCode: string; position: Position }[], completedAt: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('cycles').set({ status: 'completed', phase: 'completed', outcome, completed_at: completedAt }).where('id', '=', cycleId).execute();
        for (const { partyCode, position } of positions) {
          await trx.updateTable('parties').set({ position }).where('cycle_id', '=', cycleId).where('code', '=', partyCode).execute();
        }
        await appendAuditEvent(trx, { cycleId, eventKey: 'cycle-completed', at: completedAt, actor: 'system', action: 'cycle.completed', payload: { outcome, positions } }, auditSigner);
      });
    },

    async recordCancelled(cycleId: string, reason: string, by: string, at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('cycles').set({ status: 'cancelled', phase: 'cancelled', cancel_reason: reason, completed_at: at }).where('id', '=', cycleId).execute();
        await appendAuditEvent(trx, { cycleId, eventKey: 'cycle-cancelled', at, actor: by, action: 'cycle.cancelled', payload: { reason } }, auditSigner);
      });
    },
  };
}

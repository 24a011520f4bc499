// Activities that write the cycle itself: its parties and participants, phases, documents, the meeting and its
// minutes, the secretariat's controls and the outcome. Each writes its rows and its ledger event in one transaction.
import { createHash } from 'node:crypto';
import {
  cancelCycle,
  filingOf,
  completeCycle,
  insertAttendees,
  insertCycle,
  insertDocument,
  insertMeeting,
  insertMinutes,
  markDocumentFinal,
  setCyclePhase,
} from '../db/cycle-records';
import {
  ErrorType,
  partyWorkflowId,
  type Attendee,
  type ControlRecord,
  type CycleInput,
  type CyclePhase,
  type DocumentRef,
  type FileRef,
  type MeetingInfo,
  type MinutesItem,
  type Outcome,
  type Position,
} from '../core/contracts';
import { ApplicationFailure } from '@temporalio/activity';
import { fileContent } from '../db/files';
import { formatOf, textOf } from '../core/domain/file-types';
import { appendAuditEvent, callingWorkflow, requestSha256 } from './audit';
import type { ActivityDeps } from './deps';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function cycleRecordActivities({ db, auditSigner }: ActivityDeps) {
  return {
    async recordCycleStarted(input: CycleInput, startedAt: string): Promise<void> {
      const run = callingWorkflow();
      await db.transaction().execute(async (trx) => {
        await insertCycle(trx, input, run, startedAt, (code) => partyWorkflowId(input.cycleId, code));
        const payload = {
          ...(input.supplementaryReason ? { supplementaryReason: input.supplementaryReason } : {}),
          kind: input.kind,
          countyCode: input.countyCode,
          period: input.period,
          parties: input.parties.map((p) => p.code),
          schedule: input.schedule,
          // How the case is filed, signed from the start: an export's records.json is checked against it.
          records: filingOf(input),
        };
        await appendAuditEvent(
          trx,
          {
            cycleId: input.cycleId,
            eventKey: 'cycle-started',
            at: startedAt,
            actor: input.secretariat.email,
            action: 'cycle.started',
            payload,
          },
          auditSigner,
        );
      });
    },

    async setPhase(cycleId: string, phase: CyclePhase, at: string, seq: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await setCyclePhase(trx, cycleId, phase);
        await appendAuditEvent(
          trx,
          {
            cycleId,
            eventKey: `phase:${seq}:${phase}`,
            at,
            actor: 'system',
            action: 'cycle.phase',
            payload: { phase },
          },
          auditSigner,
        );
      });
    },

    /** A published version: from its stored file (checked against its SHA-256, its text taken for readers), or,
     * in histories from before drafts were stored first, the text the Update carried. */
    async storeDocument(doc: {
      cycleId: string;
      version: number;
      title: string;
      file?: FileRef;
      content?: string;
      by: string;
      at: string;
      /** The control that published it (absent in histories recorded before it was passed). */
      updateId?: string;
    }): Promise<DocumentRef> {
      const { file } = doc;
      let content = doc.content ?? '';
      if (file) {
        const bytes = await fileContent(db, file.sha256);
        if (!bytes) throw ApplicationFailure.nonRetryable(`no stored file ${file.sha256}`, ErrorType.invalidRequest);
        content = await textOf(file.name, bytes, formatOf(file.mediaType)!);
      }
      const ref: DocumentRef = {
        version: doc.version,
        title: doc.title,
        sha256: file?.sha256 ?? sha256(content),
        ...(file ? { mediaType: file.mediaType } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await insertDocument(trx, {
          cycleId: doc.cycleId,
          version: doc.version,
          title: doc.title,
          content,
          sha256: ref.sha256,
          at: doc.at,
          by: doc.by,
          file,
        });
        await appendAuditEvent(
          trx,
          {
            cycleId: doc.cycleId,
            eventKey: `document:${doc.version}`,
            at: doc.at,
            actor: doc.by,
            action: 'document.published',
            payload: {
              ...ref,
              ...(file ? { fileName: file.name, bytes: file.bytes } : {}),
              ...(doc.updateId ? { updateId: doc.updateId } : {}),
            },
          },
          auditSigner,
        );
      });
      return ref;
    },

    async markFinal(cycleId: string, document: DocumentRef, by: string, at: string, updateId?: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await markDocumentFinal(trx, cycleId, document.version);
        await appendAuditEvent(
          trx,
          {
            cycleId,
            eventKey: `final:${document.version}`,
            at,
            actor: by,
            action: 'document.final',
            payload: { ...document, ...(updateId ? { updateId } : {}) },
          },
          auditSigner,
        );
      });
    },

    async recordMeeting(
      cycleId: string,
      meeting: MeetingInfo,
      by: string,
      at: string,
      updateId?: string,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await insertMeeting(trx, cycleId, meeting, by, at);
        await appendAuditEvent(
          trx,
          {
            cycleId,
            eventKey: `meeting:${meeting.version}`,
            at,
            actor: by,
            action: 'meeting.scheduled',
            payload: { ...meeting, ...(updateId ? { updateId } : {}) },
          },
          auditSigner,
        );
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
        await insertMinutes(trx, record);
        await insertAttendees(trx, {
          cycleId: record.cycleId,
          attendees: record.attendees,
          source: 'minutes',
          updateId: record.updateId,
          at: record.at,
        });
        await appendAuditEvent(
          trx,
          {
            cycleId: record.cycleId,
            eventKey: `minutes:${record.updateId}`,
            at: record.at,
            actor: record.by,
            action: 'meeting.minutes',
            payload: {
              meetingVersion: record.meetingVersion,
              attendees: record.attendees,
              items: record.items,
              updateId: record.updateId,
            },
          },
          auditSigner,
        );
      });
    },

    async recordControl(control: ControlRecord): Promise<void> {
      await appendAuditEvent(
        db,
        {
          cycleId: control.cycleId,
          eventKey: `control:${control.updateId}:${control.action}`,
          at: control.at,
          actor: control.by,
          action: control.action,
          payload: { ...control.payload, updateId: control.updateId, requestSha256: requestSha256(control.request) },
        },
        auditSigner,
      );
    },

    async recordOutcome(
      cycleId: string,
      outcome: Outcome,
      positions: { partyCode: string; position: Position }[],
      completedAt: string,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await completeCycle(trx, cycleId, outcome, positions, completedAt);
        await appendAuditEvent(
          trx,
          {
            cycleId,
            eventKey: 'cycle-completed',
            at: completedAt,
            actor: 'system',
            action: 'cycle.completed',
            payload: { outcome, positions },
          },
          auditSigner,
        );
      });
    },

    async recordCancelled(cycleId: string, reason: string, by: string, at: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await cancelCycle(trx, cycleId, reason, at);
        await appendAuditEvent(
          trx,
          { cycleId, eventKey: 'cycle-cancelled', at, actor: by, action: 'cycle.cancelled', payload: { reason } },
          auditSigner,
        );
      });
    },
  };
}

// The agreement a completed cycle issues: the final version with its certificate of completion, stored as a file,
// named in the ledger, and mailed to every party and the secretariat with the completion message.
import { ApplicationFailure } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import { fileContent, storeFile } from '../db/files';
import { fingerprintOf } from '../db/ledger';
import type { Database } from '../db/schema';
import { ErrorType, type FileRef } from '../core/contracts';
import { appendAuditEvent } from './audit';
import type { ActivityDeps } from './deps';
import { agreementPdf, type AgreementInput } from '../core/domain/agreement-pdf';

export const AGREEMENT_ACTION = 'agreement.issued';

/** What the certificate says: read from the record, as the ledger stood when the cycle completed. */
async function certificateFacts(db: Kysely<Database>, cycleId: string, at: string): Promise<AgreementInput> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['title', 'diary_number'])
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const final = await db
    .selectFrom('documents')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('is_final', '=', true)
    .executeTakeFirst();
  if (!final) throw ApplicationFailure.nonRetryable(`cycle ${cycleId} has no final version`, ErrorType.invalidRequest);
  const original = final.file_sha256 ? await fileContent(db, final.file_sha256) : null;
  const signOffs = await db
    .selectFrom('signoffs')
    .innerJoin('tasks', 'tasks.id', 'signoffs.task_id')
    .innerJoin('participants', 'participants.id', 'signoffs.participant_id')
    .select([
      'tasks.party_code as partyCode',
      'participants.name',
      'participants.email',
      'signoffs.decision',
      'signoffs.decision_reference as decisionReference',
      'signoffs.reason',
      'signoffs.signed_at as signedAt',
      'signoffs.on_behalf_by as onBehalfBy',
    ])
    .where('tasks.cycle_id', '=', cycleId)
    .where('signoffs.document_sha256', '=', final.sha256)
    .orderBy('signoffs.signed_at')
    .execute();
  const parties = await db
    .selectFrom('parties')
    .select(['code', 'name'])
    .where('cycle_id', '=', cycleId)
    .orderBy('code')
    .execute();
  const completed = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('cycle_id', '=', cycleId)
    .where('action', '=', 'cycle.completed')
    .executeTakeFirstOrThrow();
  const checkpoint = await db
    .selectFrom('audit_checkpoints')
    .select(['signed_at', 'key_id', 'signature', 'public_key'])
    .where('cycle_id', '=', cycleId)
    .where('seq', '=', completed.seq)
    .executeTakeFirst();
  return {
    cycleId,
    title: cycle.title,
    diaryNumber: cycle.diary_number,
    issuedAt: at,
    document: {
      version: final.version,
      title: final.title,
      sha256: final.sha256,
      text: final.content,
      pdf: final.media_type === 'application/pdf' ? original : null,
    },
    // A party's last decision on the final version is its decision.
    parties: parties.map((p) => {
      const s = signOffs.filter((o) => o.partyCode === p.code).at(-1);
      return {
        code: p.code,
        name: p.name,
        signatory: s ? `${s.name} <${s.email}>` : null,
        decision: s?.decision ?? 'no_response',
        decisionReference: s?.decisionReference ?? null,
        reason: s?.reason ?? null,
        at: s ? s.signedAt.toISOString() : null,
        onBehalfBy: s?.onBehalfBy ?? null,
      };
    }),
    ledger: {
      seq: completed.seq,
      hash: completed.hash,
      checkpoint: checkpoint
        ? { signedAt: checkpoint.signed_at.toISOString(), keyId: checkpoint.key_id, signature: checkpoint.signature }
        : null,
    },
    keyFingerprint: checkpoint ? fingerprintOf(checkpoint.public_key) : null,
  };
}

export function agreementActivities({ db, auditSigner }: ActivityDeps) {
  return {
    /** Issues the agreement once: a retry returns the one issued. */
    async issueAgreement(cycleId: string, at: string): Promise<FileRef> {
      const name = `sopimus-${cycleId}.pdf`;
      const issued = await db
        .selectFrom('agreements')
        .innerJoin('files', 'files.sha256', 'agreements.file_sha256')
        .select(['files.sha256', 'files.size'])
        .where('agreements.cycle_id', '=', cycleId)
        .executeTakeFirst();
      if (issued) return { sha256: issued.sha256, name, mediaType: 'application/pdf', bytes: issued.size };
      const facts = await certificateFacts(db, cycleId, at);
      const file = await storeFile(db, { name, mediaType: 'application/pdf', bytes: await agreementPdf(facts) });
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('agreements')
          .values({
            cycle_id: cycleId,
            file_sha256: file.sha256,
            document_version: facts.document.version,
            ledger_seq: facts.ledger.seq,
            ledger_hash: facts.ledger.hash,
            issued_at: at,
          })
          .onConflict((oc) => oc.column('cycle_id').doNothing())
          .execute();
        await appendAuditEvent(
          trx,
          {
            cycleId,
            eventKey: AGREEMENT_ACTION,
            at,
            actor: 'system',
            action: AGREEMENT_ACTION,
            payload: {
              sha256: file.sha256,
              bytes: file.bytes,
              documentVersion: facts.document.version,
              documentSha256: facts.document.sha256,
              ledgerSeq: facts.ledger.seq,
              ledgerHash: facts.ledger.hash,
            },
          },
          auditSigner,
        );
      });
      return file;
    },
  };
}

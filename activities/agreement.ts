// The agreement a completed cycle issues: the final version with its certificate of completion, stored as a file,
// named in the ledger, and mailed to every party and the secretariat with the completion message.
import { ApplicationFailure } from '@temporalio/activity';
import { certificateFacts, issuedAgreement, recordAgreement } from '../db/agreements';
import { storeFile } from '../db/files';
import { ErrorType, type FileRef } from '../core/contracts';
import { appendAuditEvent } from './audit';
import type { ActivityDeps } from './deps';
import { agreementPdf } from './agreement-pdf/agreement-pdf';

export const AGREEMENT_ACTION = 'agreement.issued';

export function agreementActivities({ db, auditSigner }: ActivityDeps) {
  return {
    /** Issues the agreement once: a retry returns the one issued. */
    async issueAgreement(cycleId: string, at: string): Promise<FileRef> {
      const name = `sopimus-${cycleId}.pdf`;
      const issued = await issuedAgreement(db, cycleId, name);
      if (issued) return issued;
      const facts = await certificateFacts(db, cycleId, at);
      if (!facts)
        throw ApplicationFailure.nonRetryable(`cycle ${cycleId} has no final version`, ErrorType.invalidRequest);
      const file = await storeFile(db, { name, mediaType: 'application/pdf', bytes: await agreementPdf(facts) });
      await db.transaction().execute(async (trx) => {
        await recordAgreement(trx, {
          cycleId,
          fileSha256: file.sha256,
          documentVersion: facts.document.version,
          ledgerSeq: facts.ledger.seq,
          ledgerHash: facts.ledger.hash,
          at,
        });
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

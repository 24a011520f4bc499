// The agreement a completed cycle issues: the facts its certificate states, read from the record, and the row that
// names the issued file.
import type { Kysely, Transaction } from 'kysely';
import { LANGUAGES, type AgreementInput, type FileRef, type Language } from '../core/contracts';
import { cycleTitleIn, documentLanguages, partyNameIn } from '../core/domain/local-names';
import { fileContent } from './files';
import { fingerprintOf } from './ledger';
import { referenceOn } from './reference-store';
import type { Database } from './schema';

/** What the certificate says: read from the record, as the ledger stood when the cycle completed; null while the
 * cycle has no final version. */
export async function certificateFacts(
  db: Kysely<Database>,
  cycleId: string,
  at: string,
): Promise<AgreementInput | null> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['title', 'diary_number', 'kind', 'county_code as countyCode', 'period', 'outcome', 'started_at'])
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const final = await db
    .selectFrom('documents')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('is_final', '=', true)
    .executeTakeFirst();
  if (!final) return null;
  // The outcome is recorded before the agreement is issued (workflows/cycle/cycle-runner.ts, complete()).
  if (!cycle.outcome) throw new Error(`cycle ${cycleId} has no outcome recorded yet`);
  const outcome = cycle.outcome;
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
    .select(['code', 'name', 'language'])
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
    .select(['signed_at', 'key_id', 'signature', 'public_key', 'tree_root'])
    .where('cycle_id', '=', cycleId)
    .where('seq', '=', completed.seq)
    .executeTakeFirst();
  // Names as the reference data gave them when the cycle started.
  const reference = await referenceOn(db, cycle.started_at.toISOString().slice(0, 10));
  const inEvery = (name: (language: Language) => string) =>
    Object.fromEntries(LANGUAGES.map((l) => [l, name(l)])) as Record<Language, string>;
  return {
    cycleId,
    languages: documentLanguages(reference, parties),
    title: inEvery((l) => cycleTitleIn(reference, cycle, l)),
    diaryNumber: cycle.diary_number,
    issuedAt: at,
    outcome,
    document: {
      version: final.version,
      title: final.title,
      sha256: final.sha256,
      text: final.content,
      original: original && final.media_type ? { mediaType: final.media_type, bytes: original } : null,
    },
    // A party's last decision on the final version is its decision.
    parties: parties.map((p) => {
      const s = signOffs.filter((o) => o.partyCode === p.code).at(-1);
      return {
        code: p.code,
        name: inEvery((l) => partyNameIn(reference, p.code, p.name, l)),
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
        ? {
            signedAt: checkpoint.signed_at.toISOString(),
            keyId: checkpoint.key_id,
            signature: checkpoint.signature,
            rootHash: checkpoint.tree_root,
          }
        : null,
    },
    keyFingerprint: checkpoint ? fingerprintOf(checkpoint.public_key) : null,
  };
}

/** The agreement issued for a cycle, if one was. */
export async function issuedAgreement(db: Kysely<Database>, cycleId: string, name: string): Promise<FileRef | null> {
  const issued = await db
    .selectFrom('agreements')
    .innerJoin('files', 'files.sha256', 'agreements.file_sha256')
    .select(['files.sha256', 'files.size'])
    .where('agreements.cycle_id', '=', cycleId)
    .executeTakeFirst();
  return issued ? { sha256: issued.sha256, name, mediaType: 'application/pdf', bytes: issued.size } : null;
}

/** Names the issued file for the cycle; the first one issued stays. */
export async function recordAgreement(
  trx: Transaction<Database>,
  row: {
    cycleId: string;
    fileSha256: string;
    documentVersion: number;
    ledgerSeq: number;
    ledgerHash: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('agreements')
    .values({
      cycle_id: row.cycleId,
      file_sha256: row.fileSha256,
      document_version: row.documentVersion,
      ledger_seq: row.ledgerSeq,
      ledger_hash: row.ledgerHash,
      issued_at: row.at,
    })
    .onConflict((oc) => oc.column('cycle_id').doNothing())
    .execute();
}

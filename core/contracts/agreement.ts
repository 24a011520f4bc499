// What the agreement's certificate of completion states: read from the record when a cycle completes (db/), written
// out as the agreement PDF (activities/agreement-pdf/).
import type { Decision, Language, Outcome } from './vocabulary';

export interface AgreementInput {
  cycleId: string;
  /** The languages the certificate is written in, the main one first (Finnish and Swedish for a bilingual cycle). */
  languages: Language[];
  title: Record<Language, string>;
  diaryNumber: string | null;
  issuedAt: string;
  outcome: Outcome;
  document: {
    version: number;
    title: string;
    sha256: string;
    /** The text Sopu extracted from the final version, for formats kept only as text. */
    text: string;
    /** The final version's own file (Word, Markdown, PDF…) when it was published as one. */
    original: { mediaType: string; bytes: Uint8Array } | null;
  };
  parties: {
    code: string;
    name: Record<Language, string>;
    signatory: string | null;
    decision: Decision | 'no_response';
    decisionReference: string | null;
    reason: string | null;
    at: string | null;
    onBehalfBy: string | null;
  }[];
  ledger: {
    seq: number;
    hash: string;
    checkpoint: { signedAt: string; keyId: string; signature: string; rootHash?: string | null } | null;
  };
  keyFingerprint: string | null;
}

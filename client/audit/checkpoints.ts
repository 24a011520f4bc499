// Which checkpoints a verifier can rely on. Trust starts from keys given from outside the export (a county's
// published fingerprint); a key rotation passes it on: the `key.rotated` line names the new key and is signed by the
// outgoing one, so a verifier that trusts the old key learns the new one from the ledger itself, and no one else can.
import {
  checkpointMessage,
  fingerprintOf,
  keyIdOf,
  KEY_ROTATION_ACTION,
  verifyCheckpoint,
  type LedgerEvent,
} from '../../db/ledger';
import type { TrustedKeys } from './trusted-keys';

export interface Checkpoint {
  cycleId: string;
  seq: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The problems with the checkpoints, and the sequence numbers a trusted key validly signed. */
export function checkCheckpoints(
  chain: { event: LedgerEvent; hash: string }[],
  checkpoints: Checkpoint[],
  exportedKeys: string[],
  trusted: TrustedKeys,
): { problems: string[]; signedSeqs: Set<number>; trustGiven: boolean } {
  const problems: string[] = [];
  const trustGiven = trusted.keys.length > 0 || trusted.fingerprints.length > 0;
  if (!trustGiven)
    problems.push(
      "no trusted key: give the county's public key (--key FILE) or its fingerprint (--fingerprint SHA256:…); a key found in the export proves nothing",
    );
  const trustedById = new Map(trusted.keys.map((pem) => [keyIdOf(pem), pem]));
  for (const pem of exportedKeys)
    if (trusted.fingerprints.includes(fingerprintOf(pem))) trustedById.set(keyIdOf(pem), pem);
  const signedSeqs = new Set<number>();
  // In chain order, so that a rotation's new key is trusted from its hand-over on.
  for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
    const at = `checkpoints.json seq ${c.seq}`;
    const key = trustedById.get(c.keyId);
    const signed = key !== undefined && verifyCheckpoint(key, checkpointMessage(c), c.signature);
    if (!key && trustGiven) problems.push(`${at}: signed with key ${c.keyId}, which is not a trusted key`);
    else if (key && !signed) problems.push(`${at}: signature does not verify`);
    const line = chain[c.seq - 1];
    const inChain = line?.hash === c.headHash;
    if (!inChain) problems.push(`${at}: head hash is not the ledger's hash at seq ${c.seq}`);
    if (!signed || !inChain) continue;
    signedSeqs.add(c.seq);
    const rotation =
      line.event.action === KEY_ROTATION_ACTION
        ? (line.event.payload as { fromKeyId: string; publicKey: string })
        : null;
    if (rotation && rotation.fromKeyId === c.keyId) trustedById.set(keyIdOf(rotation.publicKey), rotation.publicKey);
  }
  return { problems, signedSeqs, trustGiven };
}

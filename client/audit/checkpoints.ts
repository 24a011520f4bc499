// Which checkpoints a verifier can rely on. Trust starts from keys given from outside the export (a county's
// published fingerprint); a key rotation passes it on: the `key.rotated` line names the new key and is signed by the
// outgoing one, so a verifier that trusts the old key learns the new one from the ledger itself, and no one else can.
import { checkpointMessage, fingerprintOf, keyIdOf, KEY_ROTATION_ACTION, verifyCheckpoint } from '../../db/ledger';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot } from '../../db/merkle';
import type { TrustedKeys } from './trusted-keys';
import { lineAt, type ChainLine } from './ledger-lines';

export interface Checkpoint {
  cycleId: string;
  seq: number;
  headHash: string;
  /** The Merkle root of lines 1..seq: in every checkpoint signed since tree heads (format v2). */
  rootHash?: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** "seq 4, 9, 12" — at most eight named, then how many more: one problem per cause, however many lines it hits. */
const seqList = (seqs: number[]) =>
  seqs.length > 8 ? `seq ${seqs.slice(0, 8).join(', ')} and ${seqs.length - 8} more` : `seq ${seqs.join(', ')}`;

/** The problems with the checkpoints (one per cause, naming every checkpoint it hits), the sequence numbers a trusted
 * key validly signed, and the keys trusted in the end (by key id, rotations included). */
export function checkCheckpoints(
  chain: ChainLine[],
  checkpoints: Checkpoint[],
  exportedKeys: string[],
  trusted: TrustedKeys,
): { problems: string[]; signedSeqs: Set<number>; trustGiven: boolean; trustedKeys: Map<string, string> } {
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
  const untrusted = new Map<string, number[]>();
  const bad = { signature: [] as number[], head: [] as number[], root: [] as number[] };
  // The tree grows along with the checkpoints, lines taken by their numbers: a line repeated or out of place is named
  // once by the chain's check, not again here for every head after it.
  let tree = EMPTY_FRONTIER;
  // In chain order, so that a rotation's new key is trusted from its hand-over on.
  for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
    const key = trustedById.get(c.keyId);
    const signed = key !== undefined && verifyCheckpoint(key, checkpointMessage(c), c.signature);
    if (!key && trustGiven) untrusted.set(c.keyId, [...(untrusted.get(c.keyId) ?? []), c.seq]);
    else if (key && !signed) bad.signature.push(c.seq);
    const line = lineAt(chain, c.seq);
    const inChain = line?.hash === c.headHash;
    if (!inChain) bad.head.push(c.seq);
    while (tree.size < c.seq) tree = extendFrontier(tree, lineAt(chain, tree.size + 1)?.leaf ?? '');
    const rooted = !c.rootHash || c.rootHash === frontierRoot(tree);
    if (inChain && !rooted) bad.root.push(c.seq);
    if (!signed || !inChain || !rooted) continue;
    signedSeqs.add(c.seq);
    const rotation =
      line.event.action === KEY_ROTATION_ACTION
        ? (line.event.payload as { fromKeyId: string; publicKey: string })
        : null;
    if (rotation && rotation.fromKeyId === c.keyId) trustedById.set(keyIdOf(rotation.publicKey), rotation.publicKey);
  }
  for (const [keyId, seqs] of untrusted)
    problems.push(`checkpoints.json ${seqList(seqs)}: signed with key ${keyId}, which is not a trusted key`);
  if (bad.signature.length) problems.push(`checkpoints.json ${seqList(bad.signature)}: signature does not verify`);
  if (bad.head.length)
    problems.push(`checkpoints.json ${seqList(bad.head)}: head hash is not the ledger's hash at that seq`);
  if (bad.root.length)
    problems.push(
      `checkpoints.json ${seqList(bad.root)}: tree root is not the Merkle root of the ledger's lines up to it`,
    );
  return { problems, signedSeqs, trustGiven, trustedKeys: trustedById };
}

// The exported ledger read line by line: each line's chain checked, a broken line named once (with everything wrong
// with it) and the check carried on from it, so a line dropped or repeated is one problem, not one per later line.
import { canonicalJson, chainHash, GENESIS_HASH, type LedgerEvent } from '../../db/ledger';
import { leafHash } from '../../db/merkle';

export interface ChainLine {
  event: LedgerEvent;
  hash: string;
  /** The line's Merkle leaf hash (db/merkle.ts). */
  leaf: string;
}

export function readLedger(text: string, cycleId: string): { chain: ChainLine[]; problems: string[] } {
  const problems: string[] = [];
  const chain: ChainLine[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const seen = new Set<number>();
  const sources = new Map<string, number[]>();
  text
    .split('\n')
    .filter(Boolean)
    .forEach((raw, i) => {
      let line: { event: LedgerEvent; prevHash: string; hash: string };
      try {
        line = JSON.parse(raw) as typeof line;
        if (typeof line.event?.seq !== 'number') throw new Error('no event with a seq');
      } catch (err) {
        problems.push(`ledger.jsonl line ${i + 1}: not a ledger line (${(err as Error).message.split('\n')[0]})`);
        return;
      }
      const { event, prevHash, hash } = line;
      const wrong: string[] = [];
      if (event.seq !== expectedSeq)
        wrong.push(
          event.seq >= expectedSeq
            ? `expected seq ${expectedSeq}`
            : seen.has(event.seq)
              ? `repeats seq ${event.seq}`
              : `seq ${event.seq} out of order (expected ${expectedSeq})`,
        );
      seen.add(event.seq);
      if (event.cycleId !== cycleId) wrong.push(`belongs to cycle ${event.cycleId}`);
      if (prevHash !== prev) wrong.push('previous hash does not match the line before');
      const canonical = canonicalJson(event);
      if (chainHash(prevHash, canonical) !== hash) wrong.push('hash does not match its content');
      if (wrong.length)
        problems.push(`ledger.jsonl line ${i + 1} (seq ${event.seq}, ${event.action}): ${wrong.join('; ')}`);
      prev = hash;
      expectedSeq = Math.max(expectedSeq, event.seq + 1);
      chain.push({ event, hash, leaf: leafHash(canonical) });
      if (event.sourceId) sources.set(event.sourceId, [...(sources.get(event.sourceId) ?? []), event.seq]);
    });
  // One state change, one line: a source recorded twice is a line repeated (or forged beside the real one).
  for (const [source, seqs] of sources)
    if (seqs.length > 1)
      problems.push(`ledger.jsonl: source ${source} is recorded ${seqs.length} times (seq ${seqs.join(', ')})`);
  return { chain, problems };
}

/** The line with this seq (the first, if a seq is repeated). */
export const lineAt = (chain: ChainLine[], seq: number): ChainLine | undefined =>
  chain[seq - 1]?.event.seq === seq ? chain[seq - 1] : chain.find((c) => c.event.seq === seq);

// The ledger's Merkle tree against RFC 9162: every inclusion and consistency proof of trees up to 33 leaves
// verifies, and any changed leaf, root, size or proof element fails.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FRONTIER,
  extendFrontier,
  frontierRoot,
  consistencyProof,
  inclusionProof,
  leafHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../db/merkle';

const leaves = Array.from({ length: 33 }, (_, i) => leafHash(JSON.stringify({ seq: i + 1 })));
const flip = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);

describe('the ledgers Merkle tree', () => {
  it('hashes as RFC 9162 does: the empty tree, one leaf, and 0x01 over two', () => {
    expect(treeRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // RFC 9162's leaf hash of the empty entry: SHA-256(0x00).
    expect(leafHash('')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(treeRoot([leaves[0]!])).toBe(leaves[0]);
  });

  it('takes the same root from the frontier a writer keeps, leaf by leaf, as from all the leaves', () => {
    let frontier = EMPTY_FRONTIER;
    expect(frontierRoot(frontier)).toBe(treeRoot([]));
    for (let size = 1; size <= leaves.length; size++) {
      frontier = extendFrontier(frontier, leaves[size - 1]!);
      expect(frontier.roots).toHaveLength(size.toString(2).replace(/0/g, '').length);
      expect(frontierRoot(frontier)).toBe(treeRoot(leaves.slice(0, size)));
    }
  });

  it('proves every leaf of every tree, and nothing else', () => {
    for (let size = 1; size <= leaves.length; size++) {
      const tree = leaves.slice(0, size);
      const root = treeRoot(tree);
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(i, tree);
        expect(verifyInclusion(i, size, tree[i]!, proof, root)).toBe(true);
        expect(verifyInclusion(i, size, flip(tree[i]!), proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion((i + 1) % size, size, tree[i]!, proof, root)).toBe(false);
        if (proof.length)
          expect(verifyInclusion(i, size, tree[i]!, [flip(proof[0]!), ...proof.slice(1)], root)).toBe(false);
      }
    }
  });

  it('proves every earlier tree a prefix of every later one, and a changed earlier leaf is not', () => {
    for (let second = 1; second <= leaves.length; second++) {
      const tree = leaves.slice(0, second);
      const secondRoot = treeRoot(tree);
      for (let first = 1; first <= second; first++) {
        const firstRoot = treeRoot(leaves.slice(0, first));
        const proof = consistencyProof(first, tree);
        expect(verifyConsistency(first, second, firstRoot, secondRoot, proof)).toBe(true);
        const rewritten = [...tree];
        rewritten[first - 1] = flip(rewritten[first - 1]!);
        const rewrittenProof = consistencyProof(first, rewritten);
        expect(verifyConsistency(first, second, firstRoot, treeRoot(rewritten), rewrittenProof)).toBe(false);
        if (first < second) expect(verifyConsistency(first, second, flip(firstRoot), secondRoot, proof)).toBe(false);
      }
    }
  });
});

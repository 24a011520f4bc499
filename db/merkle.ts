// The ledger as a Merkle tree, as Certificate Transparency keeps its log (RFC 9162, section 2.1): each line's canonical
// event is a leaf; a signed tree head pins the first N lines; an inclusion proof shows that one line is among them,
// and a consistency proof that a later tree extends an earlier one. A party that kept a head can so prove that the
// ledger shown later is the one it was shown then, whoever holds the signing key. Hashes are 64 lowercase hex digits.
import { createHash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);
const hex = (b: Buffer) => b.toString('hex');
const bytes = (h: string): Buffer => Buffer.from(h, 'hex');

/** A line's leaf hash: SHA-256 of 0x00 followed by the UTF-8 of the line's canonical event. */
export const leafHash = (canonicalEvent: string): string => hex(sha256(LEAF, Buffer.from(canonicalEvent, 'utf8')));

const node = (left: Buffer, right: Buffer): Buffer => sha256(NODE, left, right);

/** The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function rootOf(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return node(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** The Merkle tree hash of the leaves (the leaf hashes of the ledger's first N lines). */
export const treeRoot = (leafHashes: string[]): string => hex(rootOf(leafHashes.map(bytes)));

/** The right edge of a tree: the roots of its perfect subtrees, largest first (one per 1-bit of `size`). It is all a
 * writer needs to extend the tree by a leaf and to take its root, without reading the leaves again. */
export interface Frontier {
  size: number;
  roots: string[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, roots: [] };

/** The frontier with one more leaf: the new leaf merges with the subtrees it completes, as a binary counter carries. */
export function extendFrontier(frontier: Frontier, leaf: string): Frontier {
  const roots = [...frontier.roots];
  let merged = bytes(leaf);
  for (let size = frontier.size; size & 1; size >>= 1) merged = node(bytes(roots.pop()!), merged);
  return { size: frontier.size + 1, roots: [...roots, hex(merged)] };
}

/** The tree root from its frontier: the subtrees folded from the right, as RFC 9162 splits a tree. */
export function frontierRoot(frontier: Frontier): string {
  if (!frontier.roots.length) return treeRoot([]);
  return hex(frontier.roots.map(bytes).reduceRight((right, left) => node(left, right)));
}

/** The audit path of leaf `index` in the tree of these leaves (RFC 9162 PATH), nearest sibling first. */
export function inclusionProof(index: number, leafHashes: string[]): string[] {
  const path = (m: number, leaves: Buffer[]): Buffer[] => {
    if (leaves.length <= 1) return [];
    const k = split(leaves.length);
    return m < k
      ? [...path(m, leaves.slice(0, k)), rootOf(leaves.slice(k))]
      : [...path(m - k, leaves.slice(k)), rootOf(leaves.slice(0, k))];
  };
  return path(index, leafHashes.map(bytes)).map(hex);
}

/** Proof that the tree of the first `size` leaves is a prefix of the tree of all of them (RFC 9162 PROOF). */
export function consistencyProof(size: number, leafHashes: string[]): string[] {
  const subproof = (m: number, leaves: Buffer[], whole: boolean): Buffer[] => {
    if (m === leaves.length) return whole ? [] : [rootOf(leaves)];
    const k = split(leaves.length);
    return m <= k
      ? [...subproof(m, leaves.slice(0, k), whole), rootOf(leaves.slice(k))]
      : [...subproof(m - k, leaves.slice(k), false), rootOf(leaves.slice(0, k))];
  };
  if (size <= 0 || size >= leafHashes.length) return [];
  return subproof(size, leafHashes.map(bytes), true).map(hex);
}

const lsb = (n: number) => (n & 1) === 1;

/** The walk both RFC 9162 verifications share, from node `fn` of last node `sn`: each hash of the path is a left
 * sibling (it goes before the running hash) or a right one. Returns the last `sn` (0 when the path fitted the tree),
 * or -1 when the path is longer than the tree allows. */
function walk(fn: number, sn: number, path: Buffer[], step: (sibling: Buffer, left: boolean) => void): number {
  for (const sibling of path) {
    if (sn === 0) return -1;
    const left = lsb(fn) || fn === sn;
    step(sibling, left);
    if (left && !lsb(fn))
      while (!lsb(fn) && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    fn >>= 1;
    sn >>= 1;
  }
  return sn;
}

/** RFC 9162 2.1.3.2: does the path prove leaf `index` (of hash `leaf`) in the tree of `size` with this root? */
export function verifyInclusion(index: number, size: number, leaf: string, path: string[], root: string): boolean {
  if (index >= size || index < 0) return false;
  let r = bytes(leaf);
  const sn = walk(index, size - 1, path.map(bytes), (sibling, left) => {
    r = left ? node(sibling, r) : node(r, sibling);
  });
  return sn === 0 && hex(r) === root;
}

/** RFC 9162 2.1.4.2: does the proof show the tree of `first` leaves (root `firstRoot`) is a prefix of the tree of
 * `second` leaves (root `secondRoot`)? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: string,
  secondRoot: string,
  proof: string[],
): boolean {
  if (first < 1 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  if (proof.length === 0) return false;
  const path = ((first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof).map(bytes);
  let fn = first - 1;
  let sn = second - 1;
  while (lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = fr;
  const last = walk(fn, sn, path.slice(1), (sibling, left) => {
    if (left) fr = node(sibling, fr);
    sr = left ? node(sibling, sr) : node(sr, sibling);
  });
  return last === 0 && hex(fr) === firstRoot && hex(sr) === secondRoot;
}

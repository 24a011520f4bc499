// V8 heap snapshots of a running service process (started with SOPU_HEAP_SNAPSHOT_DIR, test/faults/fault-rig.ts),
// and what each holds by kind of object: the bench takes them of the worker at its peak, every workflow cached.
// Snapshots of a large heap pass V8's longest string, so the file is read as bytes and its arrays scanned, not
// parsed as one JSON value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../worker/dev/processes';

/** Signals the process (test/bench/heap-on-signal.mjs) and waits until its snapshots are written: the main thread's
 * first, then each worker thread's. */
export async function snapshotHeap(pid: number, dir: string): Promise<string[]> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGWINCH');
  let done = '';
  await waitFor(
    async () => {
      done = readdirSync(dir).find((f) => f.startsWith(`heap-${pid}-`) && f.endsWith('.done') && !before.has(f)) ?? '';
      if (!done) throw new Error('still writing');
    },
    { timeoutMs: 600_000, intervalMs: 1_000, what: `heap snapshot of ${pid}` },
  );
  return readFileSync(path.join(dir, done), 'utf8').trim().split('\n');
}

export interface HeapGroup {
  /** A node type and, for objects, the constructor (e.g. `object Object`, `closure`, `string`). */
  kind: string;
  count: number;
  selfBytes: number;
}

/** The integers of a JSON array of integers starting at `from` (just after its `[`). */
function intsFrom(bytes: Buffer, from: number): number[] {
  const out: number[] = [];
  let value = 0;
  let inNumber = false;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
    } else {
      if (inNumber) out.push(value);
      value = 0;
      inNumber = false;
      if (c === 93) return out; // ]
    }
  }
  throw new Error('unterminated array in the heap snapshot');
}

/** Self size by kind of node, largest first; `total` is the heap the snapshot saw. */
export function summariseHeap(file: string, top = 25): { totalBytes: number; nodes: number; groups: HeapGroup[] } {
  const bytes = readFileSync(file);
  const metaEnd = bytes.indexOf('"nodes":[');
  const meta = JSON.parse(bytes.subarray(0, metaEnd).toString('utf8').replace(/,\s*$/, '') + '}') as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  };
  const fields = meta.snapshot.meta.node_fields;
  const types = meta.snapshot.meta.node_types[0];
  const nodes = intsFrom(bytes, metaEnd + '"nodes":['.length);
  const stringsAt = bytes.lastIndexOf('"strings":[');
  const strings = JSON.parse(
    bytes.subarray(stringsAt + '"strings":'.length, bytes.lastIndexOf(']') + 1).toString('utf8'),
  ) as string[];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!]!;
    const name = strings[nodes[i + nameAt]!] ?? '';
    // Objects by constructor and closures by function name; strings, code and arrays by type.
    const kind = ['object', 'native', 'closure'].includes(type) ? `${type} ${name.slice(0, 60)}` : type;
    const size = nodes[i + sizeAt]!;
    totalBytes += size;
    const group = groups.get(kind) ?? { kind, count: 0, selfBytes: 0 };
    group.count++;
    group.selfBytes += size;
    groups.set(kind, group);
  }
  return {
    totalBytes,
    nodes: nodes.length / fields.length,
    groups: [...groups.values()].sort((a, b) => b.selfBytes - a.selfBytes).slice(0, top),
  };
}

// `npx tsx test/bench/heap-snapshot.ts FILE [TOP]` prints the summary of a snapshot taken earlier.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const summary = summariseHeap(process.argv[2]!, Number(process.argv[3] ?? 25));
  console.log(`${(summary.totalBytes / 2 ** 20).toFixed(1)} MB in ${summary.nodes} nodes`);
  for (const g of summary.groups)
    console.log(`${(g.selfBytes / 2 ** 20).toFixed(1).padStart(8)} MB ${String(g.count).padStart(9)}  ${g.kind}`);
}

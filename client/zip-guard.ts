// A ZIP container (DOCX, ODT, XLSX) is inflated before anything reads it: a small file can unpack to gigabytes (a
// "zip bomb"). Here every entry is inflated as a stream in a worker thread, counting bytes and stopping the moment
// the total passes the cap: the web server's event loop and memory stay free while a hostile file is refused. One
// worker serves the process and checks files in turn, so many at once cost one thread's memory, not one each.
import { Worker } from 'node:worker_threads';

/** What a legitimate document of the largest accepted size unpacks to, with room: its text and its pictures. */
export const MAX_UNPACKED_BYTES = 128 * 1_048_576;

// Plain JavaScript, run as the worker's source: it needs nothing but fflate, resolved from the package.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Unzip, UnzipInflate } = require(workerData.fflate);
parentPort.on('message', ({ id, bytes, cap }) => {
  let total = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err || over) return;
      total += chunk.length;
      if (total > cap) { over = true; file.terminate(); }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const data = new Uint8Array(bytes);
  try {
    // Fed in small slices, so a bomb stops near the cap instead of after inflating the whole archive.
    for (let at = 0; at < data.length && !over; at += 1024)
      unzip.push(data.subarray(at, Math.min(at + 1024, data.length)), at + 1024 >= data.length);
  } catch (err) {
    // Not a readable ZIP: the format check says so with the reason.
  }
  parentPort.postMessage({ id, over, total });
});
`;

type Pending = Map<number, (result: { over: boolean; total: number }) => void>;
let guard: { worker: Worker; pending: Pending } | null = null;
let nextId = 0;

function guardWorker(): { worker: Worker; pending: Pending } {
  if (guard) return guard;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { fflate: require.resolve('fflate') },
    // A small young generation: the inflated chunks, counted and dropped, are collected at once.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  const pending: Pending = new Map();
  worker.on('message', (m: { id: number; over: boolean; total: number }) => {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
    if (!pending.size) worker.unref();
  });
  // A worker that dies takes its checks with it: each is answered as over the cap (refused), and the next check
  // starts a new worker.
  worker.on('error', () => {
    for (const answer of pending.values()) answer({ over: true, total: 0 });
    guard = null;
  });
  // Idle, it waits for work without keeping the process alive; a check under way does.
  worker.unref();
  guard = { worker, pending };
  return guard;
}

/** The bytes a ZIP container unpacks to, up to `cap`: `within` false when it would unpack to more. */
export function unpackedWithin(bytes: Buffer, cap = MAX_UNPACKED_BYTES): Promise<{ within: boolean; bytes: number }> {
  const { worker, pending } = guardWorker();
  const id = nextId++;
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Promise((resolve) => {
    pending.set(id, (m) => resolve({ within: !m.over, bytes: m.total }));
    worker.ref();
    worker.postMessage({ id, bytes: copy, cap }, [copy]);
  });
}

/** A ZIP container's signature: the only files that can unpack. */
export const isZip = (bytes: Buffer): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

// A ZIP container (DOCX, ODT, XLSX) is inflated before anything reads it: a small file can unpack to gigabytes (a
// "zip bomb"). Here every entry is inflated as a stream in a worker thread, counting bytes and stopping the moment
// the total passes the cap: the web server's event loop and memory stay free while a hostile file is refused.
import { Worker } from 'node:worker_threads';

/** What a legitimate document of the largest accepted size unpacks to, with room: its text and its pictures. */
export const MAX_UNPACKED_BYTES = 128 * 1_048_576;

// Plain JavaScript, run as the worker's source: it needs nothing but fflate, resolved from the package.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Unzip, UnzipInflate } = require(workerData.fflate);
let total = 0;
let over = false;
const unzip = new Unzip((file) => {
  file.ondata = (err, chunk) => {
    if (err || over) return;
    total += chunk.length;
    if (total > workerData.cap) { over = true; file.terminate(); }
  };
  file.start();
});
unzip.register(UnzipInflate);
const bytes = new Uint8Array(workerData.bytes);
try {
  // Fed in slices, so a bomb stops at the cap instead of after inflating the whole archive.
  for (let at = 0; at < bytes.length && !over; at += 4096)
    unzip.push(bytes.subarray(at, Math.min(at + 4096, bytes.length)), at + 4096 >= bytes.length);
} catch (err) {
  // Not a readable ZIP: the format check says so with the reason.
}
parentPort.postMessage({ over, total });
`;

/** The bytes a ZIP container unpacks to, up to `cap`: `within` false when it would unpack to more. */
export function unpackedWithin(bytes: Buffer, cap = MAX_UNPACKED_BYTES): Promise<{ within: boolean; bytes: number }> {
  return new Promise((resolve, reject) => {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { bytes: copy, cap, fflate: require.resolve('fflate') },
      transferList: [copy as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    worker.once('message', (m: { over: boolean; total: number }) => resolve({ within: !m.over, bytes: m.total }));
    worker.once('error', reject);
  });
}

/** A ZIP container's signature: the only files that can unpack. */
export const isZip = (bytes: Buffer): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

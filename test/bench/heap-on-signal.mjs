// Preloaded into a service process by the fault rig when SOPU_HEAP_SNAPSHOT_DIR is set: on SIGWINCH the process
// writes a V8 heap snapshot of its main thread and of each worker thread it started (the Temporal SDK runs workflows
// in one), then a `.done` file naming them. SIGUSR2 would stop a Temporal worker (a shutdown signal of its runtime)
// and SIGUSR1 starts Node's inspector, hence this one. Plain JavaScript: worker threads inherit the preload and
// load it without tsx.
import { createWriteStream, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeHeapSnapshot } from 'node:v8';

// The SDK reads `Worker` off the module when it starts its threads: a subclass here sees each one.
const workerThreads = createRequire(import.meta.url)('node:worker_threads');
if (workerThreads.isMainThread) {
  const dir = process.env.SOPU_HEAP_SNAPSHOT_DIR;
  const threads = new Set();
  const Original = workerThreads.Worker;
  workerThreads.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      threads.add(this);
      this.once('exit', () => threads.delete(this));
    }
  };

  process.on('SIGWINCH', () => {
    void (async () => {
      const stem = path.join(dir, `heap-${process.pid}-${Date.now()}`);
      const files = [writeHeapSnapshot(`${stem}-main.heapsnapshot`)];
      let i = 0;
      for (const thread of threads) {
        const file = `${stem}-thread${i++}.heapsnapshot`;
        await pipeline(await thread.getHeapSnapshot(), createWriteStream(`${file}.part`));
        renameSync(`${file}.part`, file);
        files.push(file);
      }
      writeFileSync(`${stem}.done`, files.join('\n') + '\n');
    })();
  });
}

// Small helpers for the local services that `npm start` and the test set-up run as child processes.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Retries `attempt` until it resolves, `abort` settles (the process died) or the time runs out. */
export async function waitFor(
  attempt: () => Promise<void>,
  options: { timeoutMs: number; what: string; abort?: Promise<unknown>; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let aborted = false;
  void options.abort?.then(() => (aborted = true));
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`${options.what} exited before it was ready`);
    try {
      await attempt();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
    }
  }
  throw new Error(
    `${options.what} was not ready within ${options.timeoutMs / 1000} s: ${(lastError as Error)?.message}`,
  );
}

/** SIGTERM (or `signal`), then SIGKILL if the process has not exited within the grace period. */
export async function stopChild(
  child: ChildProcess,
  graceMs = 10_000,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A TCP port that was free a moment ago on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

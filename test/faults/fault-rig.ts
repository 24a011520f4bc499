// The services of the fault suite, each its own and each one the suite can take away and give back: an embedded
// PostgreSQL on a fixed port and data directory, a Temporal dev server on its database file, a loopback SMTP server,
// and the worker and web server as real processes started as production starts them (worker/run-worker.ts,
// worker/run-web.ts). Nothing here is the machine's: its PostgreSQL is never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { connectDb } from '../../db/connect';
import type { Database } from '../../db/schema';
import { startDevServer, type RunningDevServer } from '../../worker/dev/dev-server';
import { startEmbeddedPostgres, type RunningPostgres } from '../../worker/dev/embedded-postgres';
import { freePort, stopChild, waitFor } from '../../worker/dev/processes';
import { ensureTemporalBinaries } from '../../worker/dev/temporal-binaries';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../../core/contracts/search-attributes';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const root = path.join(__dirname, '..', '..');

/** A long-running process of Sopu's, with what it printed (to show when something fails). */
export class SopuProcess {
  child: ChildProcess | undefined;
  output = '';
  /** Starts the suite made that no person would: only after a SIGKILL, as systemd's Restart= does. */
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyLine: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    // SOPU_CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it exits (where its time goes).
    const profile = process.env.SOPU_CPU_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SOPU_CPU_PROFILE_DIR}`]
      : [];
    // SOPU_HEAP_SNAPSHOT_DIR: SIGWINCH has the process write V8 heap snapshots there (test/bench/heap-on-signal.mjs).
    const heap = process.env.SOPU_HEAP_SNAPSHOT_DIR ? ['--import', './test/bench/heap-on-signal.mjs'] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...heap, this.entry], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const from = this.output.length;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await waitFor(
      async () => {
        if (!this.output.slice(from).includes(this.readyLine)) throw new Error(this.output.slice(-2000));
      },
      { timeoutMs: 90_000, what: this.name, abort: exited },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.output.slice(from).slice(-2000)}`);
    });
  }

  /** A crash: no shutdown, no drain. */
  kill(): Promise<void> {
    return this.child ? stopChild(this.child, 0, 'SIGKILL') : Promise.resolve();
  }

  stop(): Promise<void> {
    return this.child ? stopChild(this.child) : Promise.resolve();
  }
}

export interface FaultRig {
  client: Client;
  /** As the database owner, for the suite's checks. */
  db: Kysely<Database>;
  taskQueue: string;
  /** The environment the worker and web server run with (addresses of the services). */
  env: Record<string, string>;
  /** The folder everything of the rig lives in (data directories, the Temporal database file). */
  scratch: string;
  webUrl: string;
  /** The worker's /healthz and /readyz. */
  workerHealthUrl: string;
  worker: SopuProcess;
  web: SopuProcess;
  /** Every message the SMTP server took, across its outages. */
  mail: ParsedMail[];
  postgres: { stop(): Promise<void>; start(): Promise<void> };
  smtp: { stop(): Promise<void>; start(): Promise<void> };
  temporal: { kill(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

/** `webEnv`: settings of the web server's own (the bench's deadline day puts it behind a proxy, as in production). */
export async function startFaultRig(options: { webEnv?: Record<string, string> } = {}): Promise<FaultRig> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'sopu-faults-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory in here.
  chmodSync(scratch, 0o755);
  const ports: number[] = [];
  // One after another: each is free when asked, and none is handed out twice.
  for (let i = 0; i < 5; i++) ports.push(await freePort());
  const [pgPort, temporalPort, smtpPort, webPort, healthPort] = ports as [number, number, number, number, number];

  let postgres: RunningPostgres | undefined;
  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), persistent: true, port: pgPort });
  };
  await startPostgres();
  const databaseUrl = new URL(postgres!.serverUrl);
  databaseUrl.pathname = '/sopu_faults';

  const bins = ensureTemporalBinaries();
  let temporal: RunningDevServer | undefined;
  const startTemporal = async () => {
    temporal = await startDevServer({
      cli: bins.cli,
      port: temporalPort,
      uiPort: null,
      dbFile: path.join(scratch, 'temporal.sqlite'),
      searchAttributes: SEARCH_ATTRIBUTE_DEFINITIONS,
    });
  };
  await startTemporal();

  const sinks: SmtpSink[] = [];
  const startSmtp = async () => void sinks.push(await startSmtpSink({ port: smtpPort }));
  await startSmtp();

  const taskQueue = `faults-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    DATABASE_URL: databaseUrl.toString(),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SOPU_TASK_QUEUE: taskQueue,
    SOPU_DATA_DIR: path.join(scratch, 'data'),
    SOPU_LINK_KEYS: `faults:${randomBytes(24).toString('base64url')}`,
    SOPU_AUDIT_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    SOPU_SESSION_SECRET: randomBytes(32).toString('base64url'),
    SOPU_WEB_PORT: String(webPort),
    SOPU_WORKER_HEALTH_PORT: String(healthPort),
    SOPU_PUBLIC_URL: `http://127.0.0.1:${webPort}`,
  };
  const worker = new SopuProcess('worker', 'worker/run-worker.ts', env, 'Sopu worker polling');
  const webServer = new SopuProcess('web server', 'worker/run-web.ts', { ...env, ...options.webEnv }, 'Sopu web on');
  // The worker makes the database and its schema; the web server needs them there.
  await worker.start();
  await webServer.start();

  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection });
  const db = connectDb(databaseUrl.toString(), 2);

  return {
    client,
    db,
    taskQueue,
    env,
    scratch,
    webUrl: `http://127.0.0.1:${webPort}`,
    workerHealthUrl: `http://127.0.0.1:${healthPort}`,
    worker,
    web: webServer,
    get mail() {
      // One list across the SMTP server's lives: what it took before an outage counts too.
      return sinks.flatMap((sink) => sink.messages);
    },
    postgres: { stop: () => postgres!.stop(), start: startPostgres },
    smtp: { stop: () => sinks.at(-1)!.close(), start: startSmtp },
    temporal: { kill: () => temporal!.kill(), start: startTemporal },
    async close() {
      await Promise.allSettled([worker.stop(), webServer.stop()]);
      await connection.close();
      await db.destroy();
      await Promise.allSettled([sinks.at(-1)?.close(), temporal?.stop(), postgres?.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

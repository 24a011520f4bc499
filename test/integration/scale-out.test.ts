// Past one machine: two worker processes on one task queue finish a cycle although one of them is killed, and two
// web servers behind one address accept each other's sessions.
import { seedAccounts } from '../support/accounts';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { control, partyAction, startCycle } from '../../client/cycles';
import { hashPassword } from '../../client/web/accounts';
import { startWeb } from '../../client/web/start-web';
import { connectDb } from '../../db/connect';
import { cycleWorkflowId, taskId, type CycleResult } from '../../core/contracts';
import { publishDraftUpdate, startSignOffUpdate } from '../../workflows/cycle/messages';
import { signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { stopChild, waitFor } from '../../worker/dev/processes';
import { NO_MEETING, allHaveTask, smallAnnualCycle, waitForCycle } from '../support/cycle-driver';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { storedDraft } from '../support/drafts';

const root = path.join(__dirname, '..', '..');
const taskQueue = `scale-out-${Date.now()}`;
let smtp: SmtpSink;
let client: Client;
const workers: ChildProcess[] = [];

/** `npm run worker` as production runs it, on this run's services and a queue of its own. */
function startWorkerProcess(name: string, auditKey: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/run-worker.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      DATABASE_URL: inject('databaseUrl'),
      SMTP_URL: smtp.url,
      SOPU_TASK_QUEUE: taskQueue,
      SOPU_SKIP_MIGRATIONS: '1',
      SOPU_AUDIT_KEY: auditKey,
      SOPU_LINK_KEYS: `scale-out:${'x'.repeat(40)}`,
      SOPU_CLOCK_DAY_SECONDS: '3600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return waitFor(async () => void expect(output).toContain('Sopu worker polling'), {
    timeoutMs: 60_000,
    what: `worker ${name}`,
    abort: exited,
  }).then(() => child);
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
});

/** A short-lived connection, as a secretariat's tool opens one to store a draft. */
async function withDb<T>(run: (db: ReturnType<typeof connectDb>) => Promise<T>): Promise<T> {
  const db = connectDb(inject('databaseUrl'), 1);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

afterAll(async () => {
  await Promise.all(workers.map((w) => stopChild(w)));
  await client?.connection.close();
  await smtp?.close();
});

describe('two workers on one task queue', () => {
  it('finish a cycle after one of them is killed mid-cycle', { timeout: 180_000 }, async () => {
    const auditKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const [first] = await Promise.all([startWorkerProcess('A', auditKey), startWorkerProcess('B', auditKey)]);
    const cycleId = `scale-out-${Date.now()}`;
    const valid = smallAnnualCycle(cycleId);
    const by = valid.input.secretariat.email;
    await startCycle(client, valid, taskQueue);
    await waitForCycle(client, cycleId, allHaveTask('preparation'), 'preparation tasks', 60_000);

    first!.kill('SIGKILL');
    const codes = valid.input.parties.map((p) => p.code);
    const contact = (code: string) => valid.input.parties.find((p) => p.code === code)!.participants[0]!.email;
    const signatory = (code: string) => valid.input.parties.find((p) => p.code === code)!.participants[1]!.email;
    for (const code of codes) {
      await partyAction(client, cycleId, code, submitAnswerUpdate, {
        taskId: taskId(cycleId, code, 'preparation'),
        participantEmail: contact(code),
        text: `Tavoitteet: ${code}`,
      });
    }
    const { document } = await control(client, cycleId, publishDraftUpdate, {
      by,
      confirm: true,
      title: 'Luonnos',
      file: await withDb((db) => storedDraft(db, 'Sopimus')),
    });
    await control(client, cycleId, startSignOffUpdate, { by, confirm: true, noMeetingReason: NO_MEETING });
    await waitForCycle(client, cycleId, allHaveTask('signoff'), 'sign-off tasks', 60_000);
    for (const code of codes) {
      await partyAction(client, cycleId, code, signOffUpdate, {
        taskId: taskId(cycleId, code, 'signoff'),
        participantEmail: signatory(code),
        decision: 'approved',
        decisionReference: `Hallitus § ${code}`,
        documentSha256: document!.sha256,
      });
    }
    const result: CycleResult = await client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
    expect(result.outcome).toBe('agreed_by_all');

    const db = connectDb(inject('databaseUrl'), 1);
    try {
      const answers = await db
        .selectFrom('responses')
        .innerJoin('tasks', 'tasks.id', 'responses.task_id')
        .select('tasks.party_code')
        .where('tasks.cycle_id', '=', cycleId)
        .execute();
      expect(answers.map((a) => a.party_code).sort()).toEqual([...codes].sort());
      const positions = await db
        .selectFrom('parties')
        .select(['code', 'position'])
        .where('cycle_id', '=', cycleId)
        .execute();
      expect(positions.every((p) => p.position === 'approved')).toBe(true);
      // Exactly once per message, whichever worker sent it: no key in the outbox twice, none left unsent.
      const mails = await db
        .selectFrom('emails')
        .select(['idempotency_key', 'status'])
        .where('cycle_id', '=', cycleId)
        .execute();
      expect(new Set(mails.map((m) => m.idempotency_key)).size).toBe(mails.length);
      expect(mails.filter((m) => m.status !== 'sent')).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describe('two web servers behind one address', () => {
  it('accept a session that the other one started', async () => {
    const users = `secretariat@example.fi:secretariat:${hashPassword('correct horse battery')}`;
    const config = {
      linkKeys: [{ id: 'k', secret: 'link-key-of-sufficient-length-0123456789' }],
      web: {
        port: 0,
        sessionSecret: 'shared-session-secret-of-sufficient-length',
        linkGraceDays: 0,
        accessibilityContact: 'saavutettavuus@sopu.test',
        trustProxy: false,
      },
      publicUrl: 'http://sopu.test',
      temporal: { taskQueue } as never,
    };
    const db = connectDb(inject('databaseUrl'), 2);
    await seedAccounts(db, users);
    const [a, b] = [await startWeb(config, client, db), await startWeb(config, client, db)];
    try {
      const login = await fetch(`${a.url}/login`);
      const cookies = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
      const signedIn = await fetch(`${a.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({
          _csrf: csrf,
          email: 'secretariat@example.fi',
          password: 'correct horse battery',
          next: '/cycles',
        }),
      });
      expect(signedIn.status).toBe(303);
      const session = signedIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const onB = await fetch(`${b.url}/cycles`, { redirect: 'manual', headers: { cookie: `${cookies}; ${session}` } });
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain('secretariat@example.fi (sihteeristö)');
      const stranger = await fetch(`${b.url}/cycles`, { redirect: 'manual' });
      expect(stranger.status).toBe(302);
    } finally {
      await a.close();
      await b.close();
      await db.destroy();
    }
  });
});

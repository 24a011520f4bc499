// The audit record of a completed cycle: export → verify round trip, every tamper case caught and named, the
// ledger append-only for everyone, and verification after Temporal has forgotten the workflows.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import type { WorkflowBundle } from '@temporalio/worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { control, partyAction, startCycle } from '../../client/cycles';
import { exportCycle } from '../../client/audit/export';
import { verifyAudit, verifyExport } from '../../client/audit/verify';
import { readWitnesses, type HeldWitness } from '../../client/audit/witnesses';
import type { Checkpoint } from '../../client/audit/checkpoints';
import { leafHash, treeRoot, verifyInclusion } from '../../db/merkle';
import { verifyLive } from '../../client/audit/verify-live';
import {
  auditSigner,
  canonicalJson,
  chainHash,
  checkpointMessage,
  GENESIS_HASH,
  fingerprintOf,
  keyIdOf,
  sha256Hex,
} from '../../db/ledger';
import { cycleWorkflowId, type CycleInput, type FileRef } from '../../core/contracts';
import { publishDraftUpdate, startSignOffUpdate } from '../../workflows/cycle/messages';
import { signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { waitFor } from '../../worker/dev/processes';
import { NO_MEETING, allHaveTask, smallAnnualCycle, waitForCycle } from '../support/cycle-driver';
import { emlOf, recipient, sopuHeader, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, TEST_AUDIT_SIGNER, type TestWorker } from '../support/test-worker';
import { storedAttachment, storedDraft } from '../support/drafts';
import { pdfFile } from '../support/sample-files';
import { pdfPages } from '../support/pdf-read';

let smtp: SmtpSink;
let env: TestWorker;
let bundle: WorkflowBundle;
let input: CycleInput;
let exported: string;
/** Porvoo's welfare report, sent with its answer. */
let report: FileRef;
const cycleId = `audit-${Date.now()}`;
const by = 'hyte@itauusimaa.example.fi';
const person = (code: string, role: 'contact' | 'signatory') =>
  input.parties.find((p) => p.code === code)!.participants.find((p) => p.role === role)!.email;

/** The county's key, as an auditor has it from outside the export. */
const trusted = { keys: [TEST_AUDIT_SIGNER.publicKeyPem], fingerprints: [] };
const verify = (dir: string, options: { workflowBundle?: WorkflowBundle; witnesses?: HeldWitness[] } = {}) =>
  verifyExport(dir, { trusted, ...options });

interface Line {
  event: { seq: number; at: string; action: string; actor: string; payload: Record<string, unknown> };
  prevHash: string;
  hash: string;
}

/** Rewrites the ledger as someone without the key can: lines edited or dropped, every hash recomputed. */
function editLedger(dir: string, edit: (lines: Line[]) => Line[]): string {
  const file = path.join(dir, 'ledger.jsonl');
  const lines = edit(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line),
  );
  let prev = GENESIS_HASH;
  for (const line of lines) {
    line.prevHash = prev;
    line.hash = prev = chainHash(prev, canonicalJson(line.event));
  }
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return 'ledger.jsonl';
}

/** A party's archived history in an export: its file, as the index names it. */
const partyHistory = (dir: string, code: string) =>
  (
    JSON.parse(readFileSync(path.join(dir, 'histories/index.json'), 'utf8')) as { file: string; workflowId: string }[]
  ).find((h) => h.workflowId.endsWith(`/party/${code}`))!;

/** A copy of the pristine export, changed by `tamper`, with the manifest rewritten to match the changed files. */
function tampered(tamper: (dir: string) => string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopu-tampered-'));
  cpSync(exported, dir, { recursive: true });
  const changed = tamper(dir);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  for (const f of manifest.files)
    if (changed.includes(f.path)) f.sha256 = sha256Hex(readFileSync(path.join(dir, f.path)));
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}

const superuser = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 600 });
  bundle = env.bundle;
  const valid = smallAnnualCycle(cycleId, { secretariat: by });
  input = valid.input;
  const { client } = env;
  await startCycle(client, valid, env.taskQueue);
  let status = await waitForCycle(client, cycleId, allHaveTask('preparation'), 'preparation');
  // Porvoo sends its welfare report along: the file is stored first, the answer names it.
  report = await storedAttachment(env.db, 'hyvinvointikertomus.pdf', await pdfFile(['Porvoon hyvinvointikertomus']));
  for (const code of ['01', '018', '638']) {
    await partyAction(client, cycleId, code, submitAnswerUpdate, {
      taskId: status.parties.find((p) => p.code === code)!.tasks.preparation!.taskId,
      participantEmail: person(code, 'contact'),
      text: `Tavoitteet ${code}`,
      ...(code === '638' ? { attachments: [report] } : {}),
    });
  }
  await control(client, cycleId, publishDraftUpdate, {
    by,
    confirm: true,
    title: 'Hyte-suunnitelma',
    file: await storedDraft(env.db, 'Tavoitteet ja toimenpiteet 2027'),
  });
  const signOff = await control(client, cycleId, startSignOffUpdate, {
    by,
    confirm: true,
    noMeetingReason: NO_MEETING,
  });
  status = await waitForCycle(client, cycleId, allHaveTask('signoff'), 'sign-off');
  for (const code of ['01', '018', '638']) {
    await partyAction(client, cycleId, code, signOffUpdate, {
      taskId: status.parties.find((p) => p.code === code)!.tasks.signoff!.taskId,
      participantEmail: person(code, 'signatory'),
      documentSha256: signOff.document!.sha256,
      decision: 'approved',
      decisionReference: `Hallitus § ${code}`,
    });
  }
  await client.workflow.getHandle(cycleWorkflowId(cycleId)).result();
  expect(await client.workflow.getHandle(`${cycleWorkflowId(cycleId)}/archive`).result()).toBe(4);
  exported = mkdtempSync(path.join(tmpdir(), 'sopu-export-'));
  await exportCycle(env.db, cycleId, exported);
}, 120_000);

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

describe('audit export', () => {
  it('verifies a completed cycle: manifest, chain, signed checkpoints, documents, ledger against histories, replay', async () => {
    expect(await verify(exported, { workflowBundle: bundle })).toEqual([]);
    const checkpoints = JSON.parse(readFileSync(path.join(exported, 'checkpoints.json'), 'utf8'));
    expect(checkpoints.map((c: { reason: string }) => c.reason)).toEqual(
      expect.arrayContaining([
        'cycle.phase',
        'document.published',
        'document.final',
        'cycle.completed',
        'ledger.closed',
      ]),
    );
    const ledger = readFileSync(path.join(exported, 'ledger.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).event);
    const answers = ledger.filter((e) => e.action === 'task.answer');
    expect(answers).toHaveLength(3);
    expect(answers.every((e) => /^[0-9a-f]{64}$/.test(e.payload.requestSha256))).toBe(true);
    expect(ledger.filter((e) => e.action === 'email.sent').length).toBeGreaterThan(6);
    // No summary of the export's own: a person reads the verified record on the audit page, in their language.
    expect(existsSync(path.join(exported, 'summary.html'))).toBe(false);
  });

  it('replays each history with the code that ran it, kept once in the export by its SHA-256', async () => {
    const sha = sha256Hex(bundle.code);
    const index = JSON.parse(readFileSync(path.join(exported, 'histories/index.json'), 'utf8')) as { bundle: string }[];
    expect([...new Set(index.map((h) => h.bundle))]).toEqual([sha]);
    expect(readFileSync(path.join(exported, `bundles/${sha}.js`), 'utf8')).toBe(bundle.code);
    // Today's workflow code may have moved on past recognition (patches retired): the record still replays.
    expect(await verify(exported, { workflowBundle: { code: 'throw new Error("not the code that ran")' } })).toEqual(
      [],
    );
    const dir = tampered((d) => {
      writeFileSync(path.join(d, `bundles/${sha}.js`), `${bundle.code}\n// changed`);
      return [`bundles/${sha}.js`];
    });
    expect(await verify(dir, { workflowBundle: bundle })).toContain(
      `bundles/${sha}.js: content does not match its SHA-256`,
    );
  });

  it('names an edited payload', async () => {
    const dir = tampered((d) => {
      const file = path.join(d, 'ledger.jsonl');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('Tavoitteet 01', 'Tavoitteet XX')
          .replace('"actor":"contact@askola.example.fi"', '"actor":"mallory@askola.example.fi"'),
      );
      return ['ledger.jsonl'];
    });
    const problems = await verify(dir);
    expect(
      problems.some((p) =>
        /^ledger\.jsonl line \d+ \(seq \d+, task\.answer\): hash does not match its content$/.test(p),
      ),
    ).toBe(true);
  });

  it('names two rows swapped', async () => {
    const dir = tampered((d) => {
      const file = path.join(d, 'ledger.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n');
      [lines[3], lines[4]] = [lines[4]!, lines[3]!];
      writeFileSync(file, lines.join('\n'));
      return ['ledger.jsonl'];
    });
    const problems = await verify(dir);
    // Each moved line named once, with all that is wrong with it; the lines after them are not blamed.
    expect(problems.filter((p) => p.startsWith('ledger.jsonl line'))).toEqual([
      expect.stringMatching(
        /^ledger\.jsonl line 4 \(seq 5, .*\): expected seq 4; previous hash does not match the line before$/,
      ),
      expect.stringMatching(
        /^ledger\.jsonl line 5 \(seq 4, .*\): seq 4 out of order \(expected 6\); previous hash does not match the line before$/,
      ),
      expect.stringMatching(/^ledger\.jsonl line 6 \(seq 6, .*\): previous hash does not match the line before$/),
    ]);
  });

  it('names an edited archived history', async () => {
    const dir = tampered((d) => {
      const party = partyHistory(d, '018');
      const file = path.join(d, party.file);
      const history = JSON.parse(readFileSync(file, 'utf8'));
      for (const event of history.events) {
        const args = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads;
        if (args)
          args[0].data = Buffer.from(
            JSON.stringify({ ...JSON.parse(Buffer.from(args[0].data, 'base64').toString()), text: 'Toisin kirjattu' }),
          ).toString('base64');
      }
      writeFileSync(file, JSON.stringify(history));
      return [party.file];
    });
    const problems = await verify(dir);
    expect(
      problems.some(
        (p) =>
          p.endsWith('/party/018.json: history does not match its SHA-256') ||
          /party_018\.json: history does not match its SHA-256$/.test(p),
      ),
    ).toBe(true);
    expect(
      problems.some((p) => /^ledger seq \d+ \(task\.answer\): Update .* in the history has other content$/.test(p)),
    ).toBe(true);
  });

  it("names a timer's duration changed in a party's history: it waits for no time the ledger planned", async () => {
    let timers = 0;
    const dir = tampered((d) => {
      const party = partyHistory(d, '01');
      const file = path.join(d, party.file);
      const history = JSON.parse(readFileSync(file, 'utf8')) as {
        events: { timerStartedEventAttributes?: { startToFireTimeout: string } }[];
      };
      const started = history.events.filter((e) => e.timerStartedEventAttributes);
      timers = started.length;
      const timer = started[0]!.timerStartedEventAttributes!;
      timer.startToFireTimeout = `${parseFloat(timer.startToFireTimeout) + 1}s`;
      writeFileSync(file, JSON.stringify(history));
      return [party.file];
    });
    expect(timers).toBeGreaterThan(0);
    // Untouched, every timer of every party fires at a planned deadline or reminder.
    expect((await verify(exported)).filter((p) => p.includes('timer'))).toEqual([]);
    expect((await verify(dir)).filter((p) => p.includes('timer'))).toEqual([
      expect.stringMatching(
        /party_01\.json: the timer of event \d+ fires at .*, no deadline or reminder the ledger planned for party 01$/,
      ),
    ]);
  });

  it('issues the agreement PDF with its certificate, mails it to every party and the secretariat, and exports it', async () => {
    const document = await env.db
      .selectFrom('documents')
      .select('sha256')
      .where('cycle_id', '=', cycleId)
      .where('is_final', '=', true)
      .executeTakeFirstOrThrow();
    const agreement = readFileSync(path.join(exported, 'agreement.pdf'));
    const text = (await pdfPages(agreement)).flat().join('\n');
    const unbroken = text.replace(/\s/g, '');
    // Porvoo is bilingual: the certificate is in Finnish and in Swedish.
    expect(text).toContain('Todistus neuvottelun päättymisestä');
    expect(text).toContain('Intyg om förhandlingens avslutande');
    expect(text).toContain(document.sha256);
    for (const code of ['01', '018', '638']) expect(unbroken).toContain(`Hallitus§${code}`);
    // The certificate cites the ledger head at completion, signed: that line is in the export with that hash.
    const completed = readFileSync(path.join(exported, 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: { seq: number; action: string }; hash: string })
      .find((l) => l.event.action === 'cycle.completed')!;
    expect(text).toContain(`järjestysnumero ${completed.event.seq}`);
    expect(unbroken).toContain(completed.hash);
    const mails = await smtp.waitForMessages(
      7,
      (m) => sopuHeader(m, 'kind') === 'cycle-completed' && sopuHeader(m, 'cycle') === cycleId,
    );
    // Every contact and signatory of the three parties, and the secretariat: each with the same PDF.
    expect(new Set(mails.map((m) => recipient(m)))).toEqual(
      new Set([...['01', '018', '638'].flatMap((c) => [person(c, 'contact'), person(c, 'signatory')]), by]),
    );
    for (const m of mails) {
      const pdf = m.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.content.equals(agreement)).toBe(true);
    }
    const records = JSON.parse(readFileSync(path.join(exported, 'records.json'), 'utf8'));
    expect(records.agreement.sha256).toBe(sha256Hex(agreement));
    expect(records.cycle).toMatchObject({ publicity: 'public', retention: 'permanent' });
  });

  it('names a replaced attachment, and one dropped from the export', async () => {
    const file = `attachments/${report.sha256}.pdf`;
    expect(readFileSync(path.join(exported, file)).subarray(0, 5).toString()).toBe('%PDF-');
    const replaced = tampered((d) => {
      writeFileSync(path.join(d, file), 'ei raportti');
      return [file];
    });
    expect(await verify(replaced)).toContain(`${file}: content does not match its SHA-256 ${report.sha256}`);
    const dropped = tampered((d) => {
      const index = path.join(d, 'attachments/index.json');
      writeFileSync(index, '[]\n');
      return ['attachments/index.json'];
    });
    expect((await verify(dropped)).some((p) => p.startsWith(`attachments: the file ${report.sha256} of answer`))).toBe(
      true,
    );
  });

  it('names a replaced document', async () => {
    const dir = tampered((d) => {
      writeFileSync(path.join(d, 'documents/v1.md'), 'Toinen sisältö');
      return ['documents/v1.md'];
    });
    expect(await verify(dir)).toContain(
      `documents/v1.md: content does not match its SHA-256 ${sha256Hex('Tavoitteet ja toimenpiteet 2027')}`,
    );
  });

  it('names a forged checkpoint', async () => {
    const dir = tampered((d) => {
      const file = path.join(d, 'checkpoints.json');
      const checkpoints = JSON.parse(readFileSync(file, 'utf8'));
      const forger = auditSigner(
        generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      );
      checkpoints[0].headHash = 'f'.repeat(64);
      checkpoints[0].signature = forger.sign(checkpointMessage(checkpoints[0]));
      writeFileSync(file, JSON.stringify(checkpoints));
      return ['checkpoints.json'];
    });
    const problems = await verify(dir);
    const seq = JSON.parse(readFileSync(path.join(exported, 'checkpoints.json'), 'utf8'))[0].seq;
    expect(problems).toEqual(
      expect.arrayContaining([
        `checkpoints.json seq ${seq}: signature does not verify`,
        `checkpoints.json seq ${seq}: head hash is not the ledger's hash at that seq`,
      ]),
    );
  });

  it('names a rewritten outcome whose last checkpoints were removed', async () => {
    let closing = 0;
    const dir = tampered((d) => {
      let firstSignOff = 0;
      const file = editLedger(d, (lines) => {
        for (const line of lines) {
          if (line.event.action === 'signoff.approved') {
            firstSignOff ||= line.event.seq;
            line.event.action = 'signoff.rejected';
            line.event.payload.reason = 'Ei hyväksytä';
          }
          if (line.event.action === 'cycle.completed') {
            line.event.payload.outcome = 'not_agreed';
            line.event.payload.positions = (line.event.payload.positions as { partyCode: string }[]).map((p) => ({
              ...p,
              position: 'rejected',
            }));
          }
        }
        closing = lines.at(-1)!.event.seq;
        return lines;
      });
      const checkpoints = path.join(d, 'checkpoints.json');
      const kept = JSON.parse(readFileSync(checkpoints, 'utf8')).filter((c: { seq: number }) => c.seq < firstSignOff);
      writeFileSync(checkpoints, JSON.stringify(kept));
      return [file, 'checkpoints.json'];
    });
    const problems = await verify(dir);
    expect(problems).toContain(
      `ledger.jsonl: the closing line (seq ${closing}) has no valid checkpoint signed by a trusted key`,
    );
    expect(problems.some((p) => /\(signoff\.rejected\): decision, reason differ from Update /.test(p))).toBe(true);
  });

  it('names an export re-signed with a new key', async () => {
    const forger = auditSigner(
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const dir = tampered((d) => {
      const file = path.join(d, 'checkpoints.json');
      const checkpoints = JSON.parse(readFileSync(file, 'utf8'));
      for (const c of checkpoints)
        Object.assign(c, { keyId: forger.keyId, signature: forger.sign(checkpointMessage(c)) });
      writeFileSync(file, JSON.stringify(checkpoints));
      writeFileSync(path.join(d, 'public-keys.pem'), forger.publicKeyPem);
      return ['checkpoints.json', 'public-keys.pem'];
    });
    const problems = await verify(dir);
    // One cause, one problem, however many checkpoints it hits.
    const count = JSON.parse(readFileSync(path.join(exported, 'checkpoints.json'), 'utf8')).length;
    expect(problems.filter((p) => p.includes(`signed with key ${forger.keyId}`))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^checkpoints\\.json seq \\d+(, \\d+){7} and ${count - 8} more: signed with key ${forger.keyId}, which is not a trusted key$`,
        ),
      ),
    ]);
    // The county's key (not the forger's) passes; and with no key given from outside, nothing verifies.
    expect(keyIdOf(TEST_AUDIT_SIGNER.publicKeyPem)).not.toBe(forger.keyId);
    expect(await verifyExport(exported, { trusted: { keys: [], fingerprints: [] } })).toEqual([
      expect.stringMatching(/^no trusted key: give the county's public key/),
    ]);
    expect(
      await verifyExport(exported, {
        trusted: { keys: [], fingerprints: [fingerprintOf(TEST_AUDIT_SIGNER.publicKeyPem)] },
      }),
    ).toEqual([]);
  });

  it('names an edited decision whose request hash was left alone', async () => {
    let seq = 0;
    const dir = tampered((d) => [
      editLedger(d, (lines) => {
        const signOff = lines.find((l) => l.event.action === 'signoff.approved')!;
        seq = signOff.event.seq;
        signOff.event.payload.decisionReference = 'Hallitus § 99';
        return lines;
      }),
    ]);
    const problems = await verify(dir);
    expect(
      problems.some((p) =>
        p.startsWith(`ledger seq ${seq} (signoff.approved): decisionReference differs from Update `),
      ),
    ).toBe(true);
  });

  it("names a control's request edited with its hash left alone, and an email's kind changed", async () => {
    let control = 0;
    let email = 0;
    const dir = tampered((d) => [
      editLedger(d, (lines) => {
        const published = lines.find((l) => l.event.action === 'control.publishDraft')!;
        control = published.event.seq;
        (published.event.payload.request as { title: string }).title = 'Toinen otsikko';
        // A message sent alone (a receipt: notify), not one of a notice to several (notifyEach).
        const sent = lines.find((l) => l.event.action === 'email.sent' && l.event.payload.kind === 'receipt')!;
        email = sent.event.seq;
        sent.event.payload.kind = 'cycle-cancelled';
        return lines;
      }),
    ]);
    const problems = await verify(dir);
    expect(
      problems.some((p) => p.startsWith(`ledger seq ${control} (control.publishDraft): request differs from Update `)),
    ).toBe(true);
    expect(
      problems.some((p) =>
        p.startsWith(`ledger seq ${email} (email.sent): kind cycle-cancelled is not the activity's`),
      ),
    ).toBe(true);
  });

  it('names a changed email recipient, of a message sent alone and of one among several', async () => {
    let alone = 0;
    let among = 0;
    let to = '';
    const dir = tampered((d) => [
      editLedger(d, (lines) => {
        const sent = lines.filter((l) => l.event.action === 'email.sent');
        // A receipt goes alone (notify); the cycle mails a phase's tasks to every party in one activity (notifyEach).
        const single = sent.find((l) => l.event.payload.kind === 'receipt')!;
        const batched = sent.find((l) => l.event.payload.kind === 'task-assigned')!;
        alone = single.event.seq;
        among = batched.event.seq;
        to = String(single.event.payload.to);
        single.event.payload.to = 'mallory@example.invalid';
        batched.event.payload.to = 'mallory@example.invalid';
        return lines;
      }),
    ]);
    const problems = await verify(dir);
    expect(problems).toContain(
      `ledger seq ${alone} (email.sent): recipient mallory@example.invalid is not the activity's (${to})`,
    );
    expect(problems).toContain(
      `ledger seq ${among} (email.sent): no task-assigned message to mallory@example.invalid among the activity's`,
    );
  });

  it('names a dropped last line', async () => {
    let last = { seq: 0, action: '' };
    const dir = tampered((d) => [
      editLedger(d, (lines) => {
        lines.pop();
        last = lines.at(-1)!.event;
        return lines;
      }),
    ]);
    expect(await verify(dir)).toContain(
      `ledger.jsonl: the cycle has ended, but its last line (seq ${last.seq}, ${last.action}) is not the closing line ledger.closed: lines were added after it, or it was dropped`,
    );
  });

  it('names a file changed without updating the manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sopu-tampered-'));
    cpSync(exported, dir, { recursive: true });
    writeFileSync(path.join(dir, 'public-keys.pem'), '');
    expect(await verify(dir)).toEqual(['public-keys.pem: SHA-256 differs from the manifest']);
  });

  it('names a line repeated once, files that do not read, and how the case is filed changed', async () => {
    const repeated = tampered((d) => {
      const file = path.join(d, 'ledger.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(5, 0, lines[4]!);
      writeFileSync(file, lines.join('\n'));
      return ['ledger.jsonl'];
    });
    expect(await verify(repeated)).toEqual([
      expect.stringMatching(
        /^ledger\.jsonl line 6 \(seq 5, .*\): repeats seq 5; previous hash does not match the line before$/,
      ),
      expect.stringMatching(/^ledger\.jsonl: source .* is recorded 2 times \(seq 5, 5\)$/),
    ]);
    const unreadable = tampered((d) => {
      writeFileSync(path.join(d, 'checkpoints.json'), '[{"seq": 1,');
      const file = path.join(d, 'ledger.jsonl');
      writeFileSync(file, readFileSync(file, 'utf8') + 'garbage\n');
      return ['checkpoints.json', 'ledger.jsonl'];
    });
    const problems = await verify(unreadable);
    expect(problems).toContainEqual(expect.stringMatching(/^checkpoints\.json: not valid JSON \(/));
    expect(problems).toContainEqual(expect.stringMatching(/^ledger\.jsonl line \d+: not a ledger line \(/));
    const refiled = tampered((d) => {
      const file = path.join(d, 'records.json');
      const records = JSON.parse(readFileSync(file, 'utf8'));
      records.cycle.publicity = 'secret';
      records.cycle.secrecyGround = 'JulkL 24 § 1 mom. 8 k';
      writeFileSync(file, JSON.stringify(records));
      return ['records.json'];
    });
    expect(await verify(refiled)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^records\.json: the cycle's publicity, secrecyGround differ from the ledger \(seq 1\)$/),
      ]),
    );
  });

  it('names a bundle the history names but the export lacks, or renamed to its new hash, and an index naming another', async () => {
    const sha = sha256Hex(bundle.code);
    const missing = tampered((d) => {
      rmSync(path.join(d, `bundles/${sha}.js`));
      const manifest = JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8'));
      manifest.files = manifest.files.filter((f: { path: string }) => f.path !== `bundles/${sha}.js`);
      writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(manifest));
      return [];
    });
    expect(await verify(missing, { workflowBundle: bundle })).toEqual([
      `bundles/${sha}.js: missing, and 4 histories name it: they cannot be replayed`,
    ]);
    const renamed = tampered((d) => {
      const code = `${bundle.code}\n// changed`;
      const other = sha256Hex(code);
      rmSync(path.join(d, `bundles/${sha}.js`));
      writeFileSync(path.join(d, `bundles/${other}.js`), code);
      const index = JSON.parse(readFileSync(path.join(d, 'histories/index.json'), 'utf8'));
      for (const h of index) h.bundle = other;
      writeFileSync(path.join(d, 'histories/index.json'), JSON.stringify(index));
      const manifest = JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8'));
      for (const f of manifest.files) if (f.path === `bundles/${sha}.js`) f.path = `bundles/${other}.js`;
      writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(manifest));
      return [`bundles/${other}.js`, 'histories/index.json'];
    });
    const problems = await verify(renamed, { workflowBundle: bundle });
    expect(problems.filter((p) => p.startsWith('histories/index.json'))).toHaveLength(4);
    expect(problems).toContain(`bundles/${sha}.js: missing, and 4 histories name it: they cannot be replayed`);
  });
});

/** Rewrites the ledger as the county itself could, holding the real key: lines edited, dropped, added or moved,
 * renumbered and re-chained, the agreement's citation of the completion line updated, every checkpoint re-signed. */
function insider(edit: (lines: Line[]) => Line[]): string {
  return tampered((d) => {
    const ledgerFile = editLedger(d, (lines) => {
      const edited = edit(lines);
      edited.forEach((l, i) => (l.event.seq = i + 1));
      return edited;
    });
    // The agreement cites the completion line: re-cite the rewritten one, and chain again.
    const rewritten = () =>
      readFileSync(path.join(d, ledgerFile), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line);
    const completed = rewritten().find((l) => l.event.action === 'cycle.completed')!;
    editLedger(d, (lines) => {
      const issued = lines.find((l) => l.event.action === 'agreement.issued')!;
      Object.assign(issued.event.payload, { ledgerSeq: completed.event.seq, ledgerHash: completed.hash });
      return lines;
    });
    const lines = rewritten();
    const leaves = lines.map((l) => leafHash(canonicalJson(l.event)));
    const file = path.join(d, 'checkpoints.json');
    const checkpoints = (JSON.parse(readFileSync(file, 'utf8')) as Checkpoint[]).filter((c) => c.seq <= lines.length);
    for (const c of checkpoints) {
      c.headHash = lines[c.seq - 1]!.hash;
      c.rootHash = treeRoot(leaves.slice(0, c.seq));
      c.signature = TEST_AUDIT_SIGNER.sign(checkpointMessage(c));
    }
    writeFileSync(file, JSON.stringify(checkpoints));
    return [ledgerFile, 'checkpoints.json'];
  });
}

describe('a ledger witnessed by the parties', () => {
  /** What one party (Porvoo, 638) kept: every Sopu mail its contact and signatory received, saved as .eml files. */
  let kept: HeldWitness[];
  const porvoo = () => [person('638', 'contact'), person('638', 'signatory')];
  const witnessed = (dir: string) => verify(dir, { witnesses: kept });
  const seqOf = (lines: Line[], action: string, party: string) =>
    lines.findIndex((l) => l.event.action === action && l.event.payload.partyCode === party);

  let keptDir = '';
  /** The second verifier, written from docs/audit-format.md alone (test/independent): its problems, one a line. */
  const independent = (dir: string): string[] => {
    const key = path.join(keptDir, '..', `county-${cycleId}.pem`);
    writeFileSync(key, TEST_AUDIT_SIGNER.publicKeyPem);
    const script = path.join(__dirname, '..', 'independent', 'verify_witnesses.py');
    const run = spawnSync('python3', [script, dir, keptDir, key], { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
    return run.stdout.split('\n').filter(Boolean);
  };

  beforeAll(async () => {
    const mails = smtp.messages.filter((m) => porvoo().includes(recipient(m)!) && sopuHeader(m, 'cycle') === cycleId);
    const dir = mkdtempSync(path.join(tmpdir(), 'sopu-kept-'));
    keptDir = dir;
    mails.forEach((m, i) => writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.eml`), emlOf(m)));
    const read = await readWitnesses(dir);
    expect(read.problems).toEqual([]);
    kept = read.held;
  });

  it("gives every mail the record's signed head, and each receipt its own act with an inclusion proof", async () => {
    const receipts = smtp.messages.filter(
      (m) => sopuHeader(m, 'kind') === 'receipt' && sopuHeader(m, 'cycle') === cycleId,
    );
    // An answer and a sign-off from each of the three parties.
    expect(receipts).toHaveLength(6);
    const own = kept.filter((k) => k.witness.act);
    expect(own.map((k) => k.witness.act!.event.action).sort()).toEqual(['signoff.approved', 'task.answer']);
    for (const { witness } of own) {
      const { act, treeHead } = witness;
      expect(act!.event.actor).toBe(
        act!.event.action === 'task.answer' ? person('638', 'contact') : person('638', 'signatory'),
      );
      expect(verifyInclusion(act!.seq - 1, treeHead.seq, act!.leafHash, act!.inclusionProof, treeHead.rootHash)).toBe(
        true,
      );
    }
    const receipt = receipts.find((m) => recipient(m) === person('638', 'contact'))!;
    expect(receipt.text).toMatch(/Kirjauksenne on rivi \d+\. Liite sopu-witness\.json todistaa tämän/);
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(await verifyAudit(exported, { trusted, witnesses: kept })).toEqual({
      problems: [],
      stillOpen: null,
      witnessed: kept.length,
    });
  });

  it('names an insider who drops an answer, re-chains and re-signs with the real key', async () => {
    let dropped = 0;
    const dir = insider((lines) => {
      dropped = seqOf(lines, 'task.answer', '01');
      return lines.filter((_, i) => i !== dropped);
    });
    const problems = await witnessed(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/^ledger\.jsonl: contradicts \d+ signed heads? the parties hold/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^ledger\.jsonl: the party's own acts are at other lines/));
    // Without the party's mails the histories still show an accepted answer that no line records.
    expect(await verify(dir)).toContainEqual(
      expect.stringMatching(/was accepted and completed, but no ledger line records it$/),
    );
  });

  it('names an insider who reorders two answers', async () => {
    let first = 0;
    const dir = insider((lines) => {
      first = seqOf(lines, 'task.answer', '01');
      const second = seqOf(lines, 'task.answer', '018');
      [lines[first], lines[second]] = [lines[second]!, lines[first]!];
      return lines;
    });
    expect(await verify(dir)).toEqual([]);
    const problems = await witnessed(dir);
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ledger\\.jsonl: contradicts \\d+ signed heads? the parties hold, .* lines \\d+–\\d+ were rewritten`,
        ),
      ),
    ]);
    const range = /lines (\d+)–(\d+) were rewritten/.exec(problems[0]!)!;
    expect(Number(range[1])).toBeLessThanOrEqual(first + 1);
    expect(Number(range[2])).toBeGreaterThanOrEqual(first + 1);
  });

  it("names an insider who moves a time by one second, and the party's own act changed", async () => {
    const other = insider((lines) => {
      const line = lines[seqOf(lines, 'task.answer', '018')]!;
      line.event.at = new Date(Date.parse(line.event.at) + 1000).toISOString();
      return lines;
    });
    expect(await verify(other)).toEqual([]);
    expect(await witnessed(other)).toEqual([expect.stringMatching(/^ledger\.jsonl: contradicts/)]);
    const own = insider((lines) => {
      const line = lines[seqOf(lines, 'task.answer', '638')]!;
      line.event.at = new Date(Date.parse(line.event.at) + 1000).toISOString();
      return lines;
    });
    expect(await witnessed(own)).toContainEqual(
      expect.stringMatching(/its own act \(line \d+: task\.answer by .*\) was changed in the exported ledger: at$/),
    );
  });

  it('names an insider who adds a line that never happened, and one whose agreement cites another line', async () => {
    const added = insider((lines) => {
      const i = seqOf(lines, 'task.answer', '01');
      const forged = structuredClone(lines[i]!);
      Object.assign(forged.event, { action: 'task.no_comments', sourceId: 'forged', actor: 'mallory@example.fi' });
      return [...lines.slice(0, i), forged, ...lines.slice(i)];
    });
    expect(await witnessed(added)).toContainEqual(expect.stringMatching(/^ledger\.jsonl: contradicts/));
    const recited = tampered((d) => {
      const file = editLedger(d, (lines) => {
        const issued = lines.find((l) => l.event.action === 'agreement.issued')!;
        issued.event.payload.ledgerSeq = Number(issued.event.payload.ledgerSeq) - 1;
        return lines;
      });
      return [file];
    });
    expect(await verify(recited)).toContainEqual(
      expect.stringMatching(
        /\(agreement\.issued\): the certificate cites ledger seq \d+ with hash \w+, which is not the completion line$/,
      ),
    );
  });

  it('names an insider who duplicates a line', async () => {
    const dir = insider((lines) => {
      const i = seqOf(lines, 'task.answer', '01');
      return [...lines.slice(0, i + 1), structuredClone(lines[i]!), ...lines.slice(i + 1)];
    });
    expect(await verify(dir)).toContainEqual(
      expect.stringMatching(/^ledger\.jsonl: source response:.* is recorded 2 times/),
    );
    expect(await witnessed(dir)).toContainEqual(expect.stringMatching(/^ledger\.jsonl: contradicts/));
  });

  it('is checked the same by a verifier written from the format alone', () => {
    expect(independent(exported)).toEqual([]);
    const answerOf = (party: string) => (lines: Line[]) =>
      lines.findIndex((l) => l.event.action === 'task.answer' && l.event.payload.partyCode === party);
    const insiders = {
      drop: insider((lines) => lines.filter((_, i) => i !== answerOf('01')(lines))),
      reorder: insider((lines) => {
        const [a, b] = [answerOf('01')(lines), answerOf('018')(lines)];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        return lines;
      }),
      retime: insider((lines) => {
        const line = lines[answerOf('018')(lines)]!;
        line.event.at = new Date(Date.parse(line.event.at) + 1000).toISOString();
        return lines;
      }),
      duplicate: insider((lines) => {
        const i = answerOf('01')(lines);
        return [...lines.slice(0, i + 1), structuredClone(lines[i]!), ...lines.slice(i + 1)];
      }),
    };
    for (const [tamper, dir] of Object.entries(insiders))
      expect(independent(dir), tamper).toContainEqual(expect.stringMatching(/are not the ones the party was shown$/));
  });

  it('names a head no trusted key signed, and files that are not witnesses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sopu-kept-'));
    const forged = structuredClone(kept[0]!.witness);
    forged.treeHead.rootHash = 'f'.repeat(64);
    writeFileSync(path.join(dir, 'forged.json'), JSON.stringify(forged));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a receipt');
    writeFileSync(path.join(dir, 'broken.json'), '{');
    const read = await readWitnesses(dir);
    expect(read.problems).toEqual([
      expect.stringMatching(/^witness broken\.json: does not read/),
      'witness notes.txt: neither a mail (.eml) nor a receipt (.json)',
    ]);
    expect(await verify(exported, { witnesses: read.held })).toEqual([
      `witness forged.json: its head (lines 1–${forged.treeHead.seq}) is not signed by a trusted key, so it proves nothing`,
    ]);
  });
});

describe('the ledger in the database', () => {
  it('refuses UPDATE and DELETE, even to a superuser, and the application role has no right to them', async () => {
    await superuser(async (db) => {
      await expect(
        db.query('update audit_events set actor = $1 where cycle_id = $2', ['mallory', cycleId]),
      ).rejects.toThrow('audit_events is append-only: UPDATE refused');
      await expect(db.query('delete from audit_events where cycle_id = $1', [cycleId])).rejects.toThrow(
        'audit_events is append-only: DELETE refused',
      );
      await expect(db.query('delete from audit_checkpoints where cycle_id = $1', [cycleId])).rejects.toThrow(
        'append-only',
      );
    });
    const url = new URL(inject('databaseUrl'));
    url.username = 'sopu_app';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      await expect(
        app.query('update audit_events set actor = $1 where cycle_id = $2', ['mallory', cycleId]),
      ).rejects.toThrow('permission denied for table audit_events');
      await expect(app.query('delete from cycle_histories where cycle_id = $1', [cycleId])).rejects.toThrow(
        'permission denied for table cycle_histories',
      );
      expect(
        (await app.query('select count(*)::int as n from audit_events where cycle_id = $1', [cycleId])).rows[0].n,
      ).toBeGreaterThan(10);
    } finally {
      await app.end();
    }
  });

  it('still verifies after the workflows are deleted from Temporal', { timeout: 120_000 }, async () => {
    const ids = JSON.parse(readFileSync(path.join(exported, 'histories/index.json'), 'utf8')).map(
      (h: { workflowId: string }) => h.workflowId,
    );
    for (const workflowId of ids) {
      await env.client.workflowService.deleteWorkflowExecution({
        namespace: 'default',
        workflowExecution: { workflowId },
      });
    }
    // Deletion is asynchronous: wait until Temporal no longer knows the workflows.
    await waitFor(
      async () => {
        for (const workflowId of ids)
          await expect(env.client.workflow.getHandle(workflowId).describe()).rejects.toThrow();
      },
      { timeoutMs: 90_000, what: 'the workflows deleted' },
    );
    expect((await verifyLive(env.db, cycleId, { workflowBundle: bundle, trusted })).problems).toEqual([]);
  });

  it('names a response edited and a sign-off deleted in the tables, which the application role cannot do', async () => {
    const url = new URL(inject('databaseUrl'));
    url.username = 'sopu_app';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      await expect(app.query("update responses set body = 'x' where update_id = 'none'")).rejects.toThrow(
        'permission denied for table responses',
      );
      await expect(app.query("delete from signoffs where update_id = 'none'")).rejects.toThrow(
        'permission denied for table signoffs',
      );
    } finally {
      await app.end();
    }
    const [response, signOff] = await superuser(async (db) => {
      const { rows: answers } = await db.query(
        'select r.id, r.update_id from responses r join tasks t on t.id = r.task_id where t.cycle_id = $1 order by r.id',
        [cycleId],
      );
      const { rows: signOffs } = await db.query(
        'select s.id, s.update_id from signoffs s join tasks t on t.id = s.task_id where t.cycle_id = $1 order by s.id',
        [cycleId],
      );
      await db.query("update responses set body = 'Toisin kirjattu' where id = $1", [answers[0].id]);
      await db.query('delete from signoffs where id = $1', [signOffs[0].id]);
      return [answers[0], signOffs[0]];
    });
    const { problems } = await verifyLive(env.db, cycleId, { trusted });
    expect(
      problems.some((p) =>
        p.startsWith(`responses id ${response.id} (update ${response.update_id}): text differs from what ledger seq `),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.endsWith(`sign-off ${signOff.update_id} is missing from signoffs`))).toBe(true);
  });

  it("names a task's status and deadline, the outcome, an answer's time and its late flag changed in the tables", async () => {
    const task = `${cycleId}/01/preparation`;
    const answer = await superuser(async (db) => {
      const { rows } = await db.query('select id from responses where task_id = $1', [task]);
      await db.query(
        "update responses set received_at = received_at + interval '1 second', late = not late where id = $1",
        [rows[0].id],
      );
      await db.query(
        "update tasks set status = 'overdue', nominal_deadline = nominal_deadline + interval '1 day' where id = $1",
        [task],
      );
      await db.query("update cycles set outcome = 'not_agreed' where id = $1", [cycleId]);
      return rows[0];
    });
    const { problems } = await verifyLive(env.db, cycleId, { trusted });
    const of = (prefix: string) => problems.filter((p) => p.startsWith(prefix));
    // (The test before edited this answer's text: that is said too.)
    expect(of(`responses id ${answer.id}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: received .*, ledger seq \d+ says /),
        expect.stringMatching(/: late is true, ledger seq \d+ says false$/),
      ]),
    );
    expect(of(`tasks ${task}`)).toEqual([
      expect.stringMatching(/: status overdue, the ledger \(seq \d+\) says answered$/),
      expect.stringMatching(/: deadline .*, the ledger \(seq \d+\) planned /),
    ]);
    expect(of('cycles')).toEqual(['cycles: outcome not_agreed, the ledger says agreed_by_all']);
  });

  it('names an edited payload column and a deleted row, when a superuser bypasses the trigger', async () => {
    const [answer, deleted] = await superuser(async (db) => {
      const { rows } = await db.query(
        "select id, seq from audit_events where cycle_id = $1 and action = 'task.answer' order by seq",
        [cycleId],
      );
      await db.query('alter table audit_events disable trigger audit_events_append_only');
      await db.query(
        `update audit_events set payload = jsonb_set(payload, '{participant}', '"mallory@x.fi"') where id = $1`,
        [rows[0].id],
      );
      await db.query('delete from audit_events where id = $1', [rows[1].id]);
      await db.query('alter table audit_events enable trigger audit_events_append_only');
      return [rows[0], rows[1]];
    });
    const { problems } = await verifyLive(env.db, cycleId, { trusted });
    expect(problems).toContain(
      `audit_events id ${answer.id} (seq ${answer.seq}): column payload differs from the chained record`,
    );
    expect(
      problems.some(
        (p) =>
          p.includes(`(seq ${deleted.seq + 1},`) &&
          p.endsWith(`expected seq ${deleted.seq}; previous hash does not match the line before`),
      ),
    ).toBe(true);
  });
});

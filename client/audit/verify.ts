// `sopu audit verify`: checks an export without trusting Sopu's database: the manifest, the hash chain, the
// checkpoint signatures, the documents, the ledger against the archived Temporal histories, and a replay of every
// history against the current workflow code. Every broken item is named.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import {
  canonicalJson,
  chainHash,
  checkpointMessage,
  GENESIS_HASH,
  keyIdOf,
  sha256Hex,
  verifyCheckpoint,
  type LedgerEvent,
} from '../../db/ledger';
import { EXPORT_FORMAT } from './export';

type History = temporal.api.history.v1.IHistory;

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

function listFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base)).flatMap((name) => {
    const rel = base ? `${base}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** The SHA-256 of each accepted Update's argument, by Update id, and the activities each run completed. */
function historyFacts(histories: { workflowId: string; history: History }[]) {
  const updates = new Map<string, string>();
  const completedActivities = new Set<string>();
  for (const { workflowId, history } of histories) {
    const scheduled = new Map<string, string>();
    for (const event of history.events ?? []) {
      const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
      if (accepted?.acceptedRequest?.meta?.updateId) {
        const args = (accepted.acceptedRequest.input?.args?.payloads ?? []).map((p) =>
          defaultPayloadConverter.fromPayload(p),
        );
        updates.set(accepted.acceptedRequest.meta.updateId, sha256Hex(canonicalJson(args[0])));
      }
      const s = event.activityTaskScheduledEventAttributes;
      if (s?.activityId) scheduled.set(String(event.eventId), s.activityId);
      const done = event.activityTaskCompletedEventAttributes;
      if (done) completedActivities.add(`${workflowId}/${scheduled.get(String(done.scheduledEventId))}`);
    }
  }
  return { updates, completedActivities };
}

export async function verifyExport(dir: string, options: { workflowBundle?: WorkflowBundle } = {}): Promise<string[]> {
  const problems: string[] = [];
  if (!existsSync(path.join(dir, 'manifest.json'))) return [`manifest.json: missing in ${dir}`];
  const manifest = JSON.parse(read(dir, 'manifest.json')) as {
    format: string;
    cycleId: string;
    files: { path: string; sha256: string }[];
  };
  if (manifest.format !== EXPORT_FORMAT)
    problems.push(`manifest.json: format '${manifest.format}' is not ${EXPORT_FORMAT}`);

  // 1. Every file as listed, nothing missing or added.
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    if (!existsSync(path.join(dir, file.path))) problems.push(`${file.path}: listed in the manifest but missing`);
    else if (sha256Hex(readFileSync(path.join(dir, file.path))) !== file.sha256)
      problems.push(`${file.path}: SHA-256 differs from the manifest`);
  }
  for (const file of listFiles(dir))
    if (file !== 'manifest.json' && !listed.has(file)) problems.push(`${file}: not listed in the manifest`);

  // 2. The chain.
  const lines = read(dir, 'ledger.jsonl').split('\n').filter(Boolean);
  const chain: { event: LedgerEvent; hash: string }[] = [];
  let prev = GENESIS_HASH;
  lines.forEach((line, i) => {
    const { event, prevHash, hash } = JSON.parse(line) as { event: LedgerEvent; prevHash: string; hash: string };
    const at = `ledger.jsonl line ${i + 1} (seq ${event.seq}, ${event.action})`;
    if (event.seq !== i + 1) problems.push(`${at}: expected seq ${i + 1}`);
    if (event.cycleId !== manifest.cycleId) problems.push(`${at}: belongs to cycle ${event.cycleId}`);
    if (prevHash !== prev) problems.push(`${at}: previous hash does not match the line before`);
    if (chainHash(prevHash, canonicalJson(event)) !== hash) problems.push(`${at}: hash does not match its content`);
    prev = hash;
    chain.push({ event, hash });
  });

  // 3. Checkpoints: signed by a key in the export, over a head that is in the chain.
  const keys =
    read(dir, 'public-keys.pem').match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n?/g) ?? [];
  const keyById = new Map(keys.map((pem) => [keyIdOf(pem), pem]));
  for (const c of JSON.parse(read(dir, 'checkpoints.json')) as {
    cycleId: string;
    seq: number;
    headHash: string;
    signedAt: string;
    keyId: string;
    signature: string;
  }[]) {
    const at = `checkpoints.json seq ${c.seq}`;
    const key = keyById.get(c.keyId);
    if (!key) problems.push(`${at}: signed with key ${c.keyId}, which is not in public-keys.pem`);
    else if (!verifyCheckpoint(key, checkpointMessage(c), c.signature))
      problems.push(`${at}: signature does not verify`);
    if (chain[c.seq - 1]?.hash !== c.headHash)
      problems.push(`${at}: head hash is not the ledger's hash at seq ${c.seq}`);
  }

  // 4. Documents: the files are the versions the ledger recorded.
  const published = new Map(
    chain
      .filter((c) => c.event.action === 'document.published')
      .map((c) => [(c.event.payload as { version: number }).version, (c.event.payload as { sha256: string }).sha256]),
  );
  for (const d of JSON.parse(read(dir, 'documents/index.json')) as {
    file: string;
    version: number;
    sha256: string;
  }[]) {
    const actual = existsSync(path.join(dir, d.file)) ? sha256Hex(readFileSync(path.join(dir, d.file))) : null;
    if (actual !== d.sha256) problems.push(`${d.file}: content does not match its SHA-256 ${d.sha256}`);
    if (published.get(d.version) !== d.sha256)
      problems.push(`${d.file}: the ledger recorded another SHA-256 for version ${d.version}`);
  }

  // 5. Histories: intact, and they contain what the ledger says happened.
  const histories: { workflowId: string; history: History; file: string }[] = [];
  for (const h of JSON.parse(read(dir, 'histories/index.json')) as {
    file: string;
    workflowId: string;
    sha256: string;
  }[]) {
    const text = existsSync(path.join(dir, h.file)) ? read(dir, h.file) : '';
    if (sha256Hex(text) !== h.sha256) problems.push(`${h.file}: history does not match its SHA-256`);
    try {
      histories.push({ workflowId: h.workflowId, history: historyFromJSON(JSON.parse(text)), file: h.file });
    } catch (err) {
      problems.push(`${h.file}: not a readable history (${(err as Error).message})`);
    }
  }
  if (!histories.length) problems.push('histories: none archived');
  const facts = historyFacts(histories);
  for (const { event } of chain) {
    const payload = event.payload as { updateId?: string; requestSha256?: string | null; activityId?: string };
    const at = `ledger seq ${event.seq} (${event.action})`;
    if (payload.updateId && payload.requestSha256) {
      const inHistory = facts.updates.get(payload.updateId);
      if (!inHistory) problems.push(`${at}: no accepted Update ${payload.updateId} in the histories`);
      else if (inHistory !== payload.requestSha256)
        problems.push(`${at}: Update ${payload.updateId} in the history has other content`);
    }
    if (
      event.action === 'email.sent' &&
      payload.activityId &&
      !facts.completedActivities.has(`${event.workflowId}/${payload.activityId}`)
    ) {
      problems.push(`${at}: no completed activity ${payload.activityId} in ${event.workflowId}'s history`);
    }
  }

  // 6. Replay: the archived histories are what the current workflow code does.
  if (options.workflowBundle) {
    for (const h of histories) {
      try {
        await Worker.runReplayHistory({ workflowBundle: options.workflowBundle }, h.history, h.workflowId);
      } catch (err) {
        problems.push(
          `${h.file}: does not replay against the current workflow code (${(err as Error).message.split('\n')[0]})`,
        );
      }
    }
  }
  return problems;
}

// `sopu audit verify`: checks an export without trusting Sopu's database: the manifest, the hash chain, the
// checkpoint signatures, the documents, the ledger against the archived Temporal histories, and a replay of every
// history against the current workflow code. Every broken item is named.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { canonicalJson, chainHash, CLOSING_ACTION, GENESIS_HASH, sha256Hex, type LedgerEvent } from '../../db/ledger';
import type { TrustedKeys } from './trusted-keys';
import { checkCheckpoints, type Checkpoint } from './checkpoints';
import { contentProblems, historyFacts, same } from './content-checks';
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

export async function verifyExport(
  dir: string,
  options: { workflowBundle?: WorkflowBundle; trusted: TrustedKeys },
): Promise<string[]> {
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

  // 3. Checkpoints: signed by a key trusted from outside the export, over a head that is in the chain. A key that
  // ships inside the export proves nothing by itself: anyone can re-sign a rewritten ledger with a new one.
  const exportedKeys =
    read(dir, 'public-keys.pem').match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n?/g) ?? [];
  const signatures = checkCheckpoints(
    chain,
    JSON.parse(read(dir, 'checkpoints.json')) as Checkpoint[],
    exportedKeys,
    options.trusted,
  );
  problems.push(...signatures.problems);
  const { signedSeqs, trustGiven } = signatures;
  // A cycle that has ended is closed by its last line, signed: nothing added after it, nothing dropped from the end.
  const last = chain.at(-1)?.event;
  const ended = chain.some((c) => c.event.action === 'cycle.completed' || c.event.action === 'cycle.cancelled');
  if (ended) {
    if (last?.action !== CLOSING_ACTION)
      problems.push(
        `ledger.jsonl: the cycle has ended, but its last line (seq ${last?.seq}, ${last?.action}) is not the closing line ${CLOSING_ACTION}: lines were added after it, or it was dropped`,
      );
    else if (trustGiven && !signedSeqs.has(last.seq))
      problems.push(`ledger.jsonl: the closing line (seq ${last.seq}) has no valid checkpoint signed by a trusted key`);
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

  // 4b. Attachments: each file is what its SHA-256 says, and the ledger's answer (by its Update id) named it.
  const named = new Map<string, string[]>();
  for (const c of chain)
    if (c.event.action === 'task.answer') {
      const p = c.event.payload as { updateId?: string; attachments?: { sha256: string }[] };
      if (p.updateId)
        named.set(
          p.updateId,
          (p.attachments ?? []).map((a) => a.sha256),
        );
    }
  // Exports from before attachments have no index: nothing to check there.
  const attachmentIndex = existsSync(path.join(dir, 'attachments/index.json'))
    ? (JSON.parse(read(dir, 'attachments/index.json')) as { file: string; sha256: string; updateId: string }[])
    : [];
  for (const a of attachmentIndex) {
    const actual = existsSync(path.join(dir, a.file)) ? sha256Hex(readFileSync(path.join(dir, a.file))) : null;
    if (actual !== a.sha256) problems.push(`${a.file}: content does not match its SHA-256 ${a.sha256}`);
    if (!named.get(a.updateId)?.includes(a.sha256))
      problems.push(`${a.file}: no answer in the ledger (Update ${a.updateId}) names this file`);
  }
  for (const [updateId, shas] of named)
    for (const sha256 of shas)
      if (!attachmentIndex.some((a) => a.updateId === updateId && a.sha256 === sha256))
        problems.push(`attachments: the file ${sha256} of answer ${updateId} is missing from the export`);

  // 4c. The agreement: the PDF the ledger says was issued (its certificate cites a ledger head checked above).
  const issued = chain.find((c) => c.event.action === 'agreement.issued')?.event.payload as
    { sha256: string } | undefined;
  if (existsSync(path.join(dir, 'agreement.pdf'))) {
    const actual = sha256Hex(readFileSync(path.join(dir, 'agreement.pdf')));
    if (!issued) problems.push('agreement.pdf: the ledger records no agreement issued');
    else if (actual !== issued.sha256)
      problems.push(`agreement.pdf: content does not match the SHA-256 the ledger recorded (${issued.sha256})`);
  } else if (issued) problems.push('agreement.pdf: the ledger records an agreement, the export has none');

  // 5. Histories: intact, and they contain what the ledger says happened.
  const histories: { workflowId: string; history: History; file: string; bundle: string | null }[] = [];
  for (const h of JSON.parse(read(dir, 'histories/index.json')) as {
    file: string;
    workflowId: string;
    sha256: string;
    bundle?: string | null;
  }[]) {
    const text = existsSync(path.join(dir, h.file)) ? read(dir, h.file) : '';
    if (sha256Hex(text) !== h.sha256) problems.push(`${h.file}: history does not match its SHA-256`);
    try {
      histories.push({
        workflowId: h.workflowId,
        history: historyFromJSON(JSON.parse(text)),
        file: h.file,
        bundle: h.bundle ?? null,
      });
    } catch (err) {
      problems.push(`${h.file}: not a readable history (${(err as Error).message})`);
    }
  }
  // A running cycle's histories are archived when it ends: until then its ledger has nothing to be compared with,
  // and the verification goes as far as the ledger, its checkpoints and its documents (stillOpen says so).
  const running = !ended && last?.action !== CLOSING_ACTION;
  if (!histories.length && !running) problems.push('histories: none archived');
  if (histories.length || !running)
    problems.push(
      ...contentProblems(
        chain.map((c) => c.event),
        historyFacts(histories),
      ),
    );
  if (last?.action === CLOSING_ACTION) {
    const named = (last.payload as { histories: { workflowId: string; runId: string; sha256: string }[] }).histories;
    const index = JSON.parse(read(dir, 'histories/index.json')) as {
      workflowId: string;
      runId: string;
      sha256: string;
    }[];
    const key = (h: { workflowId: string; runId: string; sha256: string }) => `${h.workflowId} ${h.runId} ${h.sha256}`;
    if (!same(named.map(key).sort(), index.map(key).sort()))
      problems.push(`histories/index.json: not the histories the closing line (seq ${last.seq}) names`);
  }

  // 6. Replay: each history with the code that ran it (its bundle in the export, content-addressed), so a patch
  // retired since still replays old cycles; a history from before bundles were kept, with today's code.
  if (options.workflowBundle) {
    const groups = new Map<string | null, typeof histories>();
    for (const h of histories) {
      const bundle = h.bundle && existsSync(path.join(dir, `bundles/${h.bundle}.js`)) ? h.bundle : null;
      groups.set(bundle, [...(groups.get(bundle) ?? []), h]);
    }
    for (const [bundle, group] of groups) {
      const code = bundle ? read(dir, `bundles/${bundle}.js`) : null;
      if (code !== null && sha256Hex(code) !== bundle) {
        problems.push(`bundles/${bundle}.js: content does not match its SHA-256`);
        continue;
      }
      const byId = new Map(group.map((h) => [h.workflowId, h.file]));
      const workflowBundle = code !== null ? { code } : options.workflowBundle;
      const against =
        code !== null ? `the code that ran it (bundle ${bundle!.slice(0, 12)}…)` : "today's workflow code";
      for await (const result of Worker.runReplayHistories({ workflowBundle }, group)) {
        if (result.error)
          problems.push(
            `${byId.get(result.workflowId)}: does not replay against ${against} (${result.error.message.split('\n')[0]})`,
          );
      }
    }
  }
  return problems;
}

/** What an export cannot show yet: for a cycle still running, that its histories are archived (and so compared
 * with its ledger and replayed) when it ends. Null for a finished cycle. */
export function stillOpen(dir: string): string | null {
  const lines = read(dir, 'ledger.jsonl').trim().split('\n').filter(Boolean);
  const last = lines.length ? (JSON.parse(lines.at(-1)!) as { event?: { action?: string; seq?: number } }) : null;
  if (last?.event?.action === CLOSING_ACTION) return null;
  return `the cycle is still running (the ledger ends at seq ${last?.event?.seq ?? 0}): its histories are archived, compared with the ledger and replayed when it ends`;
}

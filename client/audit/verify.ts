// `sopu audit verify`: checks an export without trusting Sopu's database: the manifest, the hash chain, the signed
// tree heads, the files beside the ledger, the ledger against the archived Temporal histories, a replay of every
// history with the code that ran it, and — given what the parties kept — that the ledger extends every head they
// hold. Every broken item is named, once per cause.
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { CLOSING_ACTION, sha256Hex } from '../../db/ledger';
import { bundleOfBuildId } from '../../db/workflow-bundles';
import type { TrustedKeys } from './trusted-keys';
import { checkCheckpoints, type Checkpoint } from './checkpoints';
import { contentProblems, historyFacts, same } from './content-checks';
import { EXPORT_FORMAT } from './export';
import { ExportFiles } from './export-files';
import { readLedger, type ChainLine } from './ledger-lines';
import { recordFileProblems } from './record-checks';
import { witnessProblems, type HeldWitness } from './witnesses';

type History = temporal.api.history.v1.IHistory;
interface IndexedHistory {
  file: string;
  workflowId: string;
  runId: string;
  sha256: string;
  bundle?: string | null;
}

export interface VerifyOptions {
  workflowBundle?: WorkflowBundle;
  trusted: TrustedKeys;
  /** What the parties kept (`--witness DIR`, read by readWitnesses). */
  witnesses?: HeldWitness[];
}

export interface Verification {
  problems: string[];
  /** What the export cannot show yet (a cycle still running), or null. */
  stillOpen: string | null;
  /** How many held heads a trusted key signed and were checked against the ledger. */
  witnessed: number;
}

/** The code that completed a history's last workflow task, as the history itself names it (its build id). */
function bundleOfHistory(history: History): string | null {
  const done = (history.events ?? []).filter((e) => e.workflowTaskCompletedEventAttributes).at(-1);
  return bundleOfBuildId(done?.workflowTaskCompletedEventAttributes?.workerVersion?.buildId);
}

function manifestProblems(files: ExportFiles, manifest: { files: { path: string; sha256: string }[] }): string[] {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const bytes = files.bytes(file.path);
    if (!bytes) problems.push(`${file.path}: listed in the manifest but missing`);
    else if (sha256Hex(bytes) !== file.sha256) problems.push(`${file.path}: SHA-256 differs from the manifest`);
  }
  for (const file of files.list())
    if (file !== 'manifest.json' && !listed.has(file)) problems.push(`${file}: not listed in the manifest`);
  return problems;
}

/** The histories as the index lists them, each intact and readable. */
function readHistories(files: ExportFiles, problems: string[]) {
  const index = files.json<IndexedHistory[]>('histories/index.json') ?? [];
  const histories: (IndexedHistory & { history: History; named: string | null })[] = [];
  for (const h of index) {
    const text = files.text(h.file);
    if (text === null) {
      problems.push(`${h.file}: missing`);
      continue;
    }
    if (sha256Hex(text) !== h.sha256) problems.push(`${h.file}: history does not match its SHA-256`);
    try {
      const history = historyFromJSON(JSON.parse(text));
      const named = bundleOfHistory(history);
      if ((h.bundle ?? null) !== named)
        problems.push(
          `histories/index.json: ${h.file} names bundle ${h.bundle ?? 'none'}, its history ${named ?? 'none'}`,
        );
      histories.push({ ...h, history, named });
    } catch (err) {
      problems.push(`${h.file}: not a readable history (${(err as Error).message.split('\n')[0]})`);
    }
  }
  return { index, histories };
}

/** Each history with the code that ran it: the bundle its history names, kept in the export by the SHA-256 of its
 * bytes. A named bundle missing or different is a failure, never a fall-back; only a history from before bundles
 * were kept (it names none) replays with today's code. */
async function replayProblems(
  files: ExportFiles,
  histories: { file: string; workflowId: string; history: History; named: string | null }[],
  today: WorkflowBundle,
): Promise<string[]> {
  const problems: string[] = [];
  const groups = new Map<string | null, typeof histories>();
  for (const h of histories) groups.set(h.named, [...(groups.get(h.named) ?? []), h]);
  for (const [bundle, group] of groups) {
    const code = bundle ? files.text(`bundles/${bundle}.js`) : null;
    if (bundle && code === null) {
      problems.push(`bundles/${bundle}.js: missing, and ${group.length} histories name it: they cannot be replayed`);
      continue;
    }
    if (bundle && sha256Hex(code!) !== bundle) {
      problems.push(`bundles/${bundle}.js: content does not match its SHA-256`);
      continue;
    }
    const byId = new Map(group.map((h) => [h.workflowId, h.file]));
    const against = bundle ? `the code that ran it (bundle ${bundle.slice(0, 12)}…)` : "today's workflow code";
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle ? { code: code! } : today }, group))
      if (result.error)
        problems.push(
          `${byId.get(result.workflowId)}: does not replay against ${against} (${result.error.message.split('\n')[0]})`,
        );
  }
  return problems;
}

/** Whether the ledger records the cycle's end: then it must close, and its histories be archived. */
const hasEnded = (chain: ChainLine[]) =>
  chain.some((c) => c.event.action === 'cycle.completed' || c.event.action === 'cycle.cancelled');

function closingProblems(chain: ChainLine[], index: IndexedHistory[], signedSeqs: Set<number>, trustGiven: boolean) {
  const problems: string[] = [];
  const last = chain.at(-1)?.event;
  const ended = hasEnded(chain);
  if (ended && last?.action !== CLOSING_ACTION)
    problems.push(
      `ledger.jsonl: the cycle has ended, but its last line (seq ${last?.seq}, ${last?.action}) is not the closing line ${CLOSING_ACTION}: lines were added after it, or it was dropped`,
    );
  else if (ended && trustGiven && !signedSeqs.has(last!.seq))
    problems.push(`ledger.jsonl: the closing line (seq ${last!.seq}) has no valid checkpoint signed by a trusted key`);
  if (last?.action === CLOSING_ACTION) {
    const named = (last.payload as { histories: IndexedHistory[] }).histories;
    const key = (h: IndexedHistory) => `${h.workflowId} ${h.runId} ${h.sha256}`;
    if (!same(named.map(key).sort(), index.map(key).sort()))
      problems.push(`histories/index.json: not the histories the closing line (seq ${last.seq}) names`);
  }
  return problems;
}

export async function verifyAudit(dir: string, options: VerifyOptions): Promise<Verification> {
  const problems: string[] = [];
  const files = new ExportFiles(dir, problems);
  const manifest = files.json<{ format: string; cycleId: string; files: { path: string; sha256: string }[] }>(
    'manifest.json',
  );
  if (!manifest) return { problems, stillOpen: null, witnessed: 0 };
  if (manifest.format !== EXPORT_FORMAT)
    problems.push(`manifest.json: format '${manifest.format}' is not ${EXPORT_FORMAT}`);
  problems.push(...manifestProblems(files, manifest));

  const ledger = readLedger(files.text('ledger.jsonl') ?? '', manifest.cycleId);
  const { chain } = ledger;
  problems.push(...ledger.problems);
  // A key that ships inside the export proves nothing by itself: anyone can re-sign a rewritten ledger with a new one.
  const exportedKeys =
    (files.text('public-keys.pem') ?? '').match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n?/g) ?? [];
  const signatures = checkCheckpoints(
    chain,
    files.json<Checkpoint[]>('checkpoints.json') ?? [],
    exportedKeys,
    options.trusted,
  );
  problems.push(...signatures.problems);
  problems.push(...recordFileProblems(files, chain));

  const { index, histories } = readHistories(files, problems);
  problems.push(...closingProblems(chain, index, signatures.signedSeqs, signatures.trustGiven));
  // A running cycle's histories are archived when it ends: until then its ledger has nothing to be compared with.
  const last = chain.at(-1)?.event;
  const closed = last?.action === CLOSING_ACTION;
  const ended = hasEnded(chain);
  if (!histories.length && (closed || ended)) problems.push('histories: none archived');
  if (histories.length || closed || ended)
    problems.push(
      ...contentProblems(
        chain.map((c) => c.event),
        historyFacts(histories),
      ),
    );
  if (options.workflowBundle) problems.push(...(await replayProblems(files, histories, options.workflowBundle)));

  const witnessed = options.witnesses
    ? witnessProblems(manifest.cycleId, chain, options.witnesses, signatures.trustedKeys)
    : { problems: [], checked: 0 };
  problems.push(...witnessed.problems);
  const stillOpen =
    closed || ended
      ? null
      : `the cycle is still running (the ledger ends at seq ${last?.seq ?? 0}): its histories are archived, compared with the ledger and replayed when it ends`;
  return { problems, stillOpen, witnessed: witnessed.checked };
}

/** The problems alone: what most callers (and `--live`) need. */
export const verifyExport = async (dir: string, options: VerifyOptions): Promise<string[]> =>
  (await verifyAudit(dir, options)).problems;

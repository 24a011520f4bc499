// `sopu audit verify --witness DIR`: the signed tree heads the parties kept (the sopu-witness.json of their mails, as
// .eml files, or receipts downloaded from their receipt pages) against the exported ledger. A head a trusted key
// signed pins the ledger's first N lines as they were when the party was told: a ledger rewritten later, by anyone
// and with any key, does not extend it, and the party's own act shows where and how it changed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { canonicalJson, checkpointMessage, verifyCheckpoint, type LedgerEvent } from '../../db/ledger';
import { consistencyProof, leafHash, treeRoot, verifyConsistency, verifyInclusion } from '../../db/merkle';
import { WITNESS_FILE_NAME, WITNESS_FORMAT, type Witness } from '../../db/witness';

export interface HeldWitness {
  /** Where it came from: the file, and for a mail its date and subject. */
  source: string;
  witness: Witness;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

const isWitness = (value: unknown): value is Witness =>
  typeof value === 'object' &&
  value !== null &&
  (value as Witness).format === WITNESS_FORMAT &&
  typeof (value as Witness).treeHead?.rootHash === 'string' &&
  Number.isInteger((value as Witness).treeHead?.seq);

/** Every witness in the folder: the attachment of each .eml, each .json receipt. Files that are neither, or do not
 * read, are named. */
export async function readWitnesses(dir: string): Promise<{ held: HeldWitness[]; problems: string[] }> {
  const held: HeldWitness[] = [];
  const problems: string[] = [];
  for (const file of filesUnder(dir).sort()) {
    const name = path.relative(dir, file);
    try {
      if (file.endsWith('.eml')) {
        const mail = await simpleParser(readFileSync(file));
        // A message sent before the cycle's first signed head carries none: it pins nothing, and is no problem.
        const found = mail.attachments.filter((a) => a.filename === WITNESS_FILE_NAME);
        for (const a of found) {
          const witness: unknown = JSON.parse(a.content.toString('utf8'));
          if (!isWitness(witness)) problems.push(`witness ${name}: its ${WITNESS_FILE_NAME} is not a Sopu witness`);
          else held.push({ source: `${name} (“${mail.subject ?? ''}”)`, witness });
        }
      } else if (file.endsWith('.json')) {
        const witness: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (!isWitness(witness)) problems.push(`witness ${name}: not a Sopu witness (${WITNESS_FORMAT})`);
        else held.push({ source: name, witness });
      } else problems.push(`witness ${name}: neither a mail (.eml) nor a receipt (.json)`);
    } catch (err) {
      problems.push(`witness ${name}: does not read (${(err as Error).message.split('\n')[0]})`);
    }
  }
  return { held, problems };
}

const describeAct = (e: LedgerEvent) => `${e.action} by ${e.actor} at ${e.at}`;

/** The fields of two versions of one line that differ. */
const changedFields = (was: LedgerEvent, now: LedgerEvent) =>
  (Object.keys(was) as (keyof LedgerEvent)[]).filter(
    (k) => canonicalJson(was[k] ?? null) !== canonicalJson(now[k] ?? null),
  );

/**
 * The held heads against the exported chain. `trustedKeys` are the keys the checkpoints' verification trusted (by key
 * id): a head no trusted key signed proves nothing and is said so. Each cause is reported once: the heads the ledger
 * contradicts as one problem naming the lines the change lies in, and each of the party's own acts that was dropped
 * or changed.
 */
export function witnessProblems(
  cycleId: string,
  chain: { event: LedgerEvent; leaf: string }[],
  held: HeldWitness[],
  trustedKeys: Map<string, string>,
): { problems: string[]; checked: number } {
  const problems: string[] = [];
  const leaves = chain.map((c) => c.leaf);
  const root = treeRoot(leaves);
  const consistent: number[] = [];
  const contradicted: { size: number; source: string; signedAt: string }[] = [];
  const moved: string[] = [];
  let checked = 0;
  for (const { source, witness } of held) {
    if (witness.cycleId !== cycleId) continue;
    const head = witness.treeHead;
    const key = trustedKeys.get(head.keyId);
    if (!key || !verifyCheckpoint(key, checkpointMessage(head), head.signature)) {
      problems.push(
        `witness ${source}: its head (lines 1–${head.seq}) is not signed by a trusted key, so it proves nothing`,
      );
      continue;
    }
    checked++;
    const extends_ =
      head.seq <= chain.length &&
      verifyConsistency(head.seq, chain.length, head.rootHash, root, consistencyProof(head.seq, leaves));
    if (extends_) consistent.push(head.seq);
    else contradicted.push({ size: head.seq, source, signedAt: head.signedAt });
    const act = witness.act;
    if (!act) continue;
    if (
      !verifyInclusion(act.seq - 1, head.seq, leafHash(canonicalJson(act.event)), act.inclusionProof, head.rootHash)
    ) {
      problems.push(`witness ${source}: the proof of its own act (line ${act.seq}) does not verify against its head`);
      continue;
    }
    const now = chain[act.seq - 1]?.event;
    if (now && canonicalJson(now) === canonicalJson(act.event)) continue;
    const found = chain.find((c) => c.event.sourceId === act.event.sourceId)?.event;
    if (!found)
      problems.push(
        `witness ${source}: its own act (line ${act.seq}: ${describeAct(act.event)}) is missing from the exported ledger: dropped`,
      );
    else if (found.seq !== act.seq && changedFields(act.event, found).every((f) => f === 'seq'))
      moved.push(`line ${act.seq} → ${found.seq}`);
    else
      problems.push(
        `witness ${source}: its own act (line ${act.seq}: ${describeAct(act.event)}) was changed in the exported ledger: ${changedFields(act.event, found).join(', ')}`,
      );
  }
  if (contradicted.length) {
    const first = contradicted.sort((a, b) => a.size - b.size)[0]!;
    const agreed = Math.max(0, ...consistent.filter((s) => s < first.size));
    problems.push(
      chain.length < first.size
        ? `ledger.jsonl: has ${chain.length} lines, but a party holds a head of ${first.size} signed ${first.signedAt} (witness ${first.source}): lines were dropped`
        : `ledger.jsonl: contradicts ${contradicted.length} signed head${contradicted.length === 1 ? '' : 's'} the parties hold, the first of lines 1–${first.size} signed ${first.signedAt} (witness ${first.source}); ${agreed ? `it agrees with the heads up to line ${agreed}: ` : ''}lines ${agreed + 1}–${first.size} were rewritten (changed, dropped, reordered or added) after the parties were shown them`,
    );
  }
  if (moved.length)
    problems.push(`ledger.jsonl: the party's own acts are at other lines than it was shown (${moved.join(', ')})`);
  // Asked to check what a party kept, and nothing of this cycle was there: that is no proof, and is said.
  const ofThis = held.filter((h) => h.witness.cycleId === cycleId).length;
  if (!ofThis)
    problems.push(
      `witness: the folder holds no signed head of cycle ${cycleId}${held.length ? ` (${held.length} of other cycles)` : ''}`,
    );
  return { problems, checked };
}

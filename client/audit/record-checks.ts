// The files an export carries beside the ledger, each against what the ledger signed: the published versions, the
// files answers came with, the agreement (its bytes and the ledger head its certificate cites) and records.json (how
// the case is filed). Nothing here is taken on the export's word.
import { sha256Hex, type LedgerEvent } from '../../db/ledger';
import type { ExportFiles } from './export-files';
import { lineAt, type ChainLine } from './ledger-lines';

type Payload = Record<string, unknown>;
const payloadsOf = (chain: ChainLine[], action: string) =>
  chain.filter((c) => c.event.action === action).map((c) => c.event.payload as Payload);

function documentProblems(files: ExportFiles, chain: ChainLine[]): string[] {
  const problems: string[] = [];
  const published = new Map(payloadsOf(chain, 'document.published').map((p) => [p.version, p.sha256]));
  for (const d of files.json<{ file: string; version: number; sha256: string }[]>('documents/index.json') ?? []) {
    const bytes = files.bytes(d.file);
    if (!bytes || sha256Hex(bytes) !== d.sha256)
      problems.push(`${d.file}: content does not match its SHA-256 ${d.sha256}`);
    if (published.get(d.version) !== d.sha256)
      problems.push(`${d.file}: the ledger recorded another SHA-256 for version ${d.version}`);
  }
  return problems;
}

function attachmentProblems(files: ExportFiles, chain: ChainLine[]): string[] {
  const problems: string[] = [];
  const named = new Map<string, string[]>();
  for (const p of payloadsOf(chain, 'task.answer'))
    if (p.updateId)
      named.set(
        String(p.updateId),
        ((p.attachments ?? []) as { sha256: string }[]).map((a) => a.sha256),
      );
  // Exports from before attachments have no index: nothing to check there.
  const index = files.json<{ file: string; sha256: string; updateId: string }[]>('attachments/index.json', true) ?? [];
  for (const a of index) {
    const bytes = files.bytes(a.file);
    if (!bytes || sha256Hex(bytes) !== a.sha256)
      problems.push(`${a.file}: content does not match its SHA-256 ${a.sha256}`);
    if (!named.get(a.updateId)?.includes(a.sha256))
      problems.push(`${a.file}: no answer in the ledger (Update ${a.updateId}) names this file`);
  }
  for (const [updateId, shas] of named)
    for (const sha256 of shas)
      if (!index.some((a) => a.updateId === updateId && a.sha256 === sha256))
        problems.push(`attachments: the file ${sha256} of answer ${updateId} is missing from the export`);
  return problems;
}

/** The PDF is the one the ledger says was issued, for the final version the parties signed, and the ledger head its
 * certificate cites is the completion line, with that hash. */
function agreementProblems(files: ExportFiles, chain: ChainLine[]): string[] {
  const problems: string[] = [];
  const issued = chain.find((c) => c.event.action === 'agreement.issued')?.event;
  const p = issued?.payload as
    | { sha256: string; documentVersion?: number; documentSha256?: string; ledgerSeq?: number; ledgerHash?: string }
    | undefined;
  const pdf = files.bytes('agreement.pdf');
  if (pdf && !p) problems.push('agreement.pdf: the ledger records no agreement issued');
  else if (pdf && sha256Hex(pdf) !== p!.sha256)
    problems.push(`agreement.pdf: content does not match the SHA-256 the ledger recorded (${p!.sha256})`);
  else if (!pdf && p) problems.push('agreement.pdf: the ledger records an agreement, the export has none');
  if (!issued || !p) return problems;
  const at = `ledger seq ${issued.seq} (agreement.issued)`;
  if (p.ledgerSeq !== undefined) {
    const cited = lineAt(chain, p.ledgerSeq);
    if (cited?.event.action !== 'cycle.completed' || cited.hash !== p.ledgerHash)
      problems.push(
        `${at}: the certificate cites ledger seq ${p.ledgerSeq} with hash ${p.ledgerHash}, which is not the completion line`,
      );
  }
  const final = chain.filter((c) => c.event.action === 'document.final').at(-1)?.event.payload as Payload | undefined;
  if (final && p.documentSha256 !== undefined && p.documentSha256 !== final.sha256)
    problems.push(
      `${at}: the agreement's version ${p.documentVersion} (${p.documentSha256}) is not the final version ${String(final.version)}`,
    );
  return problems;
}

/** How the case is filed, against the filing the ledger's first line signed (cycles started since it does); every
 * version is filed as its cycle is. */
function recordsProblems(files: ExportFiles, chain: ChainLine[]): string[] {
  const records = files.json<{
    cycle: Payload;
    documents: (Payload & { file: string; sha256: string })[];
    agreement: { sha256: string } | null;
  }>('records.json', true);
  if (!records) return [];
  const problems: string[] = [];
  const started = chain.find((c) => c.event.action === 'cycle.started')?.event as LedgerEvent | undefined;
  const signed = (started?.payload as { records?: Payload } | undefined)?.records;
  const fields = ['diaryNumber', 'publicity', 'secrecyGround', 'retention'];
  const differs = (a: Payload, b: Payload) => fields.filter((f) => (a[f] ?? null) !== (b[f] ?? null));
  if (signed) {
    const wrong = differs(records.cycle, signed);
    if (wrong.length)
      problems.push(`records.json: the cycle's ${wrong.join(', ')} differ from the ledger (seq ${started!.seq})`);
  }
  for (const d of records.documents) {
    const wrong = differs(d, records.cycle);
    if (wrong.length) problems.push(`records.json: ${d.file} is filed with other ${wrong.join(', ')} than its cycle`);
  }
  const issued = chain.find((c) => c.event.action === 'agreement.issued')?.event.payload as Payload | undefined;
  if ((records.agreement?.sha256 ?? null) !== ((issued?.sha256 as string | undefined) ?? null))
    problems.push('records.json: the agreement it files is not the one the ledger records');
  return problems;
}

export const recordFileProblems = (files: ExportFiles, chain: ChainLine[]): string[] => [
  ...documentProblems(files, chain),
  ...attachmentProblems(files, chain),
  ...agreementProblems(files, chain),
  ...recordsProblems(files, chain),
];

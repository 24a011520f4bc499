// `sopu audit export`: everything an auditor needs to check a cycle without trusting Sopu, in one folder with a
// manifest of SHA-256 hashes. The format is docs/audit-format.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { auditRecord } from '../../db/audit-record';
import { sha256Hex } from '../../db/ledger';
import type { Database } from '../../db/schema';
import { bundleOfBuildId, workflowBundles } from '../../db/workflow-bundles';
import { FORMATS, formatOf } from '../../core/domain/file-types';

export const EXPORT_FORMAT = 'sopu-audit-export-v1';

export const historyFileName = (index: number, workflowId: string): string =>
  `histories/${String(index + 1).padStart(3, '0')}-${workflowId.replace(/[^A-Za-z0-9-]+/g, '_')}.json`;

/** The bundle hash in the build id of a history's last completed workflow task, if the SDK wrote one. */
function lastBundle(historyJson: string): string | null {
  const { events } = JSON.parse(historyJson) as {
    events: { workflowTaskCompletedEventAttributes?: { workerVersion?: { buildId?: string } } }[];
  };
  const done = events.filter((e) => e.workflowTaskCompletedEventAttributes).at(-1);
  return bundleOfBuildId(done?.workflowTaskCompletedEventAttributes?.workerVersion?.buildId);
}

/** Where a version lies in the export: its number and the extension of its format. */
function documentFile(d: { version: number; media_type: string | null }): string {
  const format = d.media_type ? formatOf(d.media_type) : undefined;
  return `documents/v${d.version}.${format ? FORMATS[format]!.extensions[0] : 'txt'}`;
}

export async function exportCycle(db: Kysely<Database>, cycleId: string, dir: string): Promise<{ files: number }> {
  const record = await auditRecord(db, cycleId);
  if (!record) throw new Error(`cycle '${cycleId}' not found in the database`);
  const { cycle, events, checkpoints, histories, documents } = record;
  const original = new Map(record.files.map((f) => [f.sha256, f.content]));
  // The code that ran each history: the bundle of its last workflow task (it replays the whole history).
  const bundleOf = new Map(histories.map((h) => [h.workflow_id, lastBundle(h.history)]));
  const bundles = await workflowBundles(db, [...new Set([...bundleOf.values()].filter((b) => b !== null))]);

  const files = new Map<string, string | Buffer>();
  files.set(
    'ledger.jsonl',
    events
      .map((e) => JSON.stringify({ event: JSON.parse(e.canonical), prevHash: e.prev_hash, hash: e.hash }))
      .join('\n') + '\n',
  );
  files.set(
    'checkpoints.json',
    JSON.stringify(
      checkpoints.map((c) => ({
        cycleId: c.cycle_id,
        seq: c.seq,
        headHash: c.head_hash,
        ...(c.tree_root ? { rootHash: c.tree_root } : {}),
        reason: c.reason,
        signedAt: c.signed_at.toISOString(),
        keyId: c.key_id,
        signature: c.signature,
      })),
      null,
      2,
    ) + '\n',
  );
  files.set('public-keys.pem', [...new Set(checkpoints.map((c) => c.public_key))].join(''));
  files.set(
    'histories/index.json',
    JSON.stringify(
      histories.map((h, i) => ({
        file: historyFileName(i, h.workflow_id),
        workflowId: h.workflow_id,
        runId: h.run_id,
        sha256: h.sha256,
        events: h.event_count,
        bundle: bundleOf.get(h.workflow_id) ?? null,
      })),
      null,
      2,
    ) + '\n',
  );
  histories.forEach((h, i) => files.set(historyFileName(i, h.workflow_id), h.history));
  for (const b of bundles) files.set(`bundles/${b.sha256}.js`, b.code);
  files.set(
    'documents/index.json',
    JSON.stringify(
      documents.map((d) => ({
        file: documentFile(d),
        version: d.version,
        title: d.title,
        sha256: d.sha256,
        mediaType: d.media_type ?? 'text/plain',
        fileName: d.file_name,
        publishedAt: d.published_at.toISOString(),
        publishedBy: d.published_by,
        final: d.is_final,
      })),
      null,
      2,
    ) + '\n',
  );
  // The original bytes as published (their SHA-256 is the ledger's); a text draft of an earlier cycle as its text.
  documents.forEach((d) => files.set(documentFile(d), (d.file_sha256 && original.get(d.file_sha256)) || d.content));
  // The files answers came with, once each, named by their SHA-256; the index says which answer each came with.
  const attachmentFile = (a: { sha256: string; mediaType: string }) => {
    const format = formatOf(a.mediaType);
    return `attachments/${a.sha256}.${format ? FORMATS[format]!.extensions[0] : 'bin'}`;
  };
  files.set(
    'attachments/index.json',
    JSON.stringify(
      record.attachments.map((a) => ({ file: attachmentFile(a), ...a })),
      null,
      2,
    ) + '\n',
  );
  for (const a of record.attachments) files.set(attachmentFile(a), original.get(a.sha256)!);
  if (record.agreement) files.set('agreement.pdf', original.get(record.agreement.file_sha256)!);
  // For a case system to import: what records management files the cycle and each version under.
  const filing = (r: {
    diary_number: string | null;
    publicity: string;
    secrecy_ground: string | null;
    retention: string;
  }) => ({
    diaryNumber: r.diary_number,
    publicity: r.publicity,
    secrecyGround: r.secrecy_ground,
    retention: r.retention,
  });
  files.set(
    'records.json',
    JSON.stringify(
      {
        cycle: { id: cycle.id, title: cycle.title, kind: cycle.kind, period: cycle.period, ...filing(cycle) },
        documents: documents.map((d) => ({
          file: documentFile(d),
          version: d.version,
          title: d.title,
          sha256: d.sha256,
          mediaType: d.media_type ?? 'text/plain',
          ...filing(d),
        })),
        agreement: record.agreement
          ? {
              file: 'agreement.pdf',
              sha256: record.agreement.file_sha256,
              issuedAt: record.agreement.issued_at.toISOString(),
              ...filing(cycle),
            }
          : null,
      },
      null,
      2,
    ) + '\n',
  );

  const manifest = {
    format: EXPORT_FORMAT,
    cycleId,
    exportedAt: new Date().toISOString(),
    files: [...files.entries()].map(([file, content]) => ({
      path: file,
      sha256: sha256Hex(typeof content === 'string' ? Buffer.from(content, 'utf8') : content),
      bytes: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length,
    })),
  };
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { files: files.size + 1 };
}

// Verifies a cycle straight from the database: the same checks as an export, plus that each ledger row's columns
// still say what its chained canonical text says (an UPDATE by a superuser that bypassed the trigger shows here), and
// that the record tables a secretariat reads — responses, sign-offs, party positions — agree with the ledger, row by
// row. The grants and the trigger stop accidents; these checks find the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ledgerRows, recordRows } from '../../db/audit-record';
import { canonicalJson, sha256Hex, type LedgerEvent } from '../../db/ledger';
import type { Database } from '../../db/schema';
import { exportCycle } from './export';
import { verifyAudit, type Verification, type VerifyOptions } from './verify';

type Payload = Record<string, unknown>;

/** The ledger rows' columns against their chained canonical text. */
function columnProblems(rows: Awaited<ReturnType<typeof ledgerRows>>): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const event = JSON.parse(row.canonical) as LedgerEvent;
    const columns = {
      seq: row.seq,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      payload: canonicalJson(row.payload),
      workflowId: row.workflow_id,
      runId: row.run_id,
    };
    const chained = {
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      action: event.action,
      payload: canonicalJson(event.payload),
      workflowId: event.workflowId,
      runId: event.runId,
    };
    for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
      if (columns[key] !== chained[key])
        problems.push(`audit_events id ${row.id} (seq ${row.seq}): column ${key} differs from the chained record`);
    }
  }
  return problems;
}

/** Responses, sign-offs and party positions against the ledger events that recorded them, both ways. */
function tableProblems(events: LedgerEvent[], record: Awaited<ReturnType<typeof recordRows>>): string[] {
  const problems: string[] = [];
  const byUpdate = (actions: string[]) =>
    new Map(
      events
        .filter((e) => actions.includes(e.action))
        .map((e) => [String((e.payload as Payload).updateId), e] as const),
    );
  const answers = byUpdate(['task.answer', 'task.no_comments']);
  for (const row of record.responses) {
    const event = answers.get(row.updateId);
    const at = `responses id ${row.id} (update ${row.updateId})`;
    if (!event) problems.push(`${at}: not in the ledger`);
    else {
      const p = event.payload as Payload;
      if (p.taskId !== row.taskId) problems.push(`${at}: task differs from ledger seq ${event.seq}`);
      if ((event.action === 'task.no_comments') !== (row.kind === 'no_comments'))
        problems.push(`${at}: kind differs from ledger seq ${event.seq}`);
      if (p.textSha256 !== undefined && p.textSha256 !== sha256Hex(row.body))
        problems.push(`${at}: text differs from what ledger seq ${event.seq} recorded`);
    }
  }
  for (const [updateId, event] of answers)
    if (!record.responses.some((r) => r.updateId === updateId))
      problems.push(`ledger seq ${event.seq} (${event.action}): response ${updateId} is missing from responses`);

  const signOffs = byUpdate(['signoff.approved', 'signoff.rejected']);
  for (const row of record.signoffs) {
    const event = signOffs.get(row.updateId);
    const at = `signoffs id ${row.id} (update ${row.updateId})`;
    if (!event) problems.push(`${at}: not in the ledger`);
    else {
      const p = event.payload as Payload;
      const recorded = {
        decision: event.action.slice('signoff.'.length),
        decisionReference: p.decisionReference ?? null,
        reason: p.reason ?? null,
        documentSha256: p.documentSha256 ?? null,
      };
      for (const [field, value] of Object.entries(recorded))
        if (row[field as keyof typeof recorded] !== value)
          problems.push(`${at}: ${field} differs from ledger seq ${event.seq}`);
    }
  }
  for (const [updateId, event] of signOffs)
    if (!record.signoffs.some((r) => r.updateId === updateId))
      problems.push(`ledger seq ${event.seq} (${event.action}): sign-off ${updateId} is missing from signoffs`);

  const completed = events.find((e) => e.action === 'cycle.completed');
  if (completed) {
    for (const { partyCode, position } of (
      completed.payload as { positions: { partyCode: string; position: string }[] }
    ).positions) {
      const row = record.parties.find((p) => p.code === partyCode);
      if (row?.position !== position)
        problems.push(
          `parties ${partyCode}: position ${row?.position ?? 'missing'}, the ledger (seq ${completed.seq}) says ${position}`,
        );
    }
  }
  return problems;
}

export async function verifyLive(db: Kysely<Database>, cycleId: string, options: VerifyOptions): Promise<Verification> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sopu-verify-'));
  try {
    await exportCycle(db, cycleId, dir);
    const verification = await verifyAudit(dir, options);
    const { problems } = verification;
    const rows = await ledgerRows(db, cycleId);
    problems.push(...columnProblems(rows));
    const events = rows.map((row) => JSON.parse(row.canonical) as LedgerEvent);
    problems.push(...tableProblems(events, await recordRows(db, cycleId)));
    return verification;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

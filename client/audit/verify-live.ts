// Verifies a cycle straight from the database: the same checks as an export, plus that each ledger row's columns
// still say what its chained canonical text says (an UPDATE by a superuser that bypassed the trigger shows here), and
// that the record tables a secretariat reads — responses (times, late flags), sign-offs, task statuses and deadlines,
// party positions, the cycle's status and outcome — agree with the ledger, row by row. The grants and the trigger
// stop accidents; these checks find the rest.
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

const STATUS_ACTIONS = new Set(['task.open', 'task.answered', 'task.overdue', 'task.no_response', 'task.cancelled']);

/** Each task's status as its last status line says, and its deadline as the ledger planned it (the opening line's,
 * or the last extension's; tasks opened before the opening line carried it are not compared). */
function taskProblems(events: LedgerEvent[], tasks: { id: string; status: string; deadline: Date }[]): string[] {
  const status = new Map<string, { status: string; seq: number }>();
  const deadline = new Map<string, { at: string; seq: number }>();
  for (const e of events) {
    const p = e.payload as { taskId?: string; deadline?: string };
    if (!p.taskId) continue;
    if (STATUS_ACTIONS.has(e.action)) status.set(p.taskId, { status: e.action.slice('task.'.length), seq: e.seq });
    if ((e.action === 'task.open' || e.action === 'task.deadline_extended') && p.deadline)
      deadline.set(p.taskId, { at: p.deadline, seq: e.seq });
  }
  const problems: string[] = [];
  for (const task of tasks) {
    const said = status.get(task.id);
    if (!said) problems.push(`tasks ${task.id}: not in the ledger`);
    else if (said.status !== task.status)
      problems.push(`tasks ${task.id}: status ${task.status}, the ledger (seq ${said.seq}) says ${said.status}`);
    const planned = deadline.get(task.id);
    if (planned && Date.parse(planned.at) !== task.deadline.getTime())
      problems.push(
        `tasks ${task.id}: deadline ${task.deadline.toISOString()}, the ledger (seq ${planned.seq}) planned ${planned.at}`,
      );
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
      if (row.receivedAt.toISOString() !== event.at)
        problems.push(`${at}: received ${row.receivedAt.toISOString()}, ledger seq ${event.seq} says ${event.at}`);
      if (p.late !== undefined && p.late !== row.late)
        problems.push(`${at}: late is ${row.late}, ledger seq ${event.seq} says ${String(p.late)}`);
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
      if (row.signedAt.toISOString() !== event.at)
        problems.push(`${at}: signed ${row.signedAt.toISOString()}, ledger seq ${event.seq} says ${event.at}`);
    }
  }
  for (const [updateId, event] of signOffs)
    if (!record.signoffs.some((r) => r.updateId === updateId))
      problems.push(`ledger seq ${event.seq} (${event.action}): sign-off ${updateId} is missing from signoffs`);

  problems.push(...taskProblems(events, record.tasks));
  const completed = events.find((e) => e.action === 'cycle.completed');
  const ended = completed ? 'completed' : events.some((e) => e.action === 'cycle.cancelled') ? 'cancelled' : 'running';
  if (record.cycle.status !== ended) problems.push(`cycles: status ${record.cycle.status}, the ledger says ${ended}`);
  const outcome = (completed?.payload as { outcome?: string } | undefined)?.outcome ?? null;
  if (record.cycle.outcome !== outcome)
    problems.push(`cycles: outcome ${record.cycle.outcome ?? 'none'}, the ledger says ${outcome ?? 'none'}`);
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

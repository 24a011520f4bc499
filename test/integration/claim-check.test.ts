// Large content never travels through a workflow history: twenty consultation rounds of 1 MB drafts (stored first,
// named by SHA-256) leave every history of the cycle far below 1 MB, where the text itself would pass Temporal's
// 50 MB history limit. The stored originals are what the ledger and the documents table name.
import { createHash } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, partyAction, startCycle } from '../../client/cycles';
import { submitAnswerUpdate } from '../../workflows/party/messages';
import { publishDraftUpdate } from '../../workflows/cycle/messages';
import { cycleWorkflowId, MAX_ROUNDS, partyWorkflowId } from '../../core/contracts';
import { allHaveTask, smallAnnualCycle, waitForCycle } from '../support/cycle-driver';
import { storedDraft } from '../support/drafts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestWorker, type TestWorker } from '../support/test-worker';

let smtp: SmtpSink;
let env: TestWorker;

beforeAll(async () => {
  smtp = await startSmtpSink();
  env = await startTestWorker({ smtpUrl: smtp.url, daySeconds: 60 });
});

afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

/** A draft of about `bytes` bytes: numbered sections, different in every round. */
function largeDraft(round: number, bytes: number): string {
  const lines = [`# Yhteistyösopimuksen luonnos ${round}`];
  for (let i = 1, length = 0; length < bytes; i++) {
    const line = `## ${i}. Kohta\n\nHyvinvointialue ja kunnat sopivat kierroksella ${round} kohdasta ${i}: ${'tavoite '.repeat(12)}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** How many times `needle` occurs in `haystack`. */
function occurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

describe('claim check', () => {
  it(`keeps ${MAX_ROUNDS} rounds of 1 MB drafts out of every history`, { timeout: 240_000 }, async () => {
    const cycleId = `claim-check-${Date.now()}`;
    const valid = smallAnnualCycle(cycleId);
    const by = valid.input.secretariat.email;
    await startCycle(env.client, valid, env.taskQueue);
    await waitForCycle(env.client, cycleId, allHaveTask('preparation'), 'preparation tasks');
    const published: string[] = [];
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const text = largeDraft(round, 1_000_000);
      const file = await storedDraft(env.db, text, `luonnos-${round}.md`);
      const { document } = await control(env.client, cycleId, publishDraftUpdate, {
        by,
        confirm: true,
        title: `Luonnos ${round}`,
        file,
      });
      expect(document!.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      published.push(document!.sha256);
    }
    const status = await waitForCycle(env.client, cycleId, allHaveTask(`round-${MAX_ROUNDS}`), 'the last round');
    // An answer's text is in the history twice: in the Update that brought it, and in the input of the activity that
    // records it (as the request; no separate copies of its text, areas or files beside it).
    const text = `Porvoon kommentti: ${'liikunta ja uinti '.repeat(500)}`.trim();
    await partyAction(env.client, cycleId, '638', submitAnswerUpdate, {
      taskId: status.parties.find((p) => p.code === '638')!.tasks[`round-${MAX_ROUNDS}`]!.taskId,
      participantEmail: valid.input.parties.find((p) => p.code === '638')!.participants[0]!.email,
      text,
    });
    const porvoo = await env.client.workflow.getHandle(partyWorkflowId(cycleId, '638')).fetchHistory();
    const encoded = Buffer.from(temporal.api.history.v1.History.encode(porvoo).finish());
    expect(occurrences(encoded, Buffer.from(text, 'utf8'))).toBe(2);
    expect(await env.db.selectFrom('responses').select('body').where('body', '=', text).execute()).toEqual([
      { body: text },
    ]);

    const sizes: { workflowId: string; events: number; bytes: number }[] = [];
    for (const workflowId of [
      cycleWorkflowId(cycleId),
      ...valid.input.parties.map((p) => partyWorkflowId(cycleId, p.code)),
    ]) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      const bytes = temporal.api.history.v1.History.encode(history).finish().length;
      sizes.push({ workflowId, events: history.events!.length, bytes });
    }
    console.log(
      `[claim check] ${MAX_ROUNDS} rounds of 1 MB drafts: ${sizes.map((s) => `${s.workflowId} ${s.events} events, ${s.bytes} bytes`).join('; ')}`,
    );
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(1_000_000);

    // The record names the stored originals: the documents table and the ledger agree with the bytes kept.
    const documents = await env.db
      .selectFrom('documents')
      .innerJoin('files', 'files.sha256', 'documents.file_sha256')
      .select(['documents.version', 'documents.sha256', 'files.size'])
      .where('documents.cycle_id', '=', cycleId)
      .orderBy('documents.version')
      .execute();
    expect(documents.map((d) => d.sha256)).toEqual(published);
    expect(documents.every((d) => d.size >= 1_000_000)).toBe(true);
    const ledger = await env.db
      .selectFrom('audit_events')
      .select('payload')
      .where('cycle_id', '=', cycleId)
      .where('action', '=', 'document.published')
      .orderBy('id')
      .execute();
    expect(ledger.map((e) => (e.payload as { sha256: string }).sha256)).toEqual(published);
  });
});

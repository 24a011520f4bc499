#!/usr/bin/env node
// The `sopu` command line (`npx sopu <command>`; compiled to dist/ at install, so it starts without a TypeScript
// compiler). Connection settings come from the environment (TEMPORAL_ADDRESS etc., see README); without them it
// talks to the dev server and the database that `npm start` runs.
import { createHash, createPublicKey } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Command, Option } from 'commander';
import { connectDb } from '../db/connect';
import { complianceCsv, complianceReport, complianceTable } from '../db/compliance';
import { importDirectory } from '../db/directory';
import { auditSigner, fingerprintOf } from '../db/ledger';
import { cycleAnswers } from '../db/answers';
import { followUpReport } from '../db/follow-up';
import { cycleAgenda, cycleExists, cycleNaming } from '../db/web-queries';
import { mailLog } from '../db/mail-log';
import { countyCodes, importReference } from '../db/reference-store';
import { databaseUrlOf, readConfig } from '../worker/config';
import {
  ErrorType,
  LANGUAGES,
  LATE_MAIL_MINUTES,
  MAX_DOCUMENT_LENGTH,
  MAX_DRAFT_BYTES,
  type ControlReceipt,
  type Language,
  type Receipt,
} from '../core/contracts';
import { TextEncodingError, utf8Text } from '../core/domain/text';
import {
  cancelCycleUpdate,
  closePhaseUpdate,
  extendDeadlineUpdate,
  publishDraftUpdate,
  recordMinutesUpdate,
  recordOnBehalfUpdate,
  replaceParticipantUpdate,
  scheduleMeetingUpdate,
  startSignOffUpdate,
} from '../workflows/cycle/messages';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../workflows/party/messages';
import { installCalendar, lastRunLine, listCalendar } from './calendar';
import { CycleFileError } from '../core/domain/cycle-definition';
import { FileRefused } from '../core/domain/file-types';
import { storeDraft } from './uploads';
import { checkCycle, mailedAtStart, readCycleFile } from './cycle-file';
import { exportCycle } from './audit/export';
import type { TrustedKeys } from './audit/verify';
import { hashPassword } from './web/accounts';
import {
  control,
  controlOutcome,
  cycleStatus,
  listCycles,
  NotConfirmedYet,
  openTask,
  partyAction,
  partyActionOutcome,
  startCycle,
  UserError,
} from './cycles';
import { ANSWER_FORMATS, formatAnswers, goalsRegister, goalsRegisterCsv, type AnswerFormat } from './answers';
import { followUpCsv, followUpTable } from './follow-up';
import { formatCycleStatus } from './format-status';
import { statementSummary, SUMMARY_LANGUAGES, type SummaryLanguage } from './statement-summary';
import { connectClient } from './temporal';

// `npm run sopu -- …` runs in the package root; paths on the command line mean the directory it was typed in.
if (process.env.npm_lifecycle_event === 'sopu' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const program = new Command('sopu')
  .description('Statutory negotiation cycles between a wellbeing services county and its municipalities')
  .option('--yes', 'confirm what a control would do (close unanswered tasks, end the cycle) without being asked')
  .option(
    '--request-id <id>',
    'the id that makes a control or an answer safe to repeat: sent again, it returns the first receipt ' +
      '(default: derived from the command line, the same for ten minutes)',
  );

async function withClient<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectClient(readConfig());
  try {
    return await run(client);
  } finally {
    await client.connection.close();
  }
}

/** Commands that read or write Postgres directly (the record, the directory, reports). */
async function withDb<T>(run: (db: ReturnType<typeof connectDb>) => Promise<T>): Promise<T> {
  const db = connectDb(databaseUrlOf(readConfig()), 1);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** The secretariat member acting: --by, or SOPU_ACTOR, or the cycle's secretariat address. */
async function actor(client: Client, cycleId: string, by: string | undefined): Promise<string> {
  return by ?? process.env.SOPU_ACTOR ?? (await cycleStatus(client, cycleId)).secretariat.email;
}

/** Files the CLI reads are text: UTF-8 only, and no larger than what they are for can hold. */
const MAX_TEXT_FILE_BYTES = 4 * MAX_DOCUMENT_LENGTH;

/** A file's bytes, for an upload (its size and type are checked by what stores it). */
function readFile(file: string): Buffer {
  try {
    if (statSync(file).size > MAX_DRAFT_BYTES) throw new UserError(`${file}: larger than ${MAX_DRAFT_BYTES} bytes`);
    return readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

function readText(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_TEXT_FILE_BYTES) throw new UserError(`${file}: ${size} bytes; at most ${MAX_TEXT_FILE_BYTES} bytes`);
    return utf8Text(readFileSync(file), file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof TextEncodingError) throw new UserError(err.message);
    throw new UserError(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
}

/** Runs a secretariat control as the acting member and prints its receipt. */
function steer<Req extends { by: string }>(
  cycleId: string,
  by: string | undefined,
  update: UpdateDefinition<ControlReceipt, [Req]>,
  request: Omit<Req, 'by'>,
  done: string,
) {
  return withClient(async (client) => {
    const id = requestId();
    const earlier = await controlOutcome(client, cycleId, id, 2_000);
    if (earlier.state === 'recorded') return printReceipt(done)(earlier.receipt, true);
    const full = { ...request, by: await actor(client, cycleId, by) } as Req;
    const send = (confirm: boolean) =>
      control(client, cycleId, update, confirm ? { ...full, confirm } : full, { updateId: id, waitMs: waitMs() });
    try {
      printReceipt(done)(await send(program.opts<{ yes?: boolean }>().yes === true), false);
    } catch (err) {
      // The cycle says what the control would do (close unanswered tasks, end the cycle): ask before doing it.
      if (!(err instanceof UserError) || err.type !== ErrorType.confirmationNeeded) throw err;
      if (!(await confirmed(err.message))) {
        throw new UserError(`Nothing was changed: ${err.message}. Run the command again with --yes to confirm.`);
      }
      printReceipt(done)(await send(true), false);
    }
  });
}

/** Asks a person at a terminal; a script (no terminal) gets no for an answer and must say --yes. */
async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|k|kyllä|j|ja)$/i.test((await prompt.question(`${question}.\nGo on? [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

/** A participant's action under this command's request id, unless Temporal has recorded that request already. */
async function act<Req>(
  client: Client,
  cycleId: string,
  partyCode: string,
  update: UpdateDefinition<Receipt, [Req]>,
  request: Req,
): Promise<[Receipt, boolean]> {
  const id = requestId();
  const earlier = await partyActionOutcome(client, cycleId, partyCode, id, 2_000);
  if (earlier.state === 'recorded') return [earlier.receipt, true];
  return [await partyAction(client, cycleId, partyCode, update, request, { updateId: id, waitMs: waitMs() }), false];
}

/** How long a command waits for the cycle's answer (SOPU_ANSWER_WAIT_SECONDS) before saying "not confirmed yet". */
const waitMs = () => readConfig().answerWaitMs;

/** Every Update the CLI sends carries an id: --request-id, or one derived from the command line within a ten-minute
 * window. A command retried after its answer was lost returns the first receipt instead of acting twice. */
function requestId(): string {
  const given = program.opts<{ requestId?: string }>().requestId;
  if (given) return given;
  const argv = process.argv.slice(2);
  const window = Math.floor(Date.now() / 600_000);
  return `cli-${createHash('sha256')
    .update(JSON.stringify([argv, window]))
    .digest('hex')
    .slice(0, 32)}`;
}

/** Said when Temporal had recorded this request before: an earlier run of the same command went through. */
const again = (earlier: boolean) =>
  earlier
    ? '\nAlready recorded by an earlier run of this same command; give --request-id <new id> to send it again.'
    : '';

const printReceipt = (what: string) => (r: ControlReceipt, earlier: boolean) =>
  console.log(
    `${what} (phase now ${r.phase}; receipt ${r.updateId} at ${r.recordedAt})${r.document ? `\ndocument v${r.document.version} sha256 ${r.document.sha256}` : ''}${again(earlier)}`,
  );
const printTaskReceipt =
  (what: string) =>
  ([r, earlier]: [Receipt, boolean]) =>
    console.log(
      `${what} ${r.taskId}${r.late ? ' (late)' : ''} at ${r.recordedAt} (receipt ${r.updateId}).${again(earlier)}`,
    );

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`'${value}' is not a positive whole number`);
  return n;
};

const cycle = program.command('cycle').description('start, follow and steer negotiation cycles (secretariat)');
const by = () => new Option('--by <email>', 'who acts (default: SOPU_ACTOR or the cycle secretariat)');

cycle
  .command('start')
  .description('validate a cycle file (YAML or JSON) and start the cycle')
  .argument('<file>', 'cycle definition, e.g. examples/pirkanmaa-term.yaml')
  .option('--dry-run', 'validate only; print what would start')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const definition = readCycleFile(file);
    const valid = await withDb((db) => checkCycle(db, definition));
    const { input } = valid;
    const summary = `cycle '${input.cycleId}' (${input.kind}, ${input.period}) with ${input.parties.length} parties${valid.startsAt ? `, starting ${valid.startsAt.toISOString()}` : ''}`;
    if (options.dryRun) return console.log(`Valid: ${summary}: ${input.parties.map((p) => p.name).join(', ')}`);
    const consequence = `starting ${summary} mails ${mailedAtStart(input)} people their first task`;
    if (program.opts<{ yes?: boolean }>().yes !== true && !(await confirmed(consequence))) {
      throw new UserError(`Nothing was started: ${consequence}. Run the command again with --yes to confirm.`);
    }
    await withClient(async (client) => {
      const { workflowId } = await startCycle(client, valid, readConfig().temporal.taskQueue);
      console.log(`Started ${summary} (workflow ${workflowId}).\nFollow it: npx sopu cycle status ${input.cycleId}`);
    });
  });

cycle
  .command('list')
  .description('list cycles known to Temporal')
  .option('--json', 'print JSON')
  .action((o: { json?: boolean }) =>
    withClient(async (client) => {
      const cycles = await listCycles(client);
      if (o.json) return console.log(JSON.stringify(cycles, null, 2));
      if (!cycles.length) return console.log('No cycles.');
      for (const c of cycles)
        console.log(
          `${c.workflowId.replace(/^cycle\//, '').padEnd(40)} ${c.status.padEnd(12)} started ${c.startTime.toISOString()}`,
        );
    }),
  );

cycle
  .command('status')
  .description("show a cycle's phase, every party's tasks, documents and outcome")
  .argument('<cycle-id>')
  .option('--json', 'print JSON')
  .action((cycleId: string, options: { json?: boolean }) =>
    withClient(async (client) => {
      const status = await cycleStatus(client, cycleId);
      // The record's view of mail: messages still waiting for the mail server after LATE_MAIL_MINUTES.
      const lateMail = await withDb((db) =>
        mailLog(db, cycleId, { pendingSince: new Date(Date.now() - LATE_MAIL_MINUTES * 60_000) }),
      ).catch((err: Error) => `not known (${err.message})`);
      console.log(
        options.json ? JSON.stringify({ ...status, lateMail }, null, 2) : formatCycleStatus(status, lateMail),
      );
    }),
  );

cycle
  .command('answers')
  .description('what every party answered, commented and decided, per phase: each version, late and on-behalf marks')
  .argument('<cycle-id>')
  .option('--phase <key>', 'one phase only, e.g. preparation, round-1, signoff')
  .addOption(new Option('--format <format>', 'how to print them').choices([...ANSWER_FORMATS]).default('table'))
  .action((cycleId: string, o: { phase?: string; format: AnswerFormat }) =>
    withDb(async (db) => {
      if (!(await cycleExists(db, cycleId))) throw new UserError(`cycle '${cycleId}' not found`);
      const text = formatAnswers(await cycleAnswers(db, cycleId, o.phase), o.format);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }),
  );

cycle
  .command('goals')
  .description("the goals register: every party's goals per agenda item, from its latest answer in each phase")
  .argument('<cycle-id>')
  .addOption(new Option('--format <format>', 'how to print them').choices(['csv', 'json']).default('csv'))
  .action((cycleId: string, o: { format: 'csv' | 'json' }) =>
    withDb(async (db) => {
      if (!(await cycleExists(db, cycleId))) throw new UserError(`cycle '${cycleId}' not found`);
      const [rows, agenda] = [await cycleAnswers(db, cycleId), await cycleAgenda(db, cycleId)];
      process.stdout.write(
        o.format === 'json'
          ? `${JSON.stringify(goalsRegister(rows, agenda), null, 2)}\n`
          : goalsRegisterCsv(rows, agenda),
      );
    }),
  );

cycle
  .command('summary')
  .description('the statement summary: per phase and party, what each party said last, as a Word document')
  .argument('<cycle-id>')
  .requiredOption('--out <file>', 'where to write it, e.g. lausuntoyhteenveto.docx')
  .addOption(
    new Option('--language <language>', "the summary's language").choices([...SUMMARY_LANGUAGES]).default('fi'),
  )
  .option('--phase <key>', 'one phase only, e.g. round-1')
  .action((cycleId: string, o: { out: string; language: SummaryLanguage; phase?: string }) =>
    withDb(async (db) => {
      const cycle = await cycleNaming(db, cycleId);
      if (!cycle) throw new UserError(`cycle '${cycleId}' not found`);
      const document = await statementSummary({
        title: cycle.title,
        agenda: await cycleAgenda(db, cycleId),
        rows: await cycleAnswers(db, cycleId, o.phase),
        language: o.language,
      });
      writeFileSync(o.out, document);
      console.log(`Wrote ${o.out} (${document.length} bytes).`);
    }),
  );

cycle
  .command('publish-draft')
  .description('publish a draft version: closes the open phase and opens a consultation round')
  .argument('<cycle-id>')
  .requiredOption('--file <path>', 'the draft: Markdown, text, Word (DOCX), OpenDocument (ODT) or PDF, at most 25 MB')
  .requiredOption('--title <title>', 'title of the version')
  .addOption(by())
  .action(async (cycleId: string, o: { file: string; title: string; by?: string }) => {
    // Stored first, checked by its content; the workflow is sent only its SHA-256 and name.
    const file = await withDb((db) => storeDraft(db, { name: path.basename(o.file), bytes: readFile(o.file) }));
    return steer(cycleId, o.by, publishDraftUpdate, { title: o.title, file }, 'Published');
  });

cycle
  .command('close-phase')
  .alias('close-round')
  .description(
    'close the open phase (a round, preparation, meeting registration or sign-off); missing answers become "no response"',
  )
  .argument('<cycle-id>')
  .addOption(by())
  .action((cycleId: string, o: { by?: string }) => steer(cycleId, o.by, closePhaseUpdate, {}, 'Closed'));

cycle
  .command('schedule-meeting')
  .description('schedule (or move) the negotiation meeting; parties register their attendees')
  .argument('<cycle-id>')
  .requiredOption('--at <iso>', 'start, e.g. 2027-02-10T13:00:00+02:00')
  .option('--location <place>')
  .option('--link <url>')
  .addOption(by())
  .action((cycleId: string, o: { at: string; location?: string; link?: string; by?: string }) =>
    steer(
      cycleId,
      o.by,
      scheduleMeetingUpdate,
      { startsAt: o.at, location: o.location, link: o.link },
      'Meeting scheduled',
    ),
  );

cycle
  .command('record-minutes')
  .description(
    'record the minutes: a JSON file {"attendees": [{partyCode, name, role, organisation}], "items": [{number, title, conclusion}]}',
  )
  .argument('<cycle-id>')
  .requiredOption('--file <path>')
  .addOption(by())
  .action((cycleId: string, o: { file: string; by?: string }) => {
    const minutes = readJson(o.file) as { attendees: never; items: never };
    return steer(
      cycleId,
      o.by,
      recordMinutesUpdate,
      { attendees: minutes.attendees, items: minutes.items },
      'Minutes recorded',
    );
  });

cycle
  .command('start-sign-off')
  .description('send the final version (default: the latest draft) to every party for approval')
  .argument('<cycle-id>')
  .option('--version <n>', 'draft version that is final', positiveInt)
  .option('--without-meeting <reason>', 'go to sign-off with no meeting held: why (kept in the record)')
  .addOption(by())
  .action((cycleId: string, o: { version?: number; withoutMeeting?: string; by?: string }) =>
    steer(
      cycleId,
      o.by,
      startSignOffUpdate,
      { documentVersion: o.version, noMeetingReason: o.withoutMeeting },
      'Sign-off started',
    ),
  );

cycle
  .command('extend')
  .description("move the open phase's deadline later, for one party or all; reminders are re-planned")
  .argument('<cycle-id>')
  .requiredOption('--days <n>', 'working days to add', positiveInt)
  .requiredOption('--reason <text>')
  .option('--party <code>', 'only this party')
  .addOption(by())
  .action((cycleId: string, o: { days: number; reason: string; party?: string; by?: string }) =>
    steer(
      cycleId,
      o.by,
      extendDeadlineUpdate,
      { workingDays: o.days, reason: o.reason, partyCode: o.party },
      'Deadline extended',
    ),
  );

cycle
  .command('replace-participant')
  .description("replace one of a party's participants; the new one receives the open tasks")
  .argument('<cycle-id>')
  .argument('<party-code>')
  .requiredOption('--old <email>')
  .requiredOption('--name <name>')
  .requiredOption('--email <email>')
  .addOption(new Option('--role <role>').choices(['contact', 'signatory', 'member']).makeOptionMandatory())
  .addOption(new Option('--language <lang>').choices(['fi', 'sv', 'en']))
  .requiredOption('--reason <text>')
  .addOption(by())
  .action(
    (
      cycleId: string,
      partyCode: string,
      o: { old: string; name: string; email: string; role: 'contact'; language?: 'fi'; reason: string; by?: string },
    ) =>
      steer(
        cycleId,
        o.by,
        replaceParticipantUpdate,
        {
          partyCode,
          oldEmail: o.old,
          participant: { name: o.name, email: o.email, role: o.role, language: o.language },
          reason: o.reason,
        },
        'Participant replaced',
      ),
  );

cycle
  .command('record')
  .description("record a party's answer or sign-off on its behalf (e.g. received by post), with the reason")
  .argument('<cycle-id>')
  .argument('<party-code>')
  .requiredOption('--reason <text>', 'why the secretariat records it')
  .addOption(new Option('--text <text>', 'the answer').conflicts(['noComments', 'approve', 'reject']))
  .addOption(new Option('--no-comments', '"no comments" to a consultation round').conflicts(['approve', 'reject']))
  .addOption(new Option('--approve <decision-reference>').conflicts('reject'))
  .option('--reject <reason>')
  .addOption(by())
  .action(
    (
      cycleId: string,
      partyCode: string,
      o: { reason: string; text?: string; comments?: boolean; approve?: string; reject?: string; by?: string },
    ) => {
      const noComments = o.comments === false;
      const signOff = o.approve
        ? { decision: 'approved' as const, decisionReference: o.approve }
        : o.reject
          ? { decision: 'rejected' as const, reason: o.reject }
          : undefined;
      if (!signOff && !o.text && !noComments) throw new UserError('give --text, --no-comments, --approve or --reject');
      return steer(
        cycleId,
        o.by,
        recordOnBehalfUpdate,
        { partyCode, reason: o.reason, ...(signOff ? { signOff } : { answer: { text: o.text, noComments } }) },
        'Recorded on behalf',
      );
    },
  );

cycle
  .command('cancel')
  .description('cancel the cycle; open tasks are cancelled and every participant is told')
  .argument('<cycle-id>')
  .requiredOption('--reason <text>')
  .addOption(by())
  .action((cycleId: string, o: { reason: string; by?: string }) =>
    steer(cycleId, o.by, cancelCycleUpdate, { reason: o.reason }, 'Cancelled'),
  );

program
  .command('mail')
  .description("the cycle's outgoing mail from the outbox: to whom, what, when, and what failed")
  .argument('<cycle-id>')
  .option('--failed', 'only messages the mail server refused')
  .option('--pending [minutes]', 'only messages still not delivered after this many minutes (default 10)')
  .option('--json', 'print JSON')
  .action(async (cycleId: string, o: { failed?: boolean; pending?: string | true; json?: boolean }) => {
    await withDb(async (db) => {
      const minutes = o.pending === undefined ? null : o.pending === true ? LATE_MAIL_MINUTES : Number(o.pending);
      if (minutes !== null && !(minutes >= 0)) throw new UserError(`--pending takes minutes, not '${o.pending}'`);
      const pendingSince = minutes === null ? undefined : new Date(Date.now() - minutes * 60_000);
      const entries = await mailLog(db, cycleId, { failedOnly: o.failed, pendingSince });
      if (o.json) return console.log(JSON.stringify(entries, null, 2));
      if (!entries.length) {
        return console.log(
          o.failed
            ? 'No failed messages.'
            : minutes !== null
              ? `No message has waited more than ${minutes} minutes.`
              : 'No messages.',
        );
      }
      for (const e of entries) {
        const when = (e.sentAt ?? e.createdAt).toISOString();
        console.log(
          `${when}  ${e.status.padEnd(7)} ${e.kind.padEnd(20)} ${e.recipient.padEnd(40)} ${e.attempts > 1 ? `(${e.attempts} attempts) ` : ''}${e.lastError && e.status !== 'sent' ? e.lastError : ''}`,
        );
      }
    });
  });

program
  .command('follow-up')
  .description("a county's follow-up report: every goal its parties set, with the status each reported on it since")
  .argument('<county>', 'the county code, e.g. 08')
  .addOption(new Option('--format <format>', 'how to print it').choices(['table', 'csv']).default('table'))
  .addOption(new Option('--language <language>', 'agenda items and statuses in').choices([...LANGUAGES]).default('fi'))
  .action((county: string, o: { format: 'table' | 'csv'; language: Language }) =>
    withDb(async (db) => {
      const lines = await followUpReport(db, county);
      process.stdout.write(
        o.format === 'csv' ? followUpCsv(lines, o.language) : `${followUpTable(lines, o.language)}\n`,
      );
    }),
  );

const audit = program.command('audit').description('export and verify the record of a cycle (auditors)');

audit
  .command('export')
  .description(
    'write the ledger, checkpoints, public key, archived histories, documents and a summary, with a manifest',
  )
  .argument('<cycle-id>')
  .requiredOption('--out <dir>', 'folder to write (created)')
  .action(async (cycleId: string, o: { out: string }) => {
    await withDb(async (db) => {
      const { files } = await exportCycle(db, cycleId, o.out);
      console.log(`Exported ${files} files to ${o.out}. Check them with: npx sopu audit verify ${o.out}`);
    });
  });

/** The keys `audit verify` trusts: given from outside the export (a county publishes its fingerprint), or, for
 * --live on Sopu's own machine, the key the worker signs with. */
function trustedKeys(o: { key?: string[]; fingerprint?: string[]; live?: string }): TrustedKeys {
  const keys = (o.key ?? []).map((file) =>
    createPublicKey(readFileSync(file, 'utf8')).export({ type: 'spki', format: 'pem' }).toString(),
  );
  const fingerprints = o.fingerprint ?? [];
  if (!keys.length && !fingerprints.length && o.live) {
    const pem = readConfig().auditKeyPem;
    if (pem) keys.push(auditSigner(pem).publicKeyPem);
  }
  if (!keys.length && !fingerprints.length)
    throw new UserError(
      "give the county's public key (--key FILE) or its fingerprint (--fingerprint SHA256:…): a key found in the export proves nothing",
    );
  return { keys, fingerprints };
}

audit
  .command('verify')
  .description('verify an export folder (or --live, a cycle in the database); exits 0 only when everything holds')
  .argument('[dir]')
  .option('--live <cycle-id>', 'verify a cycle straight from the database, and its tables against the ledger')
  .option('--key <files...>', "the county's public key(s), PEM, as it publishes them")
  .option('--fingerprint <fingerprints...>', "the county's published key fingerprint(s), SHA256:…")
  .option('--no-replay', 'skip replaying the histories with the workflow code that ran them')
  .action(
    async (dir: string | undefined, o: { live?: string; replay: boolean; key?: string[]; fingerprint?: string[] }) => {
      if (!dir && !o.live) throw new UserError('give an export folder, or --live <cycle-id>');
      const trusted = trustedKeys(o);
      // Loaded here, not at start: the worker runtime replays histories and would slow every other command.
      const [{ verifyExport }, { verifyLive }, { prebuiltWorkflowBundle }, { DefaultLogger, Runtime }] =
        await Promise.all([
          import('./audit/verify.js'),
          import('./audit/verify-live.js'),
          import('../worker/workflow-bundle.js'),
          import('@temporalio/worker'),
        ]);
      // Findings only: the replay's own logging is not for the auditor.
      Runtime.install({ logger: new DefaultLogger('ERROR') });
      const workflowBundle = o.replay
        ? { code: readFileSync((await prebuiltWorkflowBundle()).codePath, 'utf8') }
        : undefined;
      const live = o.live;
      const problems = live
        ? await withDb((db) => verifyLive(db, live, { workflowBundle, trusted }))
        : await verifyExport(dir!, { workflowBundle, trusted });
      if (problems.length) {
        console.log(`FAILED: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
        for (const p of problems) console.log(`  - ${p}`);
        process.exitCode = 1;
      } else
        console.log(
          `OK: manifest, hash chain, checkpoints signed by a trusted key, the closing line, documents, the ledger's content against the histories${live ? ', the tables against the ledger' : ''}${workflowBundle ? ', replay' : ''} all hold.`,
        );
    },
  );

audit
  .command('fingerprint')
  .description(
    'print the fingerprint of the key that signs the ledger (SOPU_AUDIT_KEY), or of a public key file, to publish',
  )
  .option('--key <file>', 'a public or private key file (PEM)')
  .action((o: { key?: string }) => {
    const pem = o.key ? readFileSync(o.key, 'utf8') : readConfig().auditKeyPem;
    if (!pem) throw new UserError('SOPU_AUDIT_KEY is not set here: give the key with --key FILE');
    console.log(fingerprintOf(createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString()));
  });

const calendar = program
  .command('calendar')
  .description('the statutory calendar: Temporal Schedules that start cycles (secretariat)');

calendar
  .command('install')
  .description(
    "create or update a county's schedules (annual §7, term §14, the ministries' §13 a; Helsinki: with HUS, §6(5)), or every county's; unchanged ones are left alone",
  )
  .option('--county <code>', 'one county, e.g. 08 (90: Helsinki)')
  .option('--all', 'every county')
  .option('--annual-date <MM-DD>', 'day of the annual (§7) cycle and of Helsinki–HUS', '09-01')
  .option('--annual-time <HH:mm>', 'time of the annual cycle, Helsinki time', '09:00')
  .option('--term-offset-months <n>', 'months after the start of each council term for the term (§14) cycle', '6')
  .option(
    '--ministry-date <MM-DD>',
    "day the county's preparation for the ministries' negotiation (§13 a) starts",
    '08-15',
  )
  .option(
    '--allow-incomplete',
    'install for a county whose directory names no secretariat (the operator is told of failed starts)',
  )
  .action(
    (o: {
      county?: string;
      all?: boolean;
      annualDate: string;
      annualTime: string;
      termOffsetMonths: string;
      ministryDate: string;
      allowIncomplete?: boolean;
    }) =>
      withClient(async (client) => {
        if (!o.county === !o.all) throw new UserError('give --county <code> or --all');
        if (o.allowIncomplete && !readConfig().operatorEmail)
          throw new UserError(
            '--allow-incomplete needs SOPU_OPERATOR_EMAIL: where the directory names no secretariat, the operator is who is told of a failed start',
          );
        const [month, day] = o.annualDate.split('-').map(Number);
        const [hour, minute] = o.annualTime.split(':').map(Number);
        const [ministryMonth, ministryDay] = o.ministryDate.split('-').map(Number);
        if (![month, day, hour, minute, ministryMonth, ministryDay].every((n) => Number.isInteger(n)))
          throw new UserError('--annual-date and --ministry-date are MM-DD, --annual-time HH:mm');
        await withDb(async (db) => {
          const known = await countyCodes(db);
          const counties = o.all ? known : [o.county!];
          if (o.county && !known.includes(o.county)) throw new UserError(`unknown county '${o.county}'`);
          const results = await installCalendar(
            client,
            db,
            counties,
            {
              annual: { month: month!, day: day!, hour: hour!, minute: minute! },
              termOffsetMonths: Number(o.termOffsetMonths),
              ministry: { month: ministryMonth!, day: ministryDay!, hour: hour!, minute: minute! },
            },
            undefined,
            { allowIncomplete: o.allowIncomplete },
          );
          for (const r of results)
            if ('scheduleId' in r) console.log(`${r.scheduleId}: ${r.result}`);
            else if ('skipped' in r) console.log(`${r.countyCode}: not scheduled: ${r.skipped}`);
            else console.error(`${r.countyCode}: REFUSED: ${r.refused}`);
          const refused = results.filter((r) => 'refused' in r).length;
          if (refused) throw new UserError(`${refused} ${refused === 1 ? 'county was' : 'counties were'} refused`);
        });
      }),
  );

calendar
  .command('list')
  .description('the installed schedules: next runs, paused or not, and what each last run did')
  .option('--json', 'print JSON')
  .action((o: { json?: boolean }) =>
    withClient((client) =>
      withDb(async (db) => {
        const schedules = await listCalendar(client, db);
        if (o.json) return console.log(JSON.stringify(schedules, null, 2));
        for (const s of schedules) {
          const state = s.paused ? 'PAUSED ' : s.lastRun?.outcome === 'missing' ? 'FAILING' : 'active ';
          console.log(
            `${s.scheduleId.padEnd(22)} ${state} next ${s.nextRuns.join(', ') || '–'}${s.note ? `  (${s.note})` : ''}\n${' '.repeat(23)}${lastRunLine(s.lastRun)}`,
          );
        }
      }),
    ),
  );

for (const [name, describe] of [
  ['pause', 'pause a schedule (it starts nothing until resumed)'],
  ['resume', 'resume a paused schedule'],
  ['trigger', 'run a schedule now (e.g. after fixing the directory)'],
] as const) {
  calendar
    .command(name)
    .description(describe)
    .argument('<schedule-id>', 'e.g. sopu-annual-08')
    .option('--note <text>')
    .action((id: string, o: { note?: string }) =>
      withClient(async (client) => {
        const handle = client.schedule.getHandle(id);
        if (name === 'pause') await handle.pause(o.note);
        else if (name === 'resume') await handle.unpause(o.note);
        else await handle.trigger();
        console.log(`${id}: ${name === 'trigger' ? 'triggered' : `${name}d`}`);
      }),
    );
}

program
  .command('directory')
  .description('the party directory: default participants of each party, and each county secretariat')
  .command('import')
  .description('import a CSV (party_code,name,email,role,language); all or nothing, every bad row named')
  .argument('<file>')
  .action(async (file: string) => {
    await withDb(async (db) => {
      const { imported, parties, problems } = await importDirectory(db, readText(file));
      if (problems.length)
        throw new UserError(`Nothing imported; fix these rows:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      console.log(`Imported ${imported} entries for ${parties} parties.`);
    });
  });

program
  .command('reference')
  .description('reference data: counties and municipalities')
  .command('import')
  .description("load a new year's classification (mergers end the merged municipality)")
  .requiredOption('--counties <file>', 'CSV: code,name_fi,name_sv,name_en')
  .requiredOption('--municipalities <file>', 'CSV: code,name_fi,name_sv,name_en,county_code,language_code')
  .requiredOption('--valid-from <date>', 'e.g. 2027-01-01')
  .action(async (o: { counties: string; municipalities: string; validFrom: string }) => {
    await withDb(async (db) => {
      const r = await importReference(db, {
        counties: readText(o.counties),
        municipalities: readText(o.municipalities),
        validFrom: o.validFrom,
      });
      console.log(
        `${r.counties} counties, ${r.municipalities} municipalities from ${o.validFrom}${r.ended.length ? `; ended: ${r.ended.join(', ')}` : ''}.`,
      );
    });
  });

program
  .command('compliance')
  .description('who has negotiated: the term (§14) and annual (§7) negotiations per county and municipality')
  .option('--term <period>', 'council term', '2025-2029')
  .option('--year <year...>', 'year(s) of the annual negotiation (default: this year)')
  .option('--county <code>')
  .addOption(new Option('--format <format>').choices(['table', 'csv', 'json']).default('table'))
  .action(async (o: { term: string; year?: string[]; county?: string; format: 'table' | 'csv' | 'json' }) => {
    const years = (o.year ?? [String(new Date().getFullYear())]).map(Number);
    await withDb(async (db) => {
      const rows = await complianceReport(db, {
        term: o.term,
        years,
        county: o.county,
        on: new Date().toISOString().slice(0, 10),
      });
      process.stdout.write(
        o.format === 'json'
          ? JSON.stringify(rows, null, 2) + '\n'
          : o.format === 'csv'
            ? complianceCsv(rows, years)
            : complianceTable(rows, years) + '\n',
      );
    });
  });

program
  .command('user')
  .description('accounts for the web pages')
  .command('hash')
  .description('read a password from standard input and print its hash for SOPU_USERS (email:role:hash)')
  .action(async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const password = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
    if (password.length < 12) throw new UserError('use a password of at least 12 characters');
    console.log(hashPassword(password));
  });

const task = program.command('task').description("act on a party's open task as one of its participants");

task
  .command('answer')
  .description('answer the input task or comment on the draft of the open round')
  .argument('<cycle-id>')
  .argument('<party-code>', 'municipality (3 digits), county (2 digits) or organisation code')
  .requiredOption('--as <email>', 'the participant answering')
  .addOption(new Option('--text <text>', 'the answer or comment').conflicts('noComments'))
  .option('--no-comments', 'no comments to this draft')
  .action((cycleId: string, partyCode: string, o: { as: string; text?: string; comments?: boolean }) =>
    withClient(async (client) => {
      const { taskId } = await openTask(client, cycleId, partyCode);
      const request =
        o.comments === false
          ? { taskId, participantEmail: o.as, noComments: true }
          : { taskId, participantEmail: o.as, text: o.text };
      printTaskReceipt('Recorded answer to')(await act(client, cycleId, partyCode, submitAnswerUpdate, request));
    }),
  );

task
  .command('register')
  .description('register who attends the meeting for the party')
  .argument('<cycle-id>')
  .argument('<party-code>')
  .requiredOption('--as <email>')
  .requiredOption(
    '--attendee <name;role;organisation...>',
    'one per attendee, e.g. "Anna Virtanen;kunnanjohtaja;Nokian kaupunki"',
  )
  .action((cycleId: string, partyCode: string, o: { as: string; attendee: string[] }) =>
    withClient(async (client) => {
      const { taskId } = await openTask(client, cycleId, partyCode);
      const attendees = o.attendee.map((a) => {
        const [name = '', role = '', organisation = ''] = a.split(';').map((s) => s.trim());
        return { name, role, organisation };
      });
      printTaskReceipt('Registered attendees for')(
        await act(client, cycleId, partyCode, registerAttendeesUpdate, { taskId, participantEmail: o.as, attendees }),
      );
    }),
  );

task
  .command('sign-off')
  .description('approve or reject the final version for the party, as its signatory')
  .argument('<cycle-id>')
  .argument('<party-code>')
  .requiredOption('--as <email>', 'the signatory')
  .addOption(
    new Option(
      '--approve <decision-reference>',
      'approve, citing the decision, e.g. "Kunnanhallitus 12.3.2026 § 45"',
    ).conflicts('reject'),
  )
  .option('--reject <reason>', 'reject, with the reason')
  .option('--sha256 <hash>', 'the SHA-256 of the final version you read (default: the one the task shows)')
  .action((cycleId: string, partyCode: string, o: { as: string; approve?: string; reject?: string; sha256?: string }) =>
    withClient(async (client) => {
      if (!o.approve && !o.reject) throw new UserError('give --approve <decision-reference> or --reject <reason>');
      const open = await openTask(client, cycleId, partyCode);
      if (open.kind !== 'signoff' || !open.document)
        throw new UserError(`party ${partyCode}'s open task is ${open.kind}, not sign-off`);
      const decision = o.approve
        ? { decision: 'approved' as const, decisionReference: o.approve }
        : { decision: 'rejected' as const, reason: o.reject };
      const request = {
        taskId: open.taskId,
        participantEmail: o.as,
        documentSha256: o.sha256 ?? open.document.sha256,
        ...decision,
      };
      printTaskReceipt('Recorded sign-off for')(await act(client, cycleId, partyCode, signOffUpdate, request));
    }),
  );

program.parseAsync().catch((err: unknown) => {
  if (err instanceof NotConfirmedYet) {
    // Neither recorded nor refused as far as anyone knows yet: a distinct exit status, and how to settle it.
    console.error(`Not confirmed yet: ${err.message.replace(/^not confirmed yet: /, '')}. Run the same command again.`);
    process.exit(75);
  }
  if (err instanceof CycleFileError || err instanceof UserError || err instanceof FileRefused)
    console.error(err.message);
  else console.error(`sopu: ${(err as Error).message}`);
  process.exit(1);
});

// What every `sopu` command shares: the connections it opens for one command and closes after, the request id that
// makes it safe to repeat, asking before a control that closes tasks, reading files, and printing receipts. The
// process that runs the CLI (worker/sopu.ts) hands in the configuration and today's workflow bundle.
import type { Language } from '../../core/contracts';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Option, type Command } from 'commander';
import type { SopuConfig } from '../../core/config';
import {
  ErrorType,
  MAX_DOCUMENT_LENGTH,
  MAX_DRAFT_BYTES,
  type ControlReceipt,
  type Receipt,
} from '../../core/contracts';
import { TextEncodingError, utf8Text } from '../../core/domain/text';
import type { ControlName, ControlRequest } from '../../core/requests';
import type { connectDb } from '../../db/connect';
import { UserError } from '../user-error';

// The Temporal client, the PostgreSQL driver and the request schemas are loaded by the commands that use them, not
// at start: `sopu --help` and the commands that need neither stay quick.
const clients = () => import('../cycles.js');

export interface CliDeps {
  /** The configuration, read when a command first needs it: `--help` works whatever the environment holds. */
  config: () => SopuConfig;
  /** DATABASE_URL, or the database of the `npm start` running in this checkout. */
  databaseUrl: () => string;
  /** Today's workflow bundle, to replay histories with. */
  workflowBundleCode: () => Promise<string>;
}

/** Files the CLI reads are text: UTF-8 only, and no larger than what they are for can hold. */
const MAX_TEXT_FILE_BYTES = 4 * MAX_DOCUMENT_LENGTH;

const unreadable = (file: string, err: unknown) =>
  new UserError(
    `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
  );

/** A file's bytes, for an upload (its size and type are checked by what stores it). */
function readFile(file: string): Buffer {
  try {
    if (statSync(file).size > MAX_DRAFT_BYTES) throw new UserError(`${file}: larger than ${MAX_DRAFT_BYTES} bytes`);
    return readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw unreadable(file, err);
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
    throw unreadable(file, err);
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

const by = () => new Option('--by <email>', 'who acts (default: SOPU_ACTOR or the cycle secretariat)');

export function cliKit(program: Command, deps: CliDeps) {
  const yes = () => program.opts<{ yes?: boolean }>().yes === true;
  /** The global --language, when given. */
  const language = () => program.opts<{ language?: Language }>().language;

  async function withClient<T>(run: (client: Client) => Promise<T>): Promise<T> {
    const { connectClient } = await import('../temporal.js');
    const client = await connectClient(deps.config());
    try {
      return await run(client);
    } finally {
      await client.connection.close();
    }
  }

  /** Commands that read or write Postgres directly (the record, the directory, reports). */
  async function withDb<T>(run: (db: ReturnType<typeof connectDb>) => Promise<T>): Promise<T> {
    const db = (await import('../../db/connect.js')).connectDb(deps.databaseUrl(), 1);
    try {
      return await run(db);
    } finally {
      await db.destroy();
    }
  }

  /** How long a command waits for the cycle's answer (SOPU_ANSWER_WAIT_SECONDS) before "not confirmed yet". */
  const waitMs = () => deps.config().answerWaitMs;

  /** Every Update the CLI sends carries an id: --request-id, or one derived from the command line within a
   * ten-minute window. A command retried after its answer was lost returns the first receipt instead of acting
   * twice. */
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

  /** The secretariat member acting: --by, or SOPU_ACTOR, or the cycle's secretariat address. */
  async function actor(client: Client, cycleId: string, given: string | undefined): Promise<string> {
    return given ?? process.env.SOPU_ACTOR ?? (await (await clients()).cycleStatus(client, cycleId)).secretariat.email;
  }

  /** Runs a secretariat control as the acting member and prints its receipt. */
  function steer<K extends ControlName>(
    cycleId: string,
    acting: string | undefined,
    name: K,
    request: Omit<ControlRequest<K>, 'by'>,
    done: string,
  ) {
    return withClient(async (client) => {
      const [{ control, controlOutcome }, { CONTROL_UPDATES }, { CYCLE_CONTROLS }] = await Promise.all([
        clients(),
        import('../../workflows/cycle/messages.js'),
        import('../../core/requests/index.js'),
      ]);
      const id = requestId();
      const earlier = await controlOutcome(client, cycleId, id, 2_000);
      if (earlier.state === 'recorded') return printReceipt(done)(earlier.receipt, true);
      const full = { ...request, by: await actor(client, cycleId, acting) } as ControlRequest<K>;
      // --yes confirms what a control would do; a control that asks nothing takes no confirmation.
      const confirmable = 'confirm' in CYCLE_CONTROLS[name].schema.shape;
      const send = (confirm: boolean) =>
        control(client, cycleId, CONTROL_UPDATES[name], confirm && confirmable ? { ...full, confirm } : full, {
          updateId: id,
          waitMs: waitMs(),
        });
      try {
        printReceipt(done)(await send(yes()), false);
      } catch (err) {
        // The cycle says what the control would do (close unanswered tasks, end the cycle): ask before doing it.
        if (!(err instanceof UserError) || err.type !== ErrorType.confirmationNeeded) throw err;
        const lang = language();
        const words = lang ? await import('./in-language.js') : null;
        const what = words && lang && err.refusal ? words.refusalSentence(lang, err.refusal) : err.message;
        if (!(await confirmed(what))) {
          throw new UserError(
            words && lang
              ? words.nothingChanged(lang, what)
              : `Nothing was changed: ${err.message}. Run the command again with --yes to confirm.`,
          );
        }
        printReceipt(done)(await send(true), false);
      }
    });
  }

  /** A participant's action under this command's request id, unless Temporal has recorded that request already. */
  async function act<Req>(
    client: Client,
    cycleId: string,
    partyCode: string,
    update: UpdateDefinition<Receipt, [Req]>,
    request: Req,
  ): Promise<[Receipt, boolean]> {
    const { partyAction, partyActionOutcome } = await clients();
    const id = requestId();
    const earlier = await partyActionOutcome(client, cycleId, partyCode, id, 2_000);
    if (earlier.state === 'recorded') return [earlier.receipt, true];
    return [await partyAction(client, cycleId, partyCode, update, request, { updateId: id, waitMs: waitMs() }), false];
  }

  return {
    config: deps.config,
    workflowBundleCode: deps.workflowBundleCode,
    yes,
    language,
    withClient,
    withDb,
    steer,
    act,
    confirmed,
    readFile,
    readText,
    readJson,
    printTaskReceipt,
    positiveInt,
    by,
  };
}

export type CliKit = ReturnType<typeof cliKit>;

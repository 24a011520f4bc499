// `sopu cycle …`: start a cycle from a file, list and follow cycles, and read what the parties answered.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { cycleAnswers } from '../../db/answers';
import { cycleAgenda, cycleExists, cycleNaming, cycleParties } from '../../db/web-queries';
import { mailLog } from '../../db/mail-log';
import { LATE_MAIL_MINUTES } from '../../core/contracts';
import { checkCycle, mailedAtStart, readCycleFile } from '../cycle-file';
import { cycleStatus, firstTasksOpen, listCycles, startCycle, UserError } from '../cycles';
import { ANSWER_FORMATS, formatAnswers, goalsRegister, goalsRegisterCsv, type AnswerFormat } from '../answers';
import { formatCycleStatus } from '../format-status';
import { SUMMARY_LANGUAGES, statementSummary, type SummaryLanguage } from '../statement-summary';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
/** How long `cycle start` waits for the parties' first tasks to open before saying they are still opening. */
const FIRST_TASKS_WAIT_MS = 30_000;

export function registerCycleCommands(program: Command, kit: CliKit): Command {
  const { config, yes, withClient, withDb, confirmed } = kit;
  const cycle = program.command('cycle').description(DESCRIPTIONS.cycle);
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
      if (!yes() && !(await confirmed(consequence))) {
        throw new UserError(`Nothing was started: ${consequence}. Run the command again with --yes to confirm.`);
      }
      await withClient(async (client) => {
        const { workflowId } = await startCycle(client, valid, config().temporal.taskQueue);
        // Returns once every party's first task is open (an answer sent before that would be refused), or says so.
        const opened = valid.startsAt ? null : await firstTasksOpen(client, input.cycleId, FIRST_TASKS_WAIT_MS);
        const tasks = !opened
          ? ''
          : opened.open === opened.of
            ? " Every party's first task is open."
            : ` The parties' first tasks are still opening (${opened.open} of ${opened.of} open); answers can be sent once they are.`;
        console.log(
          `Started ${summary} (workflow ${workflowId}).${tasks}\nFollow it: npx sopu cycle status ${input.cycleId}`,
        );
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
        const text = formatAnswers(
          await cycleAnswers(db, cycleId, o.phase),
          o.format,
          'en',
          await cycleAgenda(db, cycleId),
        );
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
    .option('--phase <key>', 'one phase only, e.g. round-1')
    // In the global --language: Finnish (the default) or Swedish.
    .action((cycleId: string, o: { out: string; phase?: string }) =>
      withDb(async (db) => {
        const language = kit.language() ?? 'fi';
        if (!SUMMARY_LANGUAGES.includes(language as SummaryLanguage))
          throw new UserError('the statement summary is written in Finnish or Swedish: --language fi or sv');
        const cycle = await cycleNaming(db, cycleId);
        if (!cycle) throw new UserError(`cycle '${cycleId}' not found`);
        const document = await statementSummary({
          title: cycle.title,
          agenda: await cycleAgenda(db, cycleId),
          rows: await cycleAnswers(db, cycleId, o.phase),
          parties: await cycleParties(db, cycleId),
          language: language as SummaryLanguage,
        });
        writeFileSync(o.out, document);
        console.log(`Wrote ${o.out} (${document.length} bytes).`);
      }),
    );

  return cycle;
}

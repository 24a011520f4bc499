// The `sopu` command line: `npm run sopu -- <command>`. Connection settings come from the environment
// (TEMPORAL_ADDRESS etc., see README); without them it talks to the dev server `npm start` runs.
import { Command, Option } from 'commander';
import { readConfig } from '../worker/config';
import { CycleFileError, readCycleFile } from './cycle-file';
import { cycleStatus, signOff, startCycle, submitAnswer, UserError } from './cycles';
import { formatCycleStatus } from './format-status';
import { connectClient } from './temporal';

const program = new Command('sopu').description('Statutory negotiation cycles between a wellbeing services county and its municipalities');

async function withClient<T>(run: (client: Awaited<ReturnType<typeof connectClient>>) => Promise<T>): Promise<T> {
  const client = await connectClient(readConfig());
  try {
    return await run(client);
  } finally {
    await client.connection.close();
  }
}

const cycle = program.command('cycle').description('start and follow negotiation cycles');

cycle
  .command('start')
  .description('validate a cycle file (YAML or JSON) and start the cycle')
  .argument('<file>', 'cycle definition, e.g. examples/pirkanmaa-term.yaml')
  .option('--dry-run', 'validate only; print the parties that would take part')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const input = readCycleFile(file);
    if (options.dryRun) {
      console.log(`Valid: cycle '${input.cycleId}' with ${input.parties.length} parties: ${input.parties.map((p) => p.name).join(', ')}`);
      return;
    }
    await withClient(async (client) => {
      const { workflowId } = await startCycle(client, input);
      console.log(`Started cycle '${input.cycleId}' (workflow ${workflowId}) with ${input.parties.length} parties.`);
      console.log(`Follow it: npm run sopu -- cycle status ${input.cycleId}`);
    });
  });

cycle
  .command('status')
  .description("show a cycle's phase, its parties' tasks and the outcome")
  .argument('<cycle-id>')
  .option('--json', 'print JSON')
  .action(async (cycleId: string, options: { json?: boolean }) => {
    const status = await withClient((client) => cycleStatus(client, cycleId));
    console.log(options.json ? JSON.stringify(status, null, 2) : formatCycleStatus(status));
  });

const task = program.command('task').description("act on a party's task as one of its participants");

task
  .command('answer')
  .description("answer a party's input task")
  .argument('<cycle-id>')
  .argument('<party-code>', 'municipality (3 digits) or county (2 digits) code')
  .requiredOption('--as <email>', 'the participant answering')
  .requiredOption('--text <text>', 'the answer')
  .action(async (cycleId: string, partyCode: string, options: { as: string; text: string }) => {
    const receipt = await withClient(async (client) => {
      const { parties } = await cycleStatus(client, cycleId);
      const open = parties.find((p) => p.partyCode === partyCode)?.tasks.find((t) => t.kind === 'input');
      if (!open) throw new UserError(`party ${partyCode} has no input task in cycle '${cycleId}'`);
      return submitAnswer(client, cycleId, partyCode, { taskId: open.taskId, participantEmail: options.as, text: options.text });
    });
    console.log(`Recorded answer to ${receipt.taskId} at ${receipt.recordedAt} (receipt ${receipt.updateId}).`);
  });

task
  .command('sign-off')
  .description("approve or reject the outcome for a party, as its signatory")
  .argument('<cycle-id>')
  .argument('<party-code>')
  .requiredOption('--as <email>', 'the signatory')
  .addOption(new Option('--approve <decision-reference>', 'approve, citing the decision, e.g. "Kunnanhallitus 12.3.2026 § 45"').conflicts('reject'))
  .addOption(new Option('--reject <reason>', 'reject, with the reason'))
  .action(async (cycleId: string, partyCode: string, options: { as: string; approve?: string; reject?: string }) => {
    if (!options.approve && !options.reject) throw new UserError('give --approve <decision-reference> or --reject <reason>');
    const receipt = await withClient(async (client) => {
      const { parties } = await cycleStatus(client, cycleId);
      const open = parties.find((p) => p.partyCode === partyCode)?.tasks.find((t) => t.kind === 'signoff');
      if (!open) throw new UserError(`party ${partyCode} has no sign-off task yet in cycle '${cycleId}'`);
      return signOff(client, cycleId, partyCode, {
        taskId: open.taskId,
        participantEmail: options.as,
        ...(options.approve ? { decision: 'approved', decisionReference: options.approve } : { decision: 'rejected', reason: options.reject }),
      });
    });
    console.log(`Recorded sign-off for ${receipt.taskId} at ${receipt.recordedAt} (receipt ${receipt.updateId}).`);
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CycleFileError || err instanceof UserError) console.error(err.message);
  else console.error(`sopu: ${(err as Error).message}`);
  process.exit(1);
});

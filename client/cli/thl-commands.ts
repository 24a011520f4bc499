// THL's figures from the command line, for operators: fetch them now (as the nightly schedule does) and say what
// came, or why nothing did.
import type { Command } from 'commander';
import { UserError } from '../cycles';
import { fetchThlFiguresNow } from '../thl';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';

export function registerThlCommands(program: Command, kit: CliKit): void {
  const thl = program.command('thl').description(DESCRIPTIONS.thl);
  thl
    .command('fetch')
    .description(
      "fetch THL's catalogue and the figures of the indicators goals and running cycles name (or those given) now",
    )
    .option('--indicator <id...>', 'only these indicators (Sotkanet numbers)')
    .action(async (o: { indicator?: string[] }) => {
      const indicators = (o.indicator ?? []).map((id) => {
        if (!/^\d{1,8}$/.test(id)) throw new UserError(`--indicator takes Sotkanet numbers, not '${id}'`);
        return Number(id);
      });
      await kit.withClient(async (client) => {
        const { workflowId, result } = await fetchThlFiguresNow(client, kit.config().temporal.taskQueue, {
          indicators,
        });
        console.log(`Fetching THL's figures (workflow ${workflowId})…`);
        const outcome = await result();
        if ('notFetched' in outcome)
          throw new UserError(
            `THL's figures could not be fetched: ${outcome.notFetched}. The figures fetched before are kept.`,
          );
        const { indicators: fetched, values, catalogue } = outcome.fetched;
        console.log(
          `Fetched ${values} values of ${fetched.length} indicators (${fetched.join(', ') || 'none named'})${catalogue === null ? '' : `, and the catalogue of ${catalogue} indicators`}.`,
        );
      });
    });
}

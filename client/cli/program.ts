// The `sopu` command line: the top-level command it is given is registered from its own file (client/cli/commands.ts),
// so a command loads only what it uses. Connection settings come from the environment (TEMPORAL_ADDRESS etc., see
// README); without them it talks to the dev server and the database that `npm start` runs. The process entry is
// worker/sopu.ts, which hands in the configuration.
import { Command, Option } from 'commander';
import { LANGUAGES, type Language } from '../../core/contracts';
import { NotConfirmedYet, UserError } from '../user-error';
import { REGISTERS, type TopCommand } from './commands';
import { DESCRIPTIONS } from './descriptions';
import { cliKit, type CliDeps } from './kit';

/** The top-level command a command line names (after the global options), if it names one. */
function named(argv: string[]): TopCommand | null {
  // The global options that take a value: their value is not a command's name.
  const valued = ['--request-id', '--language'];
  const words = argv.filter((arg, i) => !arg.startsWith('-') && !valued.includes(argv[i - 1] ?? ''));
  const first = words[0] === 'help' ? words[1] : words[0];
  return first && first in REGISTERS ? (first as TopCommand) : null;
}

export async function sopuProgram(deps: CliDeps, argv: string[] = process.argv.slice(2)): Promise<Command> {
  const program = new Command('sopu')
    .description(
      'Statutory negotiation cycles between a wellbeing services county and its municipalities. The command acts as an operator: it holds the database and Temporal, sees every county, and is not scoped like the web pages',
    )
    .addOption(
      new Option(
        '--language <language>',
        "the language of refusals, a cycle file's problems and the documents and reports that have one (default: English; documents Finnish)",
      ).choices([...LANGUAGES]),
    )
    .option('--yes', 'confirm what a control would do (close unanswered tasks, end the cycle) without being asked')
    .option(
      '--request-id <id>',
      'the id that makes a control or an answer safe to repeat: sent again, it returns the first receipt ' +
        '(default: derived from the command line, the same for ten minutes)',
    );
  const kit = cliKit(program, deps);
  const command = named(argv);
  if (command) (await REGISTERS[command]())(program, kit);
  else {
    // The overview (`sopu --help`, or a command it does not know): every command by name, none loaded.
    for (const [name, description] of Object.entries(DESCRIPTIONS)) program.command(name).description(description);
  }
  return program;
}

/** Runs the command line; a failure is one line in the reader's terms and an exit status scripts can act on. */
export function runSopu(deps: CliDeps): void {
  let language: Language | undefined;
  sopuProgram(deps)
    .then((program) => {
      program.hook('preAction', () => void (language = program.opts<{ language?: Language }>().language));
      return program.parseAsync();
    })
    .catch(async (err: unknown) => {
      if (err instanceof NotConfirmedYet) {
        // Neither recorded nor refused as far as anyone knows yet: a distinct exit status, and how to settle it.
        console.error(
          `Not confirmed yet: ${err.message.replace(/^not confirmed yet: /, '')}. Run the same command again.`,
        );
        process.exit(75);
      }
      const [{ CycleFileError }, { FileRefused }] = await Promise.all([
        import('../../core/domain/cycle-definition.js'),
        import('../../core/domain/file-types.js'),
      ]);
      if (language && (err instanceof CycleFileError || err instanceof UserError)) {
        console.error(await (await import('./in-language.js')).errorIn(language, err));
      } else if (err instanceof CycleFileError || err instanceof UserError || err instanceof FileRefused)
        console.error(err.message);
      else console.error(`sopu: ${(err as Error).message}`);
      process.exit(1);
    });
}

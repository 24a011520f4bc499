// The `sopu` command line: every command group registered on one commander program. Connection settings come from
// the environment (TEMPORAL_ADDRESS etc., see README); without them it talks to the dev server and the database
// that `npm start` runs. The process entry is worker/sopu.ts, which hands in the configuration.
import { Command } from 'commander';
import { CycleFileError } from '../../core/domain/cycle-definition';
import { FileRefused } from '../../core/domain/file-types';
import { NotConfirmedYet, UserError } from '../cycles';
import { registerAdminCommands } from './admin-commands';
import { registerAuditCommands } from './audit-commands';
import { registerCalendarCommands } from './calendar-commands';
import { registerControlCommands } from './control-commands';
import { registerCycleCommands } from './cycle-commands';
import { cliKit, type CliDeps } from './kit';
import { registerReportCommands } from './report-commands';
import { registerTaskCommands } from './task-commands';

export function sopuProgram(deps: CliDeps): Command {
  const program = new Command('sopu')
    .description('Statutory negotiation cycles between a wellbeing services county and its municipalities')
    .option('--yes', 'confirm what a control would do (close unanswered tasks, end the cycle) without being asked')
    .option(
      '--request-id <id>',
      'the id that makes a control or an answer safe to repeat: sent again, it returns the first receipt ' +
        '(default: derived from the command line, the same for ten minutes)',
    );
  const kit = cliKit(program, deps);
  registerControlCommands(registerCycleCommands(program, kit), kit);
  registerReportCommands(program, kit);
  registerAuditCommands(program, kit);
  registerCalendarCommands(program, kit);
  registerAdminCommands(program, kit);
  registerTaskCommands(program, kit);
  return program;
}

/** Runs the command line; a failure is one line in the reader's terms and an exit status scripts can act on. */
export function runSopu(deps: CliDeps): void {
  sopuProgram(deps)
    .parseAsync()
    .catch((err: unknown) => {
      if (err instanceof NotConfirmedYet) {
        // Neither recorded nor refused as far as anyone knows yet: a distinct exit status, and how to settle it.
        console.error(
          `Not confirmed yet: ${err.message.replace(/^not confirmed yet: /, '')}. Run the same command again.`,
        );
        process.exit(75);
      }
      if (err instanceof CycleFileError || err instanceof UserError || err instanceof FileRefused)
        console.error(err.message);
      else console.error(`sopu: ${(err as Error).message}`);
      process.exit(1);
    });
}

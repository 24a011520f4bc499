// The `sopu` command's top-level commands: what each is for, and which file registers it. Light on purpose: the
// program loads only the file of the command it is given (and `sopu --help` none), so a command pays for the
// libraries it uses, not for every other command's.
import type { Command } from 'commander';
import type { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';

export type TopCommand = keyof typeof DESCRIPTIONS;
type Register = (program: Command, kit: CliKit) => void;

/** The file that registers each top-level command, loaded when that command is run. */
export const REGISTERS: Record<TopCommand, () => Promise<Register>> = {
  cycle: async () => {
    const [{ registerCycleCommands }, { registerControlCommands }] = await Promise.all([
      import('./cycle-commands.js'),
      import('./control-commands.js'),
    ]);
    return (program, kit) => registerControlCommands(registerCycleCommands(program, kit), kit);
  },
  mail: async () => (await import('./report-commands.js')).registerReportCommands,
  'follow-up': async () => (await import('./report-commands.js')).registerReportCommands,
  compliance: async () => (await import('./report-commands.js')).registerReportCommands,
  audit: async () => (await import('./audit-commands.js')).registerAuditCommands,
  calendar: async () => (await import('./calendar-commands.js')).registerCalendarCommands,
  directory: async () => (await import('./admin-commands.js')).registerAdminCommands,
  reference: async () => (await import('./admin-commands.js')).registerAdminCommands,
  user: async () => (await import('./admin-commands.js')).registerAdminCommands,
  task: async () => (await import('./task-commands.js')).registerTaskCommands,
  thl: async () => (await import('./thl-commands.js')).registerThlCommands,
};

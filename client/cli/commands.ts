// The `sopu` command's top-level commands: what each is for, and which file registers it. Light on purpose: the
// program loads only the file of the command it is given (and `sopu --help` none), so a command pays for the
// libraries it uses, not for every other command's.
import type { Command } from 'commander';
import type { CliKit } from './kit';

export const DESCRIPTIONS = {
  cycle: 'start, follow and steer negotiation cycles (secretariat)',
  mail: "the cycle's outgoing mail from the outbox: to whom, what, when, and what failed",
  'follow-up': "a county's follow-up report: every goal its parties set, with the status each reported on it since",
  compliance: 'who has negotiated: the term (§14) and annual (§7) negotiations per county and municipality',
  audit: 'export and verify the record of a cycle (auditors)',
  calendar: 'the statutory calendar: Temporal Schedules that start cycles (secretariat)',
  directory: 'the party directory: default participants of each party, and each county secretariat',
  reference: 'reference data: counties and municipalities',
  user: 'accounts for the web pages',
  task: "act on a party's open task as one of its participants",
} as const;

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
};

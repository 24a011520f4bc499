// `sopu task …`: a participant's answer, registration or sign-off, from the command line.
import { Command, Option } from 'commander';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../workflows/party/messages';
import { openTask, UserError } from '../cycles';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
export function registerTaskCommands(program: Command, kit: CliKit): void {
  const { withClient, act, printTaskReceipt } = kit;
  const task = program.command('task').description(DESCRIPTIONS.task);

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
    .action(
      (cycleId: string, partyCode: string, o: { as: string; approve?: string; reject?: string; sha256?: string }) =>
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
}

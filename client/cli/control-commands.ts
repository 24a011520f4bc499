// `sopu cycle <control>`: the secretariat's controls of a running cycle, each a validated Update with a receipt. A
// control whose command is more than its fields (a file to store, a minutes file, one of several kinds of answer)
// has its own here; any other declared control gets one derived from its schema's fields.
import path from 'node:path';
import { Command, Option } from 'commander';
import { storeDraft } from '../uploads';
import { UserError } from '../cycles';
import {
  CONTROL_NAMES,
  CYCLE_CONTROLS,
  requestFields,
  requestOfFields,
  type ControlName,
  type ControlRequest,
} from '../../core/requests';
import type { CliKit } from './kit';

/** `--working-days` for `workingDays`. */
const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A control's command derived from its fields: `sopu cycle <slug> <cycle-id> --<field> <value>…`. */
function derivedCommand(cycle: Command, kit: CliKit, name: ControlName): void {
  const fields = requestFields(CYCLE_CONTROLS[name].schema);
  if (!fields) throw new Error(`control ${name} needs a command of its own: its request is more than plain fields`);
  const command = cycle.command(CYCLE_CONTROLS[name].slug).description(`${name}`).argument('<cycle-id>');
  for (const f of fields) {
    const option = new Option(f.kind === 'flag' ? flagOf(f.key) : `${flagOf(f.key)} <value>`);
    if (f.choices) option.choices(f.choices);
    command.addOption(f.required && f.kind !== 'flag' ? option.makeOptionMandatory() : option);
  }
  command.addOption(kit.by()).action((cycleId: string, o: Record<string, string | boolean | undefined>) => {
    const values = Object.fromEntries(fields.map((f) => [f.key, o[f.key]]));
    const request = requestOfFields(fields, values) as Omit<ControlRequest<typeof name>, 'by'>;
    return kit.steer(cycleId, o.by as string | undefined, name, request, 'Recorded');
  });
}

export function registerControlCommands(cycle: Command, kit: CliKit): void {
  const { withDb, steer, readFile, readJson, positiveInt, by } = kit;
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
      return steer(cycleId, o.by, 'publishDraft', { title: o.title, file }, 'Published');
    });

  cycle
    .command('close-phase')
    .alias('close-round')
    .description(
      'close the open phase (a round, preparation, meeting registration or sign-off); missing answers become "no response"',
    )
    .argument('<cycle-id>')
    .addOption(by())
    .action((cycleId: string, o: { by?: string }) => steer(cycleId, o.by, 'closePhase', {}, 'Closed'));

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
        'scheduleMeeting',
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
        'recordMinutes',
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
        'startSignOff',
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
        'extendDeadline',
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
    .addOption(
      new Option('--participant-language <lang>', "the new participant's language").choices(['fi', 'sv', 'en']),
    )
    .requiredOption('--reason <text>')
    .addOption(by())
    .action(
      (
        cycleId: string,
        partyCode: string,
        o: {
          old: string;
          name: string;
          email: string;
          role: 'contact';
          participantLanguage?: 'fi';
          reason: string;
          by?: string;
        },
      ) =>
        steer(
          cycleId,
          o.by,
          'replaceParticipant',
          {
            partyCode,
            oldEmail: o.old,
            participant: { name: o.name, email: o.email, role: o.role, language: o.participantLanguage },
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
        if (!signOff && !o.text && !noComments)
          throw new UserError('give --text, --no-comments, --approve or --reject');
        return steer(
          cycleId,
          o.by,
          'recordOnBehalf',
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
      steer(cycleId, o.by, 'cancel', { reason: o.reason }, 'Cancelled'),
    );

  // Every declared control has a command: the ones above, and the rest derived from their fields.
  for (const name of CONTROL_NAMES)
    if (!cycle.commands.some((c) => c.name() === CYCLE_CONTROLS[name].slug)) derivedCommand(cycle, kit, name);
}

// `sopu calendar …`: the statutory calendar as Temporal Schedules, one per county and kind.
import { Command } from 'commander';
import { DateTime } from 'luxon';
import { TASK_QUEUE, THL_SCHEDULE_ID, TIME_ZONE } from '../../core/contracts';
import { countyCodes } from '../../db/reference-store';
import { installCalendar, lastRunLine, listCalendar, periodsLeft } from '../calendar';
import { UserError } from '../cycles';
import { installThlSchedule } from '../thl';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
export function registerCalendarCommands(program: Command, kit: CliKit): void {
  const { config, withClient, withDb, yes, confirmed } = kit;
  const calendar = program.command('calendar').description(DESCRIPTIONS.calendar);

  calendar
    .command('install')
    .description(
      "create or update a county's schedules (annual §7, term §14, the ministries' §13 a; Helsinki: with HUS, §6(5)), or every county's; unchanged ones are left alone",
    )
    .option('--county <code>', 'one county, e.g. 08 (90: Helsinki)')
    .option('--all', 'every county')
    .option('--annual-date <MM-DD>', 'day of the annual (§7) cycle and of Helsinki–HUS', '09-01')
    .option('--annual-time <HH:mm>', 'time of the annual cycle, Helsinki time', '09:00')
    .option('--term-offset-months <n>', 'months after the start of each council term for the term (§14) cycle', '6')
    .option(
      '--ministry-date <MM-DD>',
      "day the county's preparation for the ministries' negotiation (§13 a) starts",
      '08-15',
    )
    .option(
      '--allow-incomplete',
      'install for a county whose directory names no secretariat (the operator is told of failed starts)',
    )
    .action(
      (o: {
        county?: string;
        all?: boolean;
        annualDate: string;
        annualTime: string;
        termOffsetMonths: string;
        ministryDate: string;
        allowIncomplete?: boolean;
      }) =>
        withClient(async (client) => {
          if (!o.county === !o.all) throw new UserError('give --county <code> or --all');
          if (o.allowIncomplete && !config().operatorEmail)
            throw new UserError(
              '--allow-incomplete needs SOPU_OPERATOR_EMAIL: where the directory names no secretariat, the operator is who is told of a failed start',
            );
          const [month, day] = o.annualDate.split('-').map(Number);
          const [hour, minute] = o.annualTime.split(':').map(Number);
          const [ministryMonth, ministryDay] = o.ministryDate.split('-').map(Number);
          if (![month, day, hour, minute, ministryMonth, ministryDay].every((n) => Number.isInteger(n)))
            throw new UserError('--annual-date and --ministry-date are MM-DD, --annual-time HH:mm');
          await withDb(async (db) => {
            const known = await countyCodes(db);
            const counties = o.all ? known : [o.county!];
            if (o.county && !known.includes(o.county)) throw new UserError(`unknown county '${o.county}'`);
            const results = await installCalendar(
              client,
              db,
              counties,
              {
                annual: { month: month!, day: day!, hour: hour!, minute: minute! },
                termOffsetMonths: Number(o.termOffsetMonths),
                ministry: { month: ministryMonth!, day: ministryDay!, hour: hour!, minute: minute! },
              },
              undefined,
              { allowIncomplete: o.allowIncomplete },
            );
            console.log(`${THL_SCHEDULE_ID}: ${await installThlSchedule(client, TASK_QUEUE)}`);
            for (const r of results)
              if ('scheduleId' in r) console.log(`${r.scheduleId}: ${r.result}`);
              else if ('skipped' in r) console.log(`${r.countyCode}: not scheduled: ${r.skipped}`);
              else console.error(`${r.countyCode}: REFUSED: ${r.refused}`);
            // Installed late in a period, a schedule runs next in the following one: say so, and offer to start
            // the negotiation the law asks for now (--yes starts it).
            for (const left of await periodsLeft(client, db, results)) {
              const next = left.nextRun
                ? DateTime.fromISO(left.nextRun, { zone: TIME_ZONE }).toFormat('d.L.yyyy')
                : 'never';
              console.log(
                `${left.scheduleId}: no ${left.kind} negotiation has been held for ${left.period}, and this schedule runs next on ${next}: it will not start the ${left.period} one.`,
              );
              if (
                yes() ||
                (await confirmed(`Start the ${left.period} ${left.kind} negotiation of ${left.countyCode} now`))
              ) {
                await client.schedule.getHandle(left.scheduleId).trigger();
                console.log(
                  `${left.scheduleId}: triggered now for ${left.period} (npx sopu calendar list shows how it went)`,
                );
              } else console.log(`  To start it now: npx sopu calendar trigger ${left.scheduleId}`);
            }
            const refused = results.filter((r) => 'refused' in r).length;
            if (refused) throw new UserError(`${refused} ${refused === 1 ? 'county was' : 'counties were'} refused`);
          });
        }),
    );

  calendar
    .command('list')
    .description('the installed schedules: next runs, paused or not, and what each last run did')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withClient((client) =>
        withDb(async (db) => {
          const schedules = await listCalendar(client, db);
          if (o.json) return console.log(JSON.stringify(schedules, null, 2));
          for (const s of schedules) {
            const state = s.paused ? 'PAUSED ' : s.lastRun?.outcome === 'missing' ? 'FAILING' : 'active ';
            console.log(
              `${s.scheduleId.padEnd(22)} ${state} next ${s.nextRuns.join(', ') || '–'}${s.note ? `  (${s.note})` : ''}\n${' '.repeat(23)}${lastRunLine(s.lastRun)}`,
            );
          }
        }),
      ),
    );

  for (const [name, describe] of [
    ['pause', 'pause a schedule (it starts nothing until resumed)'],
    ['resume', 'resume a paused schedule'],
    ['trigger', 'run a schedule now (e.g. after fixing the directory)'],
  ] as const) {
    calendar
      .command(name)
      .description(describe)
      .argument('<schedule-id>', 'e.g. sopu-annual-08')
      .option('--note <text>')
      .action((id: string, o: { note?: string }) =>
        withClient(async (client) => {
          const handle = client.schedule.getHandle(id);
          if (name === 'pause') await handle.pause(o.note);
          else if (name === 'resume') await handle.unpause(o.note);
          else await handle.trigger();
          console.log(`${id}: ${name === 'trigger' ? 'triggered' : `${name}d`}`);
        }),
      );
  }
}

// Reports read from the record: a cycle's outgoing mail, a county's follow-up, and who has negotiated.
import { Command, Option } from 'commander';
import { complianceCsv, complianceReport, complianceTable } from '../../db/compliance';
import { followUpReport } from '../../db/follow-up';
import { mailLog } from '../../db/mail-log';
import type { Kysely } from 'kysely';
import { LATE_MAIL_MINUTES, type Language } from '../../core/contracts';
import { partyNameIn } from '../../core/domain/local-names';
import { referenceOn } from '../../db/reference-store';
import type { Database } from '../../db/schema';
import { UserError } from '../cycles';
import { followUpCsv, followUpTable } from '../follow-up';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
/** Report lines with each party named in `language`, from the reference data of today. */
async function namedIn<T extends { partyCode: string; partyName: string }>(
  db: Kysely<Database>,
  language: Language,
  lines: T[],
): Promise<T[]> {
  const reference = await referenceOn(db, new Date().toISOString().slice(0, 10));
  return lines.map((l) => ({ ...l, partyName: partyNameIn(reference, l.partyCode, l.partyName, language) }));
}

export function registerReportCommands(program: Command, kit: CliKit): void {
  const { withDb } = kit;
  program
    .command('mail')
    .description(DESCRIPTIONS.mail)
    .argument('<cycle-id>')
    .option('--failed', 'only messages the mail server refused')
    .option('--pending [minutes]', 'only messages still not delivered after this many minutes (default 10)')
    .option('--json', 'print JSON')
    .action(async (cycleId: string, o: { failed?: boolean; pending?: string | true; json?: boolean }) => {
      await withDb(async (db) => {
        const minutes = o.pending === undefined ? null : o.pending === true ? LATE_MAIL_MINUTES : Number(o.pending);
        if (minutes !== null && !(minutes >= 0)) throw new UserError(`--pending takes minutes, not '${o.pending}'`);
        const pendingSince = minutes === null ? undefined : new Date(Date.now() - minutes * 60_000);
        const entries = await mailLog(db, cycleId, { failedOnly: o.failed, pendingSince });
        if (o.json) return console.log(JSON.stringify(entries, null, 2));
        if (!entries.length) {
          return console.log(
            o.failed
              ? 'No failed messages.'
              : minutes !== null
                ? `No message has waited more than ${minutes} minutes.`
                : 'No messages.',
          );
        }
        for (const e of entries) {
          const when = (e.sentAt ?? e.createdAt).toISOString();
          console.log(
            `${when}  ${e.status.padEnd(7)} ${e.kind.padEnd(20)} ${e.recipient.padEnd(40)} ${e.attempts > 1 ? `(${e.attempts} attempts) ` : ''}${e.lastError && e.status !== 'sent' ? e.lastError : ''}`,
          );
        }
      });
    });

  program
    .command('follow-up')
    .description(DESCRIPTIONS['follow-up'])
    .argument('<county>', 'the county code, e.g. 08')
    .addOption(new Option('--format <format>', 'how to print it').choices(['table', 'csv']).default('table'))
    // Agenda items and statuses in the global --language (default Finnish).
    .action((county: string, o: { format: 'table' | 'csv' }) =>
      withDb(async (db) => {
        const language = kit.language() ?? 'fi';
        const lines = await namedIn(db, language, await followUpReport(db, county));
        process.stdout.write(o.format === 'csv' ? followUpCsv(lines, language) : `${followUpTable(lines, language)}\n`);
      }),
    );
  program
    .command('compliance')
    .description(DESCRIPTIONS.compliance)
    .option('--term <period>', 'council term', '2025-2029')
    .option('--year <year...>', 'year(s) of the annual negotiation (default: this year)')
    .option('--county <code>')
    .addOption(new Option('--format <format>').choices(['table', 'csv', 'json']).default('table'))
    .action(async (o: { term: string; year?: string[]; county?: string; format: 'table' | 'csv' | 'json' }) => {
      const years = (o.year ?? [String(new Date().getFullYear())]).map(Number);
      await withDb(async (db) => {
        const on = new Date().toISOString().slice(0, 10);
        const report = await complianceReport(db, { term: o.term, years, county: o.county, on });
        // With --language, counties and parties by their names in it (Birkala, not Pirkkala); else as recorded.
        const language = kit.language();
        const reference = language ? await referenceOn(db, on) : null;
        const rows = report.map((r) =>
          reference && language
            ? {
                ...r,
                countyName: reference.counties.get(r.countyCode)?.name[language] ?? r.countyName,
                partyName: partyNameIn(reference, r.partyCode, r.partyName, language),
              }
            : r,
        );
        process.stdout.write(
          o.format === 'json'
            ? JSON.stringify(rows, null, 2) + '\n'
            : o.format === 'csv'
              ? complianceCsv(rows, years)
              : complianceTable(rows, years) + '\n',
        );
      });
    });
}

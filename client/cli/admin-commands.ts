// Operators' commands: the party directory, the reference data and account password hashes.
import { Command } from 'commander';
import { STAFF_ROLES, type StaffRole } from '../../core/contracts';
import { directoryProblemIn } from '../../core/domain/directory-words';
import { importDirectory } from '../../db/directory';
import { countyCodes, importReference } from '../../db/reference-store';
import { removeStaffAccount, saveStaffAccount, staffAccounts } from '../../db/staff-accounts';
import { hashPassword } from '../web/accounts';
import { UserError } from '../cycles';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
export function registerAdminCommands(program: Command, kit: CliKit): void {
  const { withDb, readText, language } = kit;
  program
    .command('directory')
    .description(DESCRIPTIONS.directory)
    .command('import')
    .description('import a CSV (party_code,name,email,role,language); all or nothing, every bad row named')
    .argument('<file>')
    .action(async (file: string) => {
      await withDb(async (db) => {
        const { imported, parties, problems } = await importDirectory(db, readText(file));
        if (problems.length)
          throw new UserError(
            `Nothing imported; fix these rows:\n${problems.map((p) => `  - ${directoryProblemIn(language() ?? 'en', p)}`).join('\n')}`,
          );
        console.log(`Imported ${imported} entries for ${parties} parties.`);
      });
    });

  program
    .command('reference')
    .description(DESCRIPTIONS.reference)
    .command('import')
    .description("load a new year's classification (mergers end the merged municipality)")
    .requiredOption('--counties <file>', 'CSV: code,name_fi,name_sv,name_en')
    .requiredOption('--municipalities <file>', 'CSV: code,name_fi,name_sv,name_en,county_code,language_code')
    .requiredOption('--valid-from <date>', 'e.g. 2027-01-01')
    .action(async (o: { counties: string; municipalities: string; validFrom: string }) => {
      await withDb(async (db) => {
        const r = await importReference(db, {
          counties: readText(o.counties),
          municipalities: readText(o.municipalities),
          validFrom: o.validFrom,
        });
        console.log(
          `${r.counties} counties, ${r.municipalities} municipalities from ${o.validFrom}${r.ended.length ? `; ended: ${r.ended.join(', ')}` : ''}.`,
        );
      });
    });

  const user = program.command('user').description(DESCRIPTIONS.user);
  user
    .command('add')
    .description(
      'add a staff account, or change its role, counties or password: its password from standard input (none: the account signs in through the identity provider only)',
    )
    .argument('<email>')
    .requiredOption(
      '--role <role>',
      'secretariat, auditor or administrator (keeps the accounts of its counties on the web)',
    )
    .option('--county <code...>', 'the counties whose cycles it sees, e.g. --county 08 02')
    .option('--all-counties', 'every county (an auditor of all counties, a national secretariat)')
    .option('--no-password', 'sign in through the identity provider only')
    .action((email: string, o: { role: string; county?: string[]; allCounties?: boolean; password: boolean }) =>
      withDb(async (db) => {
        if (!(STAFF_ROLES as readonly string[]).includes(o.role))
          throw new UserError('--role is secretariat, auditor or administrator');
        if (!o.county === !o.allCounties) throw new UserError('give --county <code…> or --all-counties');
        const known = new Set(await countyCodes(db));
        const unknown = (o.county ?? []).filter((c) => !known.has(c));
        if (unknown.length) throw new UserError(`unknown county: ${unknown.join(', ')}`);
        const passwordHash = o.password ? hashPassword(await passwordFromStdin()) : null;
        const counties = o.allCounties ? null : o.county!;
        await saveStaffAccount(db, { email, role: o.role as StaffRole, counties, passwordHash, source: 'cli' });
        console.log(`${email.toLowerCase()}: ${o.role} of ${counties ? counties.join(', ') : 'every county'}`);
      }),
    );
  user
    .command('remove')
    .description('remove a staff account; its sessions end at once on every web server')
    .argument('<email>')
    .action((email: string) =>
      withDb(async (db) => {
        if (!(await removeStaffAccount(db, email.toLowerCase()))) throw new UserError(`no account ${email}`);
        console.log(`${email.toLowerCase()}: removed, its sessions ended`);
      }),
    );
  user
    .command('list')
    .description('the staff accounts: role, counties, and whether they have a password')
    .action(() =>
      withDb(async (db) => {
        for (const a of await staffAccounts(db))
          console.log(
            `${a.email.padEnd(36)} ${a.role.padEnd(12)} ${(a.counties ?? ['every county']).join(', ').padEnd(16)} ${a.passwordHash ? 'password' : 'identity provider only'}`,
          );
      }),
    );
}

/** A password piped in (never an argument, which the shell's history and `ps` would keep). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 12) throw new UserError('give a password of at least 12 characters on standard input');
  return password;
}

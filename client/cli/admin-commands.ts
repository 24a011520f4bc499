// Operators' commands: the party directory, the reference data and account password hashes.
import { Command } from 'commander';
import { directoryProblemIn } from '../../core/domain/directory-words';
import { importDirectory } from '../../db/directory';
import { importReference } from '../../db/reference-store';
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

  program
    .command('user')
    .description(DESCRIPTIONS.user)
    .command('hash')
    .description('read a password from standard input and print its hash for SOPU_USERS (email:role:hash)')
    .action(async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const password = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
      if (password.length < 12) throw new UserError('use a password of at least 12 characters');
      console.log(hashPassword(password));
    });
}

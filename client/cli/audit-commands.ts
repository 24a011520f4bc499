// `sopu audit …`: export a cycle's record and verify it, trusting only keys given from outside the export.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { auditSigner, fingerprintOf } from '../../db/ledger';
import { exportCycle } from '../audit/export';
import type { TrustedKeys } from '../audit/trusted-keys';
import { UserError } from '../cycles';
import { DESCRIPTIONS } from './descriptions';
import type { CliKit } from './kit';
export function registerAuditCommands(program: Command, kit: CliKit): void {
  const { config, workflowBundleCode, withDb } = kit;
  const audit = program.command('audit').description(DESCRIPTIONS.audit);

  audit
    .command('export')
    .description(
      'write the ledger, checkpoints, public key, archived histories, documents and a summary, with a manifest',
    )
    .argument('<cycle-id>')
    .requiredOption('--out <dir>', 'folder to write (created)')
    .action(async (cycleId: string, o: { out: string }) => {
      await withDb(async (db) => {
        const { files } = await exportCycle(db, cycleId, o.out);
        console.log(`Exported ${files} files to ${o.out}. Check them with: npx sopu audit verify ${o.out}`);
      });
    });

  /** The keys `audit verify` trusts: given from outside the export (a county publishes its fingerprint), or, for
   * --live on Sopu's own machine, the key the worker signs with. */
  function trustedKeys(o: { key?: string[]; fingerprint?: string[]; live?: string }): TrustedKeys {
    const keys = (o.key ?? []).map((file) =>
      createPublicKey(readFileSync(file, 'utf8')).export({ type: 'spki', format: 'pem' }).toString(),
    );
    const fingerprints = o.fingerprint ?? [];
    if (!keys.length && !fingerprints.length && o.live) {
      const pem = config().auditKeyPem;
      if (pem) keys.push(auditSigner(pem).publicKeyPem);
    }
    if (!keys.length && !fingerprints.length)
      throw new UserError(
        "give the county's public key (--key FILE) or its fingerprint (--fingerprint SHA256:…): a key found in the export proves nothing",
      );
    return { keys, fingerprints };
  }

  audit
    .command('verify')
    .description('verify an export folder (or --live, a cycle in the database); exits 0 only when everything holds')
    .argument('[dir]')
    .option('--live <cycle-id>', 'verify a cycle straight from the database, and its tables against the ledger')
    .option('--key <files...>', "the county's public key(s), PEM, as it publishes them")
    .option('--fingerprint <fingerprints...>', "the county's published key fingerprint(s), SHA256:…")
    .option('--no-replay', 'skip replaying the histories with the workflow code that ran them')
    .option(
      '--witness <dir>',
      'a folder of what a party kept: its Sopu mails (.eml) or receipts (.json); the ledger must extend every head in them',
    )
    .action(
      async (
        dir: string | undefined,
        o: { live?: string; replay: boolean; key?: string[]; fingerprint?: string[]; witness?: string },
      ) => {
        if (!dir && !o.live) throw new UserError('give an export folder, or --live <cycle-id>');
        const trusted = trustedKeys(o);
        // Loaded here, not at start: the worker runtime replays histories and would slow every other command.
        const [{ verifyAudit }, { verifyLive }, { readWitnesses }, { DefaultLogger, Runtime }] = await Promise.all([
          import('../audit/verify.js'),
          import('../audit/verify-live.js'),
          import('../audit/witnesses.js'),
          import('@temporalio/worker'),
        ]);
        // Findings only: the replay's own logging is not for the auditor.
        Runtime.install({ logger: new DefaultLogger('ERROR') });
        const workflowBundle = o.replay ? { code: await workflowBundleCode() } : undefined;
        const held = o.witness ? await readWitnesses(o.witness) : undefined;
        const options = { workflowBundle, trusted, witnesses: held?.held };
        const live = o.live;
        const result = live ? await withDb((db) => verifyLive(db, live, options)) : await verifyAudit(dir!, options);
        const problems = [...(held?.problems ?? []), ...result.problems];
        if (problems.length) {
          console.log(`FAILED: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
          for (const p of problems) console.log(`  - ${p}`);
          process.exitCode = 1;
          return;
        }
        const checks = [
          'manifest, hash chain, tree heads signed by a trusted key',
          ...(result.stillOpen ? [] : ['the closing line']),
          'documents, attachments, the agreement and records.json against the ledger',
          ...(result.stillOpen ? [] : ["the ledger's content against the histories"]),
          ...(live ? ['the tables against the ledger'] : []),
          ...(workflowBundle && !result.stillOpen ? ['replay'] : []),
          ...(held ? [`the ledger extends all ${result.witnessed} signed heads the party kept`] : []),
        ];
        console.log(
          result.stillOpen
            ? `OK as far as it goes: ${checks.join(', ')} all hold; still open: ${result.stillOpen}.`
            : `OK: ${checks.join(', ')} all hold.`,
        );
      },
    );

  audit
    .command('fingerprint')
    .description(
      'print the fingerprint of the key that signs the ledger (SOPU_AUDIT_KEY), or of a public key file, to publish',
    )
    .option('--key <file>', 'a public or private key file (PEM)')
    .action((o: { key?: string }) => {
      const pem = o.key ? readFileSync(o.key, 'utf8') : config().auditKeyPem;
      if (!pem) throw new UserError('SOPU_AUDIT_KEY is not set here: give the key with --key FILE');
      console.log(fingerprintOf(createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString()));
    });
}

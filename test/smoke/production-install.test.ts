// A production install, as Node services are installed: `npm ci --omit=dev` in a copy of the checkout. It must
// succeed without development packages and without the Temporal development binaries, build dist/, and give the
// worker and the web server every package they load, including the one that reads Word files.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);
const copy = mkdtempSync(path.join(tmpdir(), 'sopu-production-'));

/** The checkout as git sees it (tracked files and new ones not ignored), without anything installed or built. */
async function copyCheckout(): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root });
  for (const file of stdout.split('\0').filter(Boolean)) {
    // Nothing installed or built comes along, not even as a link (a worktree may link node_modules).
    if (!existsSync(path.join(root, file)) || /^(node_modules|\.temporal|\.data|dist)(\/|$)/.test(file)) continue;
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(copy, file));
  }
}

/** Loads modules as the worker and the web server do and reads a Word file made with the `docx` package. */
const LOAD_AND_READ = `
const entries = ['dist/worker/run.js', 'dist/worker/create-worker.js', 'dist/client/web/server.js', 'dist/activities/index.js'];
for (const entry of entries) require('./' + entry);
const { Document, Packer, Paragraph } = require('docx');
const { checkFile, textOf } = require('./dist/core/domain/file-types.js');
(async () => {
  const doc = new Document({ sections: [{ children: [new Paragraph('Yhteistyön tavoitteet – luonnos')] }] });
  const bytes = await Packer.toBuffer(doc);
  const { mediaType } = await checkFile({ name: 'luonnos.docx', bytes }, ['docx'], 1e7);
  console.log(mediaType, JSON.stringify(await textOf('luonnos.docx', bytes, 'docx')));
})().catch((err) => { console.error(err); process.exit(1); });
`;

describe('a production install', () => {
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('installs without development packages or binaries, builds, and loads and reads what the services need', async () => {
    await copyCheckout();
    const env = { ...process.env, npm_config_omit: '', NODE_ENV: '' };
    const install = await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: copy,
      env,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(install.stdout).toContain('Production install: the Temporal dev server and test server are not installed.');
    expect(install.stdout).toContain('Built dist/');
    for (const devOnly of ['vitest', 'eslint', 'playwright-core', 'typescript'])
      expect(existsSync(path.join(copy, 'node_modules', devOnly)), devOnly).toBe(false);
    expect(existsSync(path.join(copy, '.temporal'))).toBe(false);

    const help = await run(process.execPath, ['dist/worker/sopu.js', '--help'], { cwd: copy });
    expect(help.stdout).toContain('Usage: sopu');
    const read = await run(process.execPath, ['-e', LOAD_AND_READ], { cwd: copy, timeout: 60_000 });
    expect(read.stdout).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document "Yhteistyön tavoitteet – luonnos',
    );
  }, 360_000);
});

// `npm start` as a newcomer runs it: its own dev server, mail catcher and worker; the example cycle started
// with the documented command; a clean stop on Ctrl-C.
import { spawn, execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../../worker/dev/processes';

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);

describe('npm start', () => {
  it('runs the dev server, UI and worker; the example cycle starts against it; Ctrl-C stops everything', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'sopu-smoke-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory in here.
    chmodSync(tmp, 0o755);
    const [port, uiPort, smtpPort, webPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const mailDir = path.join(tmp, 'mail');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Nothing installed: the main job runs its own PostgreSQL from npm, its data in this run's folder.
      SOPU_DATA_DIR: path.join(tmp, 'data'),
      SOPU_DEV_TEMPORAL_PORT: String(port),
      SOPU_DEV_TEMPORAL_UI_PORT: String(uiPort),
      SOPU_DEV_TEMPORAL_DB: path.join(tmp, 'temporal.sqlite'),
      SOPU_DEV_SMTP_PORT: String(smtpPort),
      SOPU_DEV_MAIL_DIR: mailDir,
      SOPU_WEB_PORT: String(webPort),
    };
    delete env.SOPU_USERS;
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    delete env.SMTP_URL;

    // Its own process group, so that the stop below reaches every process as Ctrl-C in a terminal does.
    const main = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    main.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    main.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => main.once('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => void expect(output).toContain('Worker ready'), {
        timeoutMs: 90_000,
        what: 'npm start',
        abort: exited,
      }).catch((err: Error) => {
        throw new Error(`${err.message}; it printed:\n${output.slice(-3000)}`);
      });
      expect(output).toContain(`Temporal UI: http://127.0.0.1:${uiPort}`);
      expect((await fetch(`http://127.0.0.1:${uiPort}/`)).status).toBe(200);
      // The web server runs beside the worker, with development accounts printed for signing in.
      expect(output).toContain(`Web: http://127.0.0.1:${webPort} — development sign-in:`);
      expect(output).toMatch(/secretariat@localhost \/ \S{12}/);
      const login = await fetch(`http://127.0.0.1:${webPort}/login`);
      expect([login.status, login.headers.get('content-security-policy')]).toEqual([
        200,
        expect.stringContaining("script-src 'none'"),
      ]);

      const cli = (...args: string[]) =>
        run('npm', ['run', '--silent', 'sopu', '--', ...args], {
          cwd: root,
          env: { ...env, TEMPORAL_ADDRESS: `127.0.0.1:${port}` },
        });
      const unconfirmedStart = await cli('cycle', 'start', 'examples/pirkanmaa-term.yaml').catch(
        (err: { stderr: string; code: number }) => err,
      );
      expect(unconfirmedStart).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('mails 24 people their first task'),
      });
      const started = await cli('--yes', 'cycle', 'start', 'examples/pirkanmaa-term.yaml');
      expect(started.stdout).toContain("Started cycle 'pirkanmaa-term-2025-2029' (term, 2025-2029) with 24 parties");

      // One preparation task email to each party's contact person, caught by the local mail catcher.
      await waitFor(async () => void expect(readdirSync(mailDir)).toHaveLength(24), {
        timeoutMs: 60_000,
        what: '24 task emails',
      });
      const mails = readdirSync(mailDir).map((f) => readFileSync(path.join(mailDir, f), 'utf8'));
      expect(mails.some((m) => m.includes('mikko.rantanen@tampere.example.fi>'))).toBe(true);

      const status = await cli('cycle', 'status', 'pirkanmaa-term-2025-2029');
      expect(status.stdout).toMatch(/837 Tampere\s+open\*/);

      // The documented steering commands, as a secretariat types them.
      const answer = [
        'task',
        'answer',
        'pirkanmaa-term-2025-2029',
        '837',
        '--as',
        'mikko.rantanen@tampere.example.fi',
        '--text',
        'Tavoitteet liitteenä',
      ];
      const answered = await cli(...answer);
      expect(answered.stdout).toContain('Recorded answer to pirkanmaa-term-2025-2029/837/preparation');
      // Retried (its answer lost, say): the same request, so the first receipt comes back and nothing is added.
      const receiptOf = (out: string) => /receipt (cli-[0-9a-f]+)/.exec(out)?.[1];
      const retried = await cli(...answer);
      expect(receiptOf(retried.stdout)).toBe(receiptOf(answered.stdout));
      expect(retried.stdout).toContain('Already recorded by an earlier run of this same command');
      const anew = await cli('--request-id', 'second-answer', ...answer);
      expect(receiptOf(anew.stdout)).toBeUndefined();
      expect(anew.stdout).toContain('(receipt second-answer)');
      // --yes in front of every control, as the README tells scripts: a control that asks nothing takes it too.
      await cli(
        '--yes',
        'cycle',
        'extend',
        'pirkanmaa-term-2025-2029',
        '--party',
        '536',
        '--days',
        '3',
        '--reason',
        'Kunnanhallitus kokoontuu myöhemmin',
      );
      // Publishing closes the preparation while 23 parties have not answered: a script must confirm it.
      const publish = [
        'cycle',
        'publish-draft',
        'pirkanmaa-term-2025-2029',
        '--file',
        'examples/pirkanmaa-draft-1.md',
        '--title',
        'Luonnos 1',
      ];
      const unconfirmed = await cli(...publish).catch((err: { stderr: string; code: number }) => err);
      expect(unconfirmed).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /^Nothing was changed: 23 of 24 parties have not answered in preparation .* their tasks close as no response; confirm to go on\. Run the command again with --yes to confirm\.\n$/,
        ),
      });
      const published = await cli('--yes', ...publish);
      expect(published.stdout).toContain('Published (phase now consultation');
      const replaced = await cli(
        '--yes',
        'cycle',
        'replace-participant',
        'pirkanmaa-term-2025-2029',
        '837',
        '--old',
        'mikko.rantanen@tampere.example.fi',
        '--name',
        'Maija Mallikas',
        '--email',
        'maija.mallikas@tampere.example.fi',
        '--role',
        'contact',
        '--reason',
        'Vastuuhenkilö vaihtui',
      );
      expect(replaced.stdout).toContain('Participant replaced (phase now consultation');
      const recorded = await cli(
        '--yes',
        'cycle',
        'record',
        'pirkanmaa-term-2025-2029',
        '536',
        '--reason',
        'Saapui postitse',
        '--no-comments',
      );
      expect(recorded.stdout).toContain('Recorded on behalf (phase now consultation');
      const minutesFile = path.join(mkdtempSync(path.join(tmpdir(), 'sopu-minutes-')), 'minutes.json');
      writeFileSync(
        minutesFile,
        JSON.stringify({
          attendees: [{ partyCode: '837', name: 'Maija Mallikas', role: 'kansliapäällikkö', organisation: 'Tampere' }],
          items: [{ number: 1, title: 'Tavoitteet', conclusion: 'Hyväksyttiin' }],
        }),
      );
      // Refused for the phase it is in (no meeting yet), never for the --yes it was given.
      const minutes = await cli(
        '--yes',
        'cycle',
        'record-minutes',
        'pirkanmaa-term-2025-2029',
        '--file',
        minutesFile,
      ).catch((err: { stderr: string; code: number }) => err);
      expect(minutes).toMatchObject({ code: 1, stderr: expect.stringContaining('before a meeting is scheduled') });
      expect((await cli('cycle', 'list')).stdout).toMatch(/pirkanmaa-term-2025-2029\s+RUNNING/);
      const refused = await cli(
        '--yes',
        'cycle',
        'start-sign-off',
        'pirkanmaa-term-2025-2029',
        '--version',
        '7',
        '--without-meeting',
        'Kirjallinen menettely',
      ).catch((err: { stderr: string; code: number }) => err);
      expect(refused).toMatchObject({ code: 1, stderr: 'no draft version 7\n' });
    } finally {
      // Already gone when it failed to start: the failure above is what matters.
      if (main.exitCode === null) process.kill(-main.pid!, 'SIGINT');
    }
    await exited;
    await waitFor(async () => void expect(output).toContain('[sopu] Stopped.'), {
      timeoutMs: 30_000,
      what: 'a clean stop',
    });
    await expect(fetch(`http://127.0.0.1:${uiPort}/`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${webPort}/login`)).rejects.toThrow();
  }, 180_000);
});

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

/** The README's command examples (its "Running a cycle by hand" block), each as the words a shell would pass. */
function readmeCommands(): string[][] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Running a cycle by hand'));
  const block = section.slice(section.indexOf('```sh') + 5, section.indexOf('```', section.indexOf('```sh') + 5));
  return block
    .split('\n')
    .filter((line) => line.startsWith('npx sopu '))
    .map((line) => [...line.slice('npx sopu '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

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
      /** A command expected to fail: its exit code and what it said. */
      const refusedBy = (...args: string[]) => cli(...args).catch((err: { stderr: string; code: number }) => err);
      // The README's examples, run as written (a script confirms with --yes, as the README tells it to).
      const readme = readmeCommands();
      const example = (...words: string[]) => {
        const found = readme.find((c) => words.every((w) => c.includes(w)));
        if (!found) throw new Error(`the README has no example with ${words.join(' ')}`);
        return found;
      };
      expect(readme.length).toBeGreaterThanOrEqual(6);
      const unconfirmedStart = await refusedBy(...example('cycle', 'start'));
      expect(unconfirmedStart).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('mails 24 people their first task'),
      });
      const started = await cli('--yes', ...example('cycle', 'start'));
      expect(started.stdout).toContain("Started cycle 'pirkanmaa-term-2025-2029' (term, 2025-2029) with 24 parties");
      // It returns once every party's first task is open: an answer sent right after is taken.
      expect(started.stdout).toContain("Every party's first task is open.");

      // One preparation task email to each party's contact person, caught by the local mail catcher.
      await waitFor(async () => void expect(readdirSync(mailDir)).toHaveLength(24), {
        timeoutMs: 60_000,
        what: '24 task emails',
      });
      const mails = readdirSync(mailDir).map((f) => readFileSync(path.join(mailDir, f), 'utf8'));
      expect(mails.some((m) => m.includes('mikko.rantanen@tampere.example.fi>'))).toBe(true);

      const status = await cli('cycle', 'status', 'pirkanmaa-term-2025-2029');
      expect(status.stdout).toMatch(/837 Tampere\s+open\*/);
      // Reports name the parties in the --language asked for.
      const compliance = await cli('--language', 'sv', 'compliance', '--county', '08');
      expect(compliance.stdout).toContain('837 Tammerfors');

      // The documented steering commands, as a secretariat types them.
      const answer = example('task', 'answer', '837', '--text');
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
      await cli('--yes', ...example('cycle', 'extend'));
      // Publishing closes the preparation while 23 parties have not answered: a script must confirm it.
      // The README's publish-draft confirms with --yes; without it, a script is asked to.
      const publish = example('cycle', 'publish-draft').filter((w) => w !== '--yes');
      const unconfirmed = await refusedBy(...publish);
      expect(unconfirmed).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /^Nothing was changed: 23 of 24 parties have not answered in preparation .* their tasks close as no response; confirm to go on\. Run the command again with --yes to confirm\.\n$/,
        ),
      });
      // The same in Swedish (--language): the parties by their Swedish names, the phase in words.
      const swedish = await refusedBy('--language', 'sv', ...publish);
      expect(swedish).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /^Inget ändrades: 23 av 24 parter har inte svarat i skedet beredning \(Birkalands välfärdsområde, Ackas, .*\); deras uppgifter avslutas utan svar\. Bekräfta att du vill fortsätta\. Kör kommandot igen med --yes för att bekräfta\.\n$/,
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
      const minutes = await refusedBy(
        '--yes',
        'cycle',
        'record-minutes',
        'pirkanmaa-term-2025-2029',
        '--file',
        minutesFile,
      );
      expect(minutes).toMatchObject({ code: 1, stderr: expect.stringContaining('before a meeting is scheduled') });
      // The README's last examples: an answer as Nokia's contact, and the status as its sample shows it.
      const contact = 'timo.niemi@nokia.example.fi';
      await cli(...example('task', 'answer', '--no-comments').map((w) => (w === '<contact>' ? contact : w)));
      const shown = (await cli(...example('cycle', 'status'))).stdout.split('\n');
      expect(shown[0]).toBe(
        'Pirkanmaan hyvinvointialue: valtuustokauden neuvottelu 2025–2029 (pirkanmaa-term-2025-2029)',
      );
      expect(shown[1]).toMatch(
        /^phase: consultation \(round-1 open, deadline \w{2,3} \d{1,2}\.\d{1,2}\.\d{4} 16:00\)$/,
      );
      expect(shown[2]).toMatch(/^draft v1: Luonnos 1 sha256 [0-9a-f]{64}$/);
      expect(shown[4]).toMatch(/^party\s+preparation\s+round-1\s*$/);
      expect(shown.find((l) => l.startsWith('536 Nokia'))).toMatch(/^536 Nokia\s+\S+.*\s+answered/);
      expect(
        shown
          .filter((l) => l.trim())
          .at(-1)!
          .trim(),
      ).toBe('(* = still takes answers)');
      // On the machine that runs it, --live verifies with the key the worker signs with: no fingerprint to give. The
      // cycle is running: it verifies as far as it goes, tables included, and says what is still open.
      const verified = await cli('audit', 'verify', '--live', 'pirkanmaa-term-2025-2029', '--no-replay');
      expect(verified.stdout).toMatch(
        /^OK as far as it goes: manifest, hash chain, tree heads signed by a trusted key, .*the tables against the ledger all hold; still open: the cycle is still running/,
      );
      expect((await cli('cycle', 'list')).stdout).toMatch(/pirkanmaa-term-2025-2029\s+RUNNING/);
      const refused = await refusedBy(
        '--yes',
        'cycle',
        'start-sign-off',
        'pirkanmaa-term-2025-2029',
        '--version',
        '7',
        '--without-meeting',
        'Kirjallinen menettely',
      );
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

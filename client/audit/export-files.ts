// Reading an export's files for a verifier: a file that is missing or does not read is named once, with why, and the
// checks that need it are skipped rather than crashing on it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export class ExportFiles {
  constructor(
    readonly dir: string,
    private readonly problems: string[],
  ) {}

  exists(file: string): boolean {
    return existsSync(path.join(this.dir, file));
  }

  bytes(file: string): Buffer | null {
    return this.exists(file) ? readFileSync(path.join(this.dir, file)) : null;
  }

  text(file: string): string | null {
    return this.bytes(file)?.toString('utf8') ?? null;
  }

  /** The file's JSON, or undefined (and the problem said) when it is missing or not JSON. `optional`: a file that
   * exports of earlier versions lack. */
  json<T>(file: string, optional = false): T | undefined {
    const text = this.text(file);
    if (text === null) {
      if (!optional) this.problems.push(`${file}: missing`);
      return undefined;
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      this.problems.push(`${file}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
      return undefined;
    }
  }

  /** Every file under the folder, relative to it. */
  list(base = ''): string[] {
    return readdirSync(path.join(this.dir, base)).flatMap((name) => {
      const rel = base ? `${base}/${name}` : name;
      return statSync(path.join(this.dir, rel)).isDirectory() ? this.list(rel) : [rel];
    });
  }
}

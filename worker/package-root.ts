// Where the package lives, whether this code runs from its TypeScript sources or compiled into dist/: the first
// folder upwards with Sopu's package.json. Local state (.data, .temporal) and built files (dist) hang off it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sopu')
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`Sopu's package.json was not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(__dirname);

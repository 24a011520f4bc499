// `engines` is a promise to whoever installs Sopu: every installed package must run on every Node version it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const ours = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } })
  .engines.node;

function manifests(dir: string): { name: string; version: string; engines?: { node?: string } }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const folder = path.join(dir, name);
    if (name.startsWith('@')) return manifests(folder);
    const file = path.join(folder, 'package.json');
    const own = existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8'))] : [];
    return [...own, ...manifests(path.join(folder, 'node_modules'))];
  });
}

describe('engines', () => {
  it('promises no Node version that an installed package refuses', () => {
    const refused = manifests(path.join(root, 'node_modules'))
      .filter((p) => p.engines?.node && !semver.subset(ours, p.engines.node))
      .map((p) => `${p.name}@${p.version} needs node ${p.engines!.node}`);
    expect(refused).toEqual([]);
  });
});

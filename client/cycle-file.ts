// Reads a cycle file (YAML or JSON) and checks it against the reference data Postgres holds for the day, the same
// source scheduled cycles are built from.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import YAML from 'yaml';
import { CycleFileError, toCycleInput, type ValidCycle } from '../activities/domain/cycle-definition';
import { referenceOn } from '../db/reference-store';
import type { Database } from '../db/schema';
import { TIME_ZONE } from '../workflows/contracts';

/** Parses a cycle definition given as text; `name` (a file name) tells JSON from YAML and names the source. */
export function parseCycleText(text: string, name: string): unknown {
  const json = name.endsWith('.json');
  try {
    return json ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new CycleFileError([`${name}: not valid ${json ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
}

/** Reads and parses a .yaml, .yml or .json file. */
export function readCycleFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CycleFileError([
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    ]);
  }
  return parseCycleText(text, file);
}

/** Validates a parsed definition against the reference data valid today. */
export async function checkCycle(db: Kysely<Database>, definition: unknown, now = new Date()): Promise<ValidCycle> {
  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate()!;
  return toCycleInput(definition, now, await referenceOn(db, today));
}

// Reads a cycle file (YAML or JSON) and checks it against the reference data Postgres holds for the day, the same
// source scheduled cycles are built from.
import { readFileSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import YAML, { YAMLParseError } from 'yaml';
import { CycleFileError, toCycleInput, type ValidCycle } from '../core/domain/cycle-definition';
import { TextEncodingError, utf8Text } from '../core/domain/text';
import { referenceOn } from '../db/reference-store';
import { cyclesOfPeriod } from '../db/web-queries';
import type { Database } from '../db/schema';
import { TIME_ZONE, type CycleInput } from '../core/contracts';

/** A cycle file is a page or two of text; anything far larger is a mistake, refused before it is read. */
export const MAX_CYCLE_FILE_BYTES = 1_000_000;

/** The key that starts at a parser's position (line and column from 1), as written: '"kind"' → `kind`, line 1. */
function duplicateKeyAt(
  text: string,
  at: { line: number; col: number } | undefined,
): { name: string; line: number | null } {
  if (!at) return { name: '?', line: null };
  const rest = (text.split('\n')[at.line - 1] ?? '').slice(at.col - 1);
  const key = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'|^([^:\s,{}]+)/.exec(rest);
  return { name: key?.[1] ?? key?.[2] ?? key?.[3] ?? '?', line: at.line };
}

/** Parses a cycle file's bytes: UTF-8 (a byte-order mark is dropped), YAML or JSON by `name`, and no key given
 * twice (JSON.parse would keep the last one silently). */
export function parseCycleFile(bytes: Buffer, name: string): unknown {
  if (bytes.length > MAX_CYCLE_FILE_BYTES) {
    throw new CycleFileError([{ field: name, key: 'tooLarge', bytes: bytes.length, max: MAX_CYCLE_FILE_BYTES }]);
  }
  let text: string;
  try {
    text = utf8Text(bytes, name);
  } catch (err) {
    if (err instanceof TextEncodingError)
      throw new CycleFileError([{ field: '', key: 'notUtf8', english: err.message }]);
    throw err;
  }
  const json = name.toLowerCase().endsWith('.json');
  try {
    // JSON is YAML too: after JSON's own syntax check, the YAML parser refuses a key given twice.
    if (json) JSON.parse(text);
    return YAML.parse(text, { uniqueKeys: true });
  } catch (err) {
    const format = json ? 'JSON' : 'YAML';
    if (err instanceof YAMLParseError && err.code === 'DUPLICATE_KEY')
      throw new CycleFileError([
        { field: name, key: 'duplicateKey', format, ...duplicateKeyAt(text, err.linePos?.[0]) },
      ]);
    const message = (err as Error).message.split('\n')[0] ?? '';
    throw new CycleFileError([{ field: name, key: 'syntax', format, english: `not valid ${format}: ${message}` }]);
  }
}

/** Reads and parses a .yaml, .yml or .json file. */
export function readCycleFile(file: string): unknown {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_CYCLE_FILE_BYTES) {
      throw new CycleFileError([{ field: file, key: 'tooLarge', bytes: null, max: MAX_CYCLE_FILE_BYTES }]);
    }
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof CycleFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const english = code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new CycleFileError([{ field: file, key: 'noSuchFile', english }]);
  }
  return parseCycleFile(bytes, file);
}

/** How many people a new cycle mails at once: each party's contacts get the preparation task. */
export function mailedAtStart(input: CycleInput): number {
  return new Set(input.parties.flatMap((p) => p.participants.filter((x) => x.role === 'contact').map((x) => x.email)))
    .size;
}

/** Validates a parsed definition against the reference data valid today. */
export async function checkCycle(db: Kysely<Database>, definition: unknown, now = new Date()): Promise<ValidCycle> {
  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate()!;
  const valid = toCycleInput(definition, now, await referenceOn(db, today));
  const { kind, countyCode, period, supplementaryReason } = valid.input;
  // The law asks for one negotiation a term (or year); a second one is possible, but only for a stated reason. Theme
  // negotiations are outside that count: a county holds as many as it has themes (each with an id of its own).
  const existing = kind === 'theme' ? [] : await cyclesOfPeriod(db, { kind, countyCode, period });
  if (existing.length && !supplementaryReason) {
    throw new CycleFileError([
      { field: 'supplementaryReason', key: 'secondCycle', county: countyCode, kind, period, existing },
    ]);
  }
  return valid;
}

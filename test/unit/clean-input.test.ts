// Input is clean before anything is stored: UTF-8 or a refusal that says how to save the file, one-line names,
// no key given twice, reminders inside their deadline, sizes bounded with the limit named, and the ways people
// actually write things (`county: 08`, 16.00) read as meant.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CycleFileError, toCycleInput } from '../../core/domain/cycle-definition';
import { oneLineIssues, refuseMultiLine } from '../../core/requests';
import { MAX_CYCLE_FILE_BYTES, parseCycleFile, readCycleFile } from '../../client/cycle-file';
import { people, pirkanmaaFile } from '../support/cycle-files';
import { shippedReference } from '../support/reference';

const now = new Date('2026-11-25T10:00:00Z');
const reference = shippedReference();
const valid = () => ({ ...pirkanmaaFile(), title: 'Pirkanmaan yhteistyö ja työnjako' });

/** The problems named in a refusal; none when the definition was accepted. */
function problems(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (err) {
    if (err instanceof CycleFileError) return err.problems;
    throw err;
  }
}
const check = (definition: unknown) => problems(() => toCycleInput(definition, now, reference));
const yaml = (text: string) => Buffer.from(text, 'utf8');
const pirkanmaaYaml = (county: string, extra = '') =>
  `kind: term\ncounty: ${county}\nperiod: 2025-2029\nsecretariat: { name: S, email: s@pirha.example.fi }\nparties: ["08", "837"]\n${extra}participants:\n  "08": [{ name: A, email: a@pirha.example.fi, role: contact }, { name: B, email: b@pirha.example.fi, role: signatory }]\n  "837": [{ name: A, email: a@tampere.example.fi, role: contact }, { name: B, email: b@tampere.example.fi, role: signatory }]\n`;

describe('text encodings', () => {
  it('refuses a Latin-1 file and says how to save it as UTF-8', () => {
    const latin1 = Buffer.from(pirkanmaaYaml('"08"', 'title: yhteistyö ja työnjako\n'), 'latin1');
    expect(problems(() => parseCycleFile(latin1, 'kierros.yaml'))).toEqual([
      expect.stringMatching(/^kierros\.yaml is not UTF-8 text .*save it as UTF-8 and try again/),
    ]);
  });

  it('accepts a byte-order mark in JSON and YAML, and drops it', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const json = Buffer.concat([bom, Buffer.from(JSON.stringify(valid()))]);
    expect(check(parseCycleFile(json, 'cycle.json'))).toEqual([]);
  });

  it('refuses a key given twice, in JSON and in YAML, naming the key and its line', () => {
    const twice = Buffer.from('{"kind": "term", "kind": "annual"}');
    expect(problems(() => parseCycleFile(twice, 'c.json'))).toEqual([
      "c.json: not valid JSON: the key 'kind' (line 1) is given twice",
    ]);
    expect(problems(() => parseCycleFile(yaml('kind: term\ntitle: T\nkind: annual\n'), 'c.yaml'))).toEqual([
      "c.yaml: not valid YAML: the key 'kind' (line 3) is given twice",
    ]);
  });

  it('refuses a cycle file over its size limit before reading it, naming the limit', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sopu-big-')), 'huge.yaml');
    writeFileSync(file, `title: ${'x'.repeat(MAX_CYCLE_FILE_BYTES)}\n`);
    expect(problems(() => readCycleFile(file))).toEqual([
      `${file}: a cycle file is at most ${MAX_CYCLE_FILE_BYTES} bytes`,
    ]);
  });
});

describe('fields', () => {
  it('refuses a line break in a name, which would reach a mail header', () => {
    const definition = valid();
    definition.participants['837']![0]!.name = 'Mikko\r\nBcc: everyone@example.fi';
    expect(check(definition)).toEqual(['participants.837[0].name: must be on one line']);
  });

  it('reads `county: 08` as meant, and explains an unquoted party code', () => {
    expect(check(parseCycleFile(yaml(pirkanmaaYaml('08')), 'c.yaml'))).toEqual([]);
    const unquoted = pirkanmaaYaml('"08"').replace('parties: ["08", "837"]', 'parties: [08, 837]');
    expect(check(parseCycleFile(yaml(unquoted), 'c.yaml'))).toEqual([
      'parties[0]: 8 was read as a number: write party codes in quotes, e.g. "08" or "091"',
      'parties[1]: 837 was read as a number: write party codes in quotes, e.g. "08" or "091"',
    ]);
  });

  it('takes 16.00 for a closing time, as Finns write it', () => {
    const { input } = toCycleInput({ ...valid(), schedule: { closingTime: '16.00' } }, now, reference);
    expect(input.schedule.closingTime).toBe('16:00');
    expect(check({ ...valid(), schedule: { closingTime: '25.00' } })).toEqual([
      'schedule.closingTime: must be a time of day, e.g. 16:00 or 16.00',
    ]);
  });

  it('keeps reminders inside the deadline they precede', () => {
    expect(check({ ...valid(), schedule: { preparationDays: 5, roundDays: 10, reminderDays: [7, 1] } })).toEqual([
      'schedule.reminderDays: a reminder 7 working days before the deadline would come before the preparation (5 working days) begins',
    ]);
  });

  it('bounds agenda items, participants per party and parties, naming each limit', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@tampere.example.fi`,
        role: 'member' as const,
      }));
    expect(check({ ...valid(), agenda: Array.from({ length: 51 }, (_, i) => `Kohta ${i}`) })).toEqual([
      'agenda: has more than 50 items',
    ]);
    expect(
      check({
        ...valid(),
        participants: { ...valid().participants, '837': [...people('tampere.example.fi'), ...many(19)] },
      }),
    ).toEqual(['participants.837: has more than 20 participants']);
    expect(check({ ...valid(), parties: Array.from({ length: 401 }, () => '837') })).toEqual([
      'parties: has more than 400 parties',
    ]);
  });

  it('refuses a line break or another control character in a one-line field of a request, naming the field', () => {
    const replaced = {
      by: 'hyte@pirha.example.fi',
      partyCode: '837',
      oldEmail: 'a@tampere.example.fi',
      participant: { name: 'Eve\r\nBcc: all@example.fi', email: 'eve@tampere.example.fi', role: 'contact' },
      reason: 'A reason\nover two lines is fine',
    };
    expect(oneLineIssues(replaced).map((i) => i.path)).toEqual([['participant', 'name']]);
    const registration = {
      taskId: 't',
      participantEmail: 'a@b.fi',
      attendees: [{ name: 'Anna', role: 'kunnanjohtaja\t', organisation: 'Nokia\u0000' }],
    };
    expect(() => refuseMultiLine(registration)).toThrow(
      'attendees.0.role: must be on one line, without control characters; attendees.0.organisation: must be on one line, without control characters',
    );
    expect(() =>
      refuseMultiLine({ ...registration, attendees: [{ name: 'Anna', role: 'r', organisation: 'o' }] }),
    ).not.toThrow();
  });
});

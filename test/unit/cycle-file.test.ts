import { describe, expect, it } from 'vitest';
import { CycleFileError, readCycleFile, toCycleInput, type CycleFile } from '../../client/cycle-file';

const now = new Date('2026-11-25T10:00:00Z');

function valid(): CycleFile {
  return {
    kind: 'term',
    county: '08',
    title: 'Valtuustokausineuvottelu',
    period: '2025-2029',
    secretariat: { name: 'Sihteeristö', email: 'sihteeristo@pirha.example.fi' },
    deadlines: { input: '2027-01-29', signOff: '2027-03-31T12:00' },
    parties: [
      {
        municipality: '837',
        participants: [
          { name: 'Matti', email: 'Matti@Tampere.example.fi', role: 'contact' },
          { name: 'Kaupunginhallitus', email: 'kirjaamo@tampere.example.fi', role: 'signatory' },
        ],
      },
    ],
  };
}

function problems(definition: unknown): string[] {
  try {
    toCycleInput(definition, now);
  } catch (err) {
    if (err instanceof CycleFileError) return err.problems;
    throw err;
  }
  throw new Error('the definition was accepted');
}

describe('cycle file', () => {
  it('turns a valid definition into workflow input with names, languages and Helsinki deadlines', () => {
    const input = toCycleInput(valid(), now);
    expect(input.cycleId).toBe('term-08-2025-2029');
    expect(input.parties[0]).toMatchObject({ code: '837', kind: 'municipality', name: 'Tampere', language: 'fi' });
    expect(input.parties[0]!.participants[0]!.email).toBe('matti@tampere.example.fi');
    // A date alone closes at 16:00 Helsinki time (UTC+2 in winter); an explicit time is kept.
    expect(input.deadlines).toEqual({ input: '2027-01-29T14:00:00.000Z', signOff: '2027-03-31T09:00:00.000Z' });
  });

  it('gives Swedish-majority municipalities Swedish by default', () => {
    const def = valid();
    def.county = '17';
    def.parties[0]!.municipality = '499'; // Mustasaari / Korsholm
    expect(toCycleInput(def, now).parties[0]).toMatchObject({ name: 'Mustasaari', language: 'sv' });
  });

  it('names a missing field', () => {
    const { title: _omitted, ...def } = valid();
    expect(problems(def)).toEqual(['title: Invalid input: expected string, received undefined']);
  });

  it('names an invalid email address by its place in the file', () => {
    const def = valid();
    def.parties[0]!.participants[1]!.email = 'not-an-address';
    expect(problems(def)).toEqual(['parties[0].participants[1].email: not a valid email address']);
  });

  it('rejects an unknown municipality and one from another county', () => {
    const def = valid();
    def.parties.push({ municipality: '999', participants: valid().parties[0]!.participants });
    def.parties.push({ municipality: '091', participants: valid().parties[0]!.participants });
    expect(problems(def)).toEqual([
      "parties[1].municipality: unknown municipality code '999'",
      'parties[2].municipality: Helsinki (091) belongs to county 90, not 08',
    ]);
  });

  it('rejects a deadline in the past and a sign-off before the input deadline', () => {
    const def = valid();
    def.deadlines = { input: '2026-11-20', signOff: '2026-11-19' };
    expect(problems(def)).toEqual([
      'deadlines.input: 2026-11-20T14:00:00.000Z is in the past',
      'deadlines.signOff: 2026-11-19T14:00:00.000Z is in the past',
      'deadlines.signOff: must be after deadlines.input',
    ]);
  });

  it('rejects a party without a signatory and a party listed twice', () => {
    const def = valid();
    def.parties.push({ municipality: '837', participants: [{ name: 'A', email: 'a@tampere.example.fi', role: 'contact' }] });
    expect(problems(def)).toEqual([
      'parties[1]: party 837 (Tampere) is listed twice',
      'parties[1].participants: party Tampere has no signatory',
    ]);
  });

  it('rejects unknown fields rather than ignoring a typo', () => {
    expect(problems({ ...valid(), dedline: 'x' })).toEqual(['(file): Unrecognized key: "dedline"']);
  });

  it('reads the shipped example', () => {
    const input = readCycleFile('examples/pirkanmaa-term.yaml', now);
    expect(input.parties.map((p) => p.code)).toEqual(['08', '837', '536', '211']);
  });

  it('reports a missing file plainly', () => {
    expect(() => readCycleFile('examples/nope.yaml', now)).toThrow('examples/nope.yaml: no such file');
  });
});

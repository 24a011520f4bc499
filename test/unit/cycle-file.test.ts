import { describe, expect, it } from 'vitest';
import { CycleFileError, directoryCycleInput, toCycleInput as validate } from '../../core/domain/cycle-definition';
import { agendaName } from '../../core/domain/cycle-templates';
import { readCycleFile } from '../../client/cycle-file';
import { people, pirkanmaaFile } from '../support/cycle-files';
import { shippedReference } from '../support/reference';

const now = new Date('2026-11-25T10:00:00Z');
const reference = shippedReference();
const toCycleInput = (definition: unknown, at: Date) => validate(definition, at, reference);
const valid = pirkanmaaFile;

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
  it('shows answers to every party after each phase unless the file keeps them to the secretariat', () => {
    expect(toCycleInput(valid(), now).input.answersVisible).toBe('after-phase');
    expect(toCycleInput({ ...valid(), answersVisible: 'secretariat-only' }, now).input.answersVisible).toBe(
      'secretariat-only',
    );
    expect(problems({ ...valid(), answersVisible: 'never' })[0]).toMatch(/^answersVisible: /);
  });

  it('takes agenda items of its own, as text or named in each language, and names a bad one', () => {
    const { input } = toCycleInput(
      { ...valid(), agenda: ['hyte', 'Savuton kunta', { fi: 'Asuminen', sv: 'Boende' }] },
      now,
    );
    expect(input.agenda.map((a) => agendaName(a, 'sv'))).toEqual([
      'Främjande av hälsa och välfärd',
      'Savuton kunta',
      'Boende',
    ]);
    expect(input.agenda.map((a) => agendaName(a, 'en'))).toEqual([
      'Health and wellbeing promotion',
      'Savuton kunta',
      'Asuminen',
    ]);
    expect(problems({ ...valid(), agenda: [{ sv: 'Boende' }] })).toEqual([
      'agenda[0]: must be a known item, one line of text, or names {fi, sv, en} with fi given',
    ]);
  });

  it('fills a term cycle from the template: statutory agenda, phase lengths, title, names and languages', () => {
    const { input, startsAt } = toCycleInput(valid(), now);
    expect(startsAt).toBeNull();
    expect(input.cycleId).toBe('term-08-2025-2029');
    expect(input.title).toBe('Pirkanmaan hyvinvointialue: valtuustokauden neuvottelu 2025–2029');
    expect(input.agenda).toEqual([
      'cooperation',
      'goals',
      'division-of-work',
      'hyte',
      'children-youth-families',
      'employment',
      'immigration-integration',
      'safety-preparedness',
    ]);
    expect(input.agenda.map((a) => agendaName(a, 'sv'))).toContain('Barn, unga och familjer');
    expect(input.schedule).toEqual({
      preparationDays: 20,
      roundDays: 15,
      signOffDays: 30,
      lateDays: 5,
      reminderDays: [5, 1],
      closingTime: '16:00',
    });
    expect(input.parties.map((p) => [p.code, p.kind, p.name, p.language])).toEqual([
      ['08', 'county', 'Pirkanmaan hyvinvointialue', 'fi'],
      ['837', 'municipality', 'Tampere', 'fi'],
    ]);
    expect(input.parties[1]!.participants[0]).toEqual({
      name: 'Yhteyshenkilö',
      email: 'contact@tampere.example.fi',
      role: 'contact',
      language: 'fi',
    });
  });

  it('takes the county and every municipality in it when parties are not listed', () => {
    const def = valid();
    delete def.parties;
    expect(problems(def)).toContain('participants.020: party Akaa has no participants');
    expect(problems(def)).toHaveLength(22); // every municipality but Tampere
  });

  it('addresses a Swedish-majority municipality in Swedish (Mustasaari / Korsholm)', () => {
    const def = {
      ...valid(),
      county: '17',
      parties: ['17', '499'],
      participants: { '17': people('pohjanmaa.example.fi'), '499': people('korsholm.example.fi') },
    };
    expect(toCycleInput(def, now).input.parties[1]).toMatchObject({ name: 'Mustasaari', language: 'sv' });
    // Each participant's language is their own: the contact chose Finnish, the signatory who chose none is
    // addressed in the municipality's language, not the contact's.
    const [contact, signatory] = people('korsholm.example.fi');
    const chosen = {
      ...def,
      participants: { ...def.participants, '499': [{ ...contact!, language: 'fi' }, signatory!] },
    };
    expect(toCycleInput(chosen, now).input.parties[1]!.participants.map((p) => [p.role, p.language])).toEqual([
      ['contact', 'fi'],
      ['signatory', 'sv'],
    ]);
  });

  it('names a missing field', () => {
    const { secretariat: _omitted, ...def } = valid();
    expect(problems(def)).toEqual(['secretariat: Invalid input: expected object, received undefined']);
  });

  it('names an invalid email address by its place in the file', () => {
    const def = valid();
    def.participants['837']![1]!.email = 'not-an-address';
    expect(problems(def)).toEqual(['participants.837[1].email: not a valid email address']);
  });

  it('rejects an unknown municipality, one from another county and a party listed twice', () => {
    const def = valid();
    def.parties = ['08', '837', '999', '091', '837'];
    expect(problems(def)).toEqual([
      "parties[2]: unknown municipality code '999'",
      'parties[3]: Helsinki (091) belongs to county 90, not 08',
      'parties[4]: party 837 is listed twice',
    ]);
  });

  it('rejects a party without a signatory and participants of a party that is not in the cycle', () => {
    const def = valid();
    def.participants['837'] = [people('tampere.example.fi')[0]!];
    def.participants['536'] = people('nokia.example.fi');
    expect(problems(def)).toEqual([
      "participants.536: '536' is not a party of this cycle",
      'participants.837: party Tampere has no signatory',
    ]);
  });

  it('rejects a term cycle outside its council term', () => {
    expect(problems({ ...valid(), period: '2021-2025' })).toEqual([
      "period: '2021-2025' is not a council term (2025-2029, 2029-2033)",
    ]);
    expect(problems({ ...valid(), startsOn: '2029-08-01' })).toEqual([
      'period: the council term 2025-2029 runs 2025-06-01–2029-05-31; this cycle would start 2029-08-01',
    ]);
  });

  it('rejects a start in the past and other actors in a term cycle', () => {
    const def = {
      ...valid(),
      startsOn: '2026-11-01',
      organisations: [
        { code: 'srk-tampere', name: 'Tampereen seurakuntayhtymä', participants: people('srk.example.fi') },
      ],
    };
    expect(problems(def)).toEqual([
      'startsOn: 2026-11-01 is in the past',
      'organisations: other actors take part in annual, hus and theme cycles only',
    ]);
  });

  it('accepts other actors in an annual cycle and starts a later cycle at 08:00 Helsinki time', () => {
    const def = {
      ...valid(),
      kind: 'annual' as const,
      period: '2027',
      startsOn: '2027-01-11',
      organisations: [
        { code: 'srk-tampere', name: 'Tampereen seurakuntayhtymä', participants: people('srk.example.fi') },
      ],
    };
    const { input, startsAt } = toCycleInput(def, now);
    expect(input.parties.at(-1)).toMatchObject({
      code: 'srk-tampere',
      kind: 'organisation',
      name: 'Tampereen seurakuntayhtymä',
    });
    expect(input.agenda).toEqual(['hyte-goals', 'hyte-measures', 'hyte-cooperation', 'hyte-follow-up']);
    expect(startsAt?.toISOString()).toBe('2027-01-11T06:00:00.000Z');
  });

  it("refuses HUS outside Helsinki's and the Uusimaa counties' negotiations, as a party or posing as an organisation", () => {
    const annual = { ...valid(), kind: 'annual' as const, period: '2027', startsOn: '2027-01-11' };
    expect(problems({ ...annual, parties: [...(annual.parties ?? []), 'hus'] })).toContain(
      "parties[2]: the HUS Group (hus) takes part in Helsinki's and the Uusimaa counties' negotiations only, not county 08's",
    );
    const posing = { ...annual, organisations: [{ code: 'hus', name: 'HUS', participants: people('hus.example.fi') }] };
    expect(problems(posing)).toEqual([
      "organisations[0].code: the HUS Group (hus) takes part in Helsinki's and the Uusimaa counties' negotiations only, not county 08's",
    ]);
  });

  it('refuses Helsinki and Åland explicitly', () => {
    const aland = { ...valid(), county: '91', participants: {} };
    delete aland.parties;
    expect(problems(aland)).toContain('county: Åland is outside the wellbeing services county system');
    expect(problems({ ...valid(), county: '90', parties: ['091'], participants: {} })[0]).toMatch(
      /^county: the City of Helsinki is not part of a wellbeing services county/,
    );
  });

  it('rejects unknown fields rather than ignoring a typo', () => {
    expect(problems({ ...valid(), schedul: {} })).toEqual(['(file): Unrecognized key: "schedul"']);
  });

  it('reads every shipped example', () => {
    const kinds = (file: string) => toCycleInput(readCycleFile(file), now).input;
    expect(kinds('examples/helsinki-hus-2027.yaml').parties.map((p) => p.code)).toEqual(['091', 'hus']);
    expect(kinds('examples/pirkanmaa-ministries-2027.yaml').parties.map((p) => p.kind)).toEqual([
      'county',
      'ministry',
      'ministry',
      'ministry',
    ]);
    const theme = kinds('examples/pirkanmaa-theme-smoke-free-2027.yaml');
    expect([theme.kind, theme.parties.length, theme.agenda.length]).toEqual(['theme', 3, 2]);
    expect(toCycleInput(readCycleFile('examples/pirkanmaa-term.yaml'), now).input.parties).toHaveLength(24);
    const annual = toCycleInput(readCycleFile('examples/east-uusimaa-annual.yaml'), now).input;
    // Loviisa is bilingual with a Finnish majority: Finnish by default, Swedish where a participant chose it.
    const loviisa = annual.parties.find((p) => p.code === '434')!;
    expect([loviisa.name, loviisa.language, loviisa.participants[0]!.language]).toEqual(['Loviisa', 'fi', 'sv']);
    expect(annual.parties.filter((p) => p.kind === 'organisation').map((p) => p.code)).toEqual([
      'hus',
      'porvoon-seurakuntayhtyma',
      'itu-jarjestot',
    ]);
  });

  it('reports a missing file plainly', () => {
    expect(() => readCycleFile('examples/nope.yaml')).toThrow('examples/nope.yaml: no such file');
  });

  it('reports a county without a secretariat in the directory among the other problems, with no stand-in address', () => {
    const { secretariat: _secretariat, ...fromDirectory } = valid();
    const problems = (() => {
      try {
        directoryCycleInput({ ...fromDirectory, participants: { '08': people('pirha.example.fi') } }, now, reference);
      } catch (err) {
        if (err instanceof CycleFileError) return err.problems;
        throw err;
      }
      throw new Error('the definition was accepted');
    })();
    expect(problems).toEqual([
      'secretariat: county 08 has no secretariat in the directory',
      'participants.837: party Tampere has no participants',
    ]);
    expect(() => toCycleInput(fromDirectory, now)).toThrow('secretariat: Invalid input');
  });
});

// Every problem a cycle definition can have, in Finnish and Swedish: after its field, parties by name, dates as
// Finns write them, and no English; English as the CLI prints it.
import { describe, expect, it } from 'vitest';
import { withField, type DefinitionProblem } from '../../core/domain/definition-problems';
import { problemIn } from '../../core/domain/definition-words/definition-words';

type Sample = { [K in DefinitionProblem['key']]: Extract<DefinitionProblem, { key: K }> };
const f = { field: 'parties[1]' };
const SAMPLES: Sample = {
  schema: { ...f, key: 'schema', problem: 'too_big', limit: 120, english: 'Too big: expected number to be <=120' },
  tooLarge: { ...f, key: 'tooLarge', bytes: 2_000_000, max: 1_000_000 },
  notUtf8: { ...f, key: 'notUtf8', english: 'c.yaml is not UTF-8' },
  syntax: { ...f, key: 'syntax', format: 'YAML', english: 'not valid YAML: bad indentation' },
  duplicateKey: { ...f, key: 'duplicateKey', format: 'YAML', name: 'kind', line: 3 },
  noSuchFile: { ...f, key: 'noSuchFile', english: 'no such file' },
  noSecretariat: { ...f, key: 'noSecretariat', county: '01' },
  unknownCounty: { ...f, key: 'unknownCounty', county: '99' },
  helsinkiNotCounty: { ...f, key: 'helsinkiNotCounty' },
  husNeedsHelsinki: { ...f, key: 'husNeedsHelsinki', county: '01' },
  aland: { ...f, key: 'aland' },
  themeNeedsAgenda: { ...f, key: 'themeNeedsAgenda' },
  themeNeedsId: { ...f, key: 'themeNeedsId' },
  startInPast: { ...f, key: 'startInPast', date: '2026-11-01' },
  notCouncilTerm: { ...f, key: 'notCouncilTerm', period: '2024-2028', terms: ['2025-2029'] },
  outsideCouncilTerm: {
    ...f,
    key: 'outsideCouncilTerm',
    period: '2025-2029',
    from: '2025-08-01',
    to: '2029-05-31',
    start: '2030-01-02',
  },
  organisationsInTerm: { ...f, key: 'organisationsInTerm' },
  organisationsInMinistry: { ...f, key: 'organisationsInMinistry' },
  periodNotYear: { ...f, key: 'periodNotYear', example: 2027 },
  periodWrongYear: { ...f, key: 'periodWrongYear', year: 2030, startYear: 2027 },
  listedTwice: { ...f, key: 'listedTwice', party: '434' },
  nationalWrongKind: { ...f, key: 'nationalWrongKind', party: 'vm' },
  husOutsideUusimaa: { ...f, key: 'husOutsideUusimaa', county: '08' },
  ministryWithOthers: { ...f, key: 'ministryWithOthers', county: '01', party: '434' },
  helsinkiAsCity: { ...f, key: 'helsinkiAsCity' },
  notTheCounty: { ...f, key: 'notTheCounty', party: '08', county: '01' },
  unknownMunicipality: { ...f, key: 'unknownMunicipality', party: '999' },
  wrongCounty: { ...f, key: 'wrongCounty', party: '837', name: 'Tampere', belongs: '08', county: '01' },
  organisationIsMinistry: { ...f, key: 'organisationIsMinistry', party: 'stm' },
  codeUsedTwice: { ...f, key: 'codeUsedTwice', party: 'itu-jarjestot' },
  notAParty: { ...f, key: 'notAParty', party: '536' },
  noParticipants: { ...f, key: 'noParticipants', party: '434', name: 'Loviisa' },
  noRole: { ...f, key: 'noRole', party: '434', name: 'Loviisa', role: 'signatory' },
  emailTwice: { ...f, key: 'emailTwice', email: 'a@lovisa.example.fi' },
  ministryNeedsMinistry: { ...f, key: 'ministryNeedsMinistry' },
  ministryNeedsCounty: { ...f, key: 'ministryNeedsCounty', county: '01' },
  reminderTooEarly: { ...f, key: 'reminderTooEarly', days: 12, phases: [{ phase: 'round', days: 10 }] },
  secondCycle: { ...f, key: 'secondCycle', county: '01', kind: 'annual', period: '2027', existing: ['hyte-2027'] },
  noCouncilTermOn: { ...f, key: 'noCouncilTermOn', date: '2031-06-01' },
  cycleExists: { ...f, key: 'cycleExists', id: 'hyte-2027' },
};
const NAMES: Record<'fi' | 'sv' | 'en', Record<string, string>> = {
  fi: { '01': 'Itä-Uudenmaan hyvinvointialue', '08': 'Pirkanmaan hyvinvointialue', '434': 'Loviisa', '837': 'Tampere' },
  sv: { '01': 'Östra Nylands välfärdsområde', '08': 'Birkalands välfärdsområde', '434': 'Lovisa', '837': 'Tammerfors' },
  en: { '01': 'East Uusimaa', '08': 'Pirkanmaa', '434': 'Loviisa', '837': 'Tampere' },
};

describe('a cycle definition’s problems in the reader’s language', () => {
  for (const language of ['fi', 'sv', 'en'] as const)
    it(`says every problem in ${language}, at its field`, () => {
      const context = { party: (code: string) => NAMES[language][code] ?? code };
      for (const problem of Object.values(SAMPLES)) {
        const text = problemIn(language, problem, context);
        expect(text.startsWith('parties[1]: '), problem.key).toBe(true);
        if (language !== 'en')
          expect(text, problem.key).not.toMatch(/\b(the|is|not|has|party|county|cycle|bytes|expected)\b/i);
        expect(text, problem.key).not.toMatch(/\d{4}-\d\d-\d\d|Too big|expected/);
        expect(text, problem.key).not.toMatch(/\b(434|837|01|08)\b/);
      }
      expect(problemIn(language, SAMPLES.startInPast, context)).toContain('1.11.2026');
    });

  it('keeps the English the CLI and the logs print', () => {
    expect(withField(SAMPLES.secondCycle)).toBe(
      'parties[1]: county 01 already has an annual cycle for 2027 (hyte-2027); a second one needs the reason it is held',
    );
    expect(problemIn('en', SAMPLES.aland, { party: (c) => c })).toBe(
      'parties[1]: Åland is outside the wellbeing services county system',
    );
  });
});

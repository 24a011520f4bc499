// Names in the reader's language: a municipality's and a county's from the reference data, a default cycle title
// translated, a title of the file's own kept as written.
import { describe, expect, it } from 'vitest';
import { cycleTitleIn, partyNameIn } from '../../core/domain/local-names';
import { TEMPLATES } from '../../core/domain/cycle-templates';
import { shippedReference } from '../support/reference';

const reference = shippedReference();

describe("names in the reader's language", () => {
  it('names municipalities, counties, the ministries and HUS in the language, other actors as written', () => {
    expect(partyNameIn(reference, '434', 'Loviisa', 'sv')).toBe('Lovisa');
    expect(partyNameIn(reference, '01', 'Itä-Uudenmaan hyvinvointialue', 'en')).toBe(
      'East Uusimaa wellbeing services county',
    );
    expect(partyNameIn(reference, 'hus', 'HUS-yhtymä', 'sv')).toBe('HUS-sammanslutningen');
    expect(partyNameIn(reference, 'stm', 'Sosiaali- ja terveysministeriö', 'en')).toBe(
      'Ministry of Social Affairs and Health',
    );
    expect(partyNameIn(reference, 'itu-jarjestot', 'Itä-Uudenmaan järjestöt', 'sv')).toBe('Itä-Uudenmaan järjestöt');
  });

  it("translates a cycle's default title, and keeps a title of its own", () => {
    const title = TEMPLATES.term.title('Pirkanmaan hyvinvointialue', '2025-2029');
    const cycle = { title, kind: 'term' as const, countyCode: '08', period: '2025-2029' };
    expect(cycleTitleIn(reference, cycle, 'sv')).toBe(
      'Birkalands välfärdsområde: förhandling för fullmäktigeperioden 2025–2029',
    );
    expect(cycleTitleIn(reference, cycle, 'fi')).toBe(title);
    expect(cycleTitleIn(reference, { ...cycle, title: 'Oma otsikko' }, 'sv')).toBe('Oma otsikko');
  });
});

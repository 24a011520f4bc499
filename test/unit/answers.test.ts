// What the secretariat reads of the parties' answers: grouped by phase and party with the newest version first,
// marked, in Helsinki time; a CSV a spreadsheet cannot mistake for formulas.
import { describe, expect, it } from 'vitest';
import { formatAnswers, groupAnswers, marks } from '../../client/answers';
import { answerRow } from '../support/answer-row';

const row = answerRow;

const rows = [
  row({ text: 'Ensimmäinen versio' }),
  row({ text: 'Toinen versio', at: new Date('2027-02-11T12:00:00Z'), late: true }),
  row({ partyCode: '908', partyName: 'Valkeakoski', text: '=HYPERLINK("http://x")', onBehalfBy: 'sihteeri@pirha.fi' }),
  row({ phaseKey: 'round-1', kind: 'no_comments', text: '' }),
];

describe('answers for the secretariat', () => {
  it('groups by phase and party, newest version first', () => {
    const phases = groupAnswers(rows);
    expect(phases.map((p) => [p.phaseKey, p.parties.map((x) => [x.partyCode, x.versions.map((v) => v.text)])])).toEqual(
      [
        [
          'preparation',
          [
            ['837', ['Toinen versio', 'Ensimmäinen versio']],
            ['908', ['=HYPERLINK("http://x")']],
          ],
        ],
        ['round-1', [['837', ['']]]],
      ],
    );
  });

  it('marks late, on-behalf and no-comments answers', () => {
    expect(marks(rows[1]!)).toEqual(['late']);
    expect(marks(rows[2]!)).toEqual(['recorded on behalf by sihteeri@pirha.fi']);
    expect(marks(rows[3]!)).toEqual(['no comments']);
  });

  it('writes CSV with Helsinki times, quoted text, and formulas kept as text', () => {
    const lines = formatAnswers(rows, 'csv').split('\r\n');
    expect(lines[0]).toBe('phase,party code,party,participant,email,kind,marks,at (Helsinki),agenda item,text');
    expect(lines[2]).toBe('preparation,837,Tampere,Aino,aino@tampere.fi,answer,late,11.2.2027 14:00,,Toinen versio');
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('prints a table of the latest answers, and Markdown with every version', () => {
    const table = formatAnswers(rows, 'table');
    expect(table).toContain('837 Tampere');
    expect(table).toContain('Toinen versio (late, 2 versions)');
    const md = formatAnswers(rows, 'md');
    expect(md).toContain('### 837 Tampere');
    expect(md).toContain('- **earlier (1)**, Aino <aino@tampere.fi>, 10.2.2027 14:00');
    expect(formatAnswers([], 'table')).toBe('No answers yet.');
  });

  it('writes what an answer says of each agenda item on a line of its own, named', () => {
    const perItem = answerRow({
      text: '',
      areas: [
        { area: 0, text: 'Liikunta: kuntosaliryhmät' },
        { area: 1, goals: [{ goal: 'Työllisyys paranee' }] },
      ],
    });
    const lines = formatAnswers([perItem], 'csv', 'fi', ['hyte', 'employment']).split('\r\n');
    expect(lines[0]).toBe(
      'vaihe,osapuolen koodi,osapuoli,vastaaja,sähköposti,laji,merkinnät,aika (Helsinki),asialistan kohta,teksti',
    );
    // The item with only goals is in the goals register; the one with a text is here.
    expect(lines.slice(1, -1)).toEqual([
      'valmistelu,837,Tampere,Aino,aino@tampere.fi,vastaus,,10.2.2027 14:00,Hyvinvoinnin ja terveyden edistäminen,Liikunta: kuntosaliryhmät',
    ]);
  });
});

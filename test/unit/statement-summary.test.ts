// The statement summary is a real Word document: opened with mammoth, it has each phase and party, what each said
// last, the marks, in the language asked for.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { statementSummary } from '../../client/statement-summary';
import type { AnswerRow } from '../../db/answers';
import { answerRow } from '../support/answer-row';

const row = (over: Partial<AnswerRow>): AnswerRow =>
  answerRow({ phaseKey: 'round-1', participantName: 'Aino Virtanen', text: 'Ensimmäinen versio', ...over });

const rows = [
  row({}),
  row({ text: 'Kohta 2: työnjako tarkennettava.\nKohta 3: hyvä.', at: new Date('2027-02-11T08:30:00Z'), late: true }),
  row({ partyCode: '908', partyName: 'Valkeakoski', kind: 'no_comments', text: '', onBehalfBy: 'sihteeri@pirha.fi' }),
  row({
    phaseKey: 'signoff',
    kind: 'rejected',
    text: 'Kh 1.3.2027 § 4 – Työnjako ei käy',
    attachments: [{ sha256: 'a'.repeat(64), name: 'kh-poytakirja.pdf', mediaType: 'application/pdf', size: 1000 }],
  }),
];
/** Every party of the cycle: Akaa answered nothing. */
const parties = [
  { code: '837', name: 'Tampere' },
  { code: '908', name: 'Valkeakoski' },
  { code: '020', name: 'Akaa' },
];

const textOf = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

describe('the statement summary', () => {
  it('says per phase and party what each said last, with marks, in Finnish', async () => {
    const text = await textOf(
      await statementSummary({ title: 'Pirkanmaan neuvottelu', agenda: ['hyte'], rows, parties, language: 'fi' }),
    );
    for (const expected of [
      'Lausuntoyhteenveto: Pirkanmaan neuvottelu',
      'Hyvinvoinnin ja terveyden edistäminen',
      'Lausuntokierros 1',
      '837 Tampere',
      'Aino Virtanen (aino@tampere.fi), 11.2.2027 10:30 – myöhässä',
      'Kohta 2: työnjako tarkennettava.',
      'Kohta 3: hyvä.',
      'Aiempia versioita: 1.',
      '908 Valkeakoski',
      'kirjattu osapuolen puolesta: sihteeri@pirha.fi',
      'Ei lausuttavaa.',
      'Hyväksyntä',
      'hylätty',
      'Kh 1.3.2027 § 4 – Työnjako ei käy',
      'Liitteet: kh-poytakirja.pdf',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Ensimmäinen versio');
    // A party that did not answer is named in every phase, with "no answer": here in round 1 and in the sign-off.
    expect(text.match(/020 Akaa\s+Ei vastausta\./g)).toHaveLength(2);
  });

  it('is written in Swedish when asked', async () => {
    const text = await textOf(
      await statementSummary({ title: 'Förhandling', agenda: ['hyte'], rows, parties, language: 'sv' }),
    );
    for (const expected of [
      'Sammanställning av utlåtanden: Förhandling',
      'Främjande av hälsa och välfärd',
      'Remissrunda 1',
      'försenat',
      'Inget att yttra.',
      'Godkännande',
      'förkastat',
      'Inget svar.',
      'Bilagor: kh-poytakirja.pdf',
    ])
      expect(text).toContain(expected);
  });
});

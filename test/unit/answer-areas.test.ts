// Answers per agenda item: what the party workflow's validator accepts (and the field it names when it does not),
// and how a goal reads in the register.
import { describe, expect, it } from 'vitest';
import { goalLine, goalsRegisterCsv } from '../../client/answers';
import { answerRow } from '../support/answer-row';
import { PARTICIPANT_REQUESTS, parseRequest } from '../../core/requests';

const base = { taskId: 'c/837/preparation', participantEmail: 'aino@tampere.fi' };
const refusal = (request: object) => {
  try {
    parseRequest(PARTICIPANT_REQUESTS.submitAnswer.schema, { ...base, ...request });
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('answers per agenda item', () => {
  it('takes areas without a general text, and trims what it keeps', () => {
    const answer = parseRequest(PARTICIPANT_REQUESTS.submitAnswer.schema, {
      ...base,
      areas: [{ area: 3, text: ' Liikunta ', goals: [{ goal: ' Savuton kunta ' }] }],
    });
    expect(answer.areas).toEqual([{ area: 3, text: 'Liikunta', goals: [{ goal: 'Savuton kunta' }] }]);
  });

  it('refuses an empty item, an item given twice, a goal without its goal, and "no comments" with areas', () => {
    expect(refusal({ areas: [{ area: 0 }] })).toBe('areas.0.text: give a text or a goal');
    expect(
      refusal({
        areas: [
          { area: 0, text: 'a' },
          { area: 0, text: 'b' },
        ],
      }),
    ).toBe('areas: an agenda item is given twice');
    expect(refusal({ areas: [{ area: 0, goals: [{ measure: 'x' }] }] })).toMatch(/^areas\.0\.goals\.0\.goal: /);
    expect(refusal({ areas: [{ area: 0, goals: [{ goal: 'x', targetYear: 1999 }] }] })).toMatch(
      /^areas\.0\.goals\.0\.targetYear: /,
    );
    expect(refusal({ noComments: true, areas: [{ area: 0, text: 'a' }] })).toBe(
      'areas: "no comments" cannot come with answers per agenda item',
    );
    expect(refusal({})).toBe('text: give the answer text, an answer per agenda item, or noComments');
  });

  it('writes a goal on one line and lists it in the register under its agenda item', () => {
    const goal = {
      goal: 'Liikkuminen lisääntyy',
      measure: 'Kuntosaliryhmät',
      indicator: 'Liikkuvien osuus (%)',
      baseline: '31',
      target: '40',
      targetYear: 2029,
      responsible: 'Vapaa-aikalautakunta',
      partyPerson: 'Liikuntapäällikkö',
      countyPerson: 'Hyte-koordinaattori',
      thlIndicator: 4420,
    };
    expect(goalLine(goal)).toBe(
      'Liikkuminen lisääntyy; Kuntosaliryhmät; Liikkuvien osuus (%) 31 → 40 (2029); Vapaa-aikalautakunta; Liikuntapäällikkö ↔ Hyte-koordinaattori',
    );
    const row = answerRow({ text: '', areas: [{ area: 1, goals: [goal] }] });
    const register = goalsRegisterCsv([row], ['hyte', 'employment']).split('\r\n');
    // In Finnish, the register's language by default: its columns and phases too.
    expect(register[0]).toMatch(/^vaihe,osapuolen koodi,osapuoli,asialistan kohta,tavoite,/);
    expect(register[1]).toBe(
      'valmistelu,837,Tampere,Työllisyys,Liikkuminen lisääntyy,Kuntosaliryhmät,Liikkuvien osuus (%),31,40,2029,Vapaa-aikalautakunta,Liikuntapäällikkö,Hyte-koordinaattori,aino@tampere.fi,10.2.2027 14:00,4420',
    );
  });
});

// Every refusal a cycle can give, in every language: parties by name, times in Helsinki in Finnish notation, and
// neither a party code, an ISO time nor a phase key in the sentence; Finnish and Swedish without English.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Refusal, type RefusalKey } from '../../core/contracts';
import { refusalIn } from '../../client/refusal-words/refusal-words';

const SAMPLES: { [K in RefusalKey]: Extract<Refusal, { key: K }> } = {
  notPossible: { key: 'notPossible', when: 'before-draft', phase: 'preparation' },
  tooManyRounds: { key: 'tooManyRounds', max: 20 },
  noDraftVersion: { key: 'noDraftVersion', version: 7 },
  draftNotStored: { key: 'draftNotStored' },
  meetingInPast: { key: 'meetingInPast', startsAt: '2020-01-15T08:00:00.000Z' },
  minutesBeforeMeeting: { key: 'minutesBeforeMeeting', startsAt: '2027-03-01T10:30:00.000Z' },
  signOffNeedsMinutes: { key: 'signOffNeedsMinutes' },
  confirmCancel: { key: 'confirmCancel', total: 3 },
  confirmSignOff: { key: 'confirmSignOff', total: 3, phaseKey: 'round-2', open: ['434', '638'] },
  confirmClose: { key: 'confirmClose', total: 3, phaseKey: 'preparation', open: ['434'] },
  unknownParty: { key: 'unknownParty', party: '434' },
  noOpenTask: { key: 'noOpenTask', party: '434' },
  noOpenTaskToExtend: { key: 'noOpenTaskToExtend', party: '434' },
  notActiveParticipant: { key: 'notActiveParticipant', party: '434', email: 'a@lovisa.example.fi' },
  alreadyParticipant: { key: 'alreadyParticipant', party: '434', email: 'a@lovisa.example.fi' },
  noRegistrationOnBehalf: { key: 'noRegistrationOnBehalf' },
  giveAnswerOrSignOff: { key: 'giveAnswerOrSignOff', kind: 'signoff' },
  alreadySignedOff: { key: 'alreadySignedOff', party: '434' },
  noCommentsOutsideRound: { key: 'noCommentsOutsideRound' },
};
const NAMES: Record<string, Record<string, string>> = {
  fi: { '434': 'Loviisa', '638': 'Porvoo' },
  sv: { '434': 'Lovisa', '638': 'Borgå' },
  en: { '434': 'Loviisa', '638': 'Porvoo' },
};

describe('refusals in the reader’s language', () => {
  for (const language of LANGUAGES)
    it(`says every refusal in ${language}`, () => {
      const say = (r: Refusal) => refusalIn(language, r, { party: (code) => NAMES[language]![code] ?? code });
      for (const refusal of Object.values(SAMPLES)) {
        const text = say(refusal);
        expect(text, refusal.key).not.toMatch(/\b434\b|\b638\b|T\d\d:\d\d|round-2|noMeetingReason/);
        if (language !== 'en')
          expect(text, refusal.key).not.toMatch(/\b(the|is|not|has|party|meeting|confirm|draft)\b/i);
      }
      const past = say(SAMPLES.meetingInPast);
      expect(past).toContain(`15.1.2020 ${{ fi: 'klo', sv: 'kl.', en: 'at' }[language]} 10.00`);
      expect(say(SAMPLES.confirmSignOff)).toContain(language === 'sv' ? 'Lovisa, Borgå' : 'Loviisa, Porvoo');
    });
});

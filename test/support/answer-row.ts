// An answer as the secretariat's views read it (db/answers.ts), for tests of what they make of it.
import type { AnswerRow } from '../../db/answers';

export const answerRow = (over: Partial<AnswerRow> = {}): AnswerRow => ({
  phaseKey: 'preparation',
  partyCode: '837',
  partyName: 'Tampere',
  participantName: 'Aino',
  participantEmail: 'aino@tampere.fi',
  kind: 'answer',
  text: 'Tavoitteet',
  late: false,
  onBehalfBy: null,
  at: new Date('2027-02-10T12:00:00Z'),
  areas: [],
  attachments: [],
  ...over,
});

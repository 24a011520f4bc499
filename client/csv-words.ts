// The words of the CSV exports (answers and goals register) in Finnish, Swedish and English: headers, phases,
// kinds of answer and marks, so a spreadsheet opened in Swedish has no Finnish or English column or code in it.
import type { Language } from '../core/contracts';
import type { AnswerKind } from '../db/answers';
import { phaseNamed } from '../core/domain/phase-names';

export interface CsvWords {
  answers: string[];
  goals: string[];
  phase: (key: string) => string;
  kind: Record<AnswerKind, string>;
  noComments: string;
  late: string;
  onBehalf: (by: string) => string;
}

export const CSV_WORDS: Record<Language, CsvWords> = {
  fi: {
    answers: [
      'vaihe',
      'osapuolen koodi',
      'osapuoli',
      'vastaaja',
      'sähköposti',
      'laji',
      'merkinnät',
      'aika (Helsinki)',
      'asialistan kohta',
      'teksti',
    ],
    goals: [
      'vaihe',
      'osapuolen koodi',
      'osapuoli',
      'asialistan kohta',
      'tavoite',
      'toimenpide',
      'mittari',
      'lähtötaso',
      'tavoitetaso',
      'tavoitevuosi',
      'vastuutaho',
      'osapuolen yhteyshenkilö',
      'hyvinvointialueen yhteyshenkilö',
      'antaja',
      'aika (Helsinki)',
      'THL:n indikaattori',
    ],
    phase: phaseNamed('valmistelu', 'neuvottelukokous', 'hyväksyntä', 'lausuntokierros'),
    kind: { answer: 'vastaus', no_comments: 'ei lausuttavaa', approved: 'hyväksytty', rejected: 'hylätty' },
    noComments: 'ei lausuttavaa',
    late: 'myöhässä',
    onBehalf: (by) => `kirjattu osapuolen puolesta: ${by}`,
  },
  sv: {
    answers: [
      'fas',
      'partens kod',
      'part',
      'deltagare',
      'e-post',
      'slag',
      'anteckningar',
      'tid (Helsingfors)',
      'punkt på dagordningen',
      'text',
    ],
    goals: [
      'fas',
      'partens kod',
      'part',
      'punkt på dagordningen',
      'mål',
      'åtgärd',
      'indikator',
      'utgångsnivå',
      'målnivå',
      'målår',
      'ansvarig',
      'partens kontaktperson',
      'välfärdsområdets kontaktperson',
      'given av',
      'tid (Helsingfors)',
      'THL:s indikator',
    ],
    phase: phaseNamed('beredning', 'förhandlingsmöte', 'godkännande', 'remissrunda'),
    kind: { answer: 'svar', no_comments: 'inget att yttra', approved: 'godkänt', rejected: 'förkastat' },
    noComments: 'inget att yttra',
    late: 'försenat',
    onBehalf: (by) => `registrerat för partens räkning av ${by}`,
  },
  en: {
    answers: [
      'phase',
      'party code',
      'party',
      'participant',
      'email',
      'kind',
      'marks',
      'at (Helsinki)',
      'agenda item',
      'text',
    ],
    goals: [
      'phase',
      'party code',
      'party',
      'agenda item',
      'goal',
      'measure',
      'indicator',
      'baseline',
      'target',
      'target year',
      'responsible',
      'party person',
      'county person',
      'given by',
      'at (Helsinki)',
      'THL indicator',
    ],
    phase: (key) => key,
    kind: { answer: 'answer', no_comments: 'no_comments', approved: 'approved', rejected: 'rejected' },
    noComments: 'no comments',
    late: 'late',
    onBehalf: (by) => `recorded on behalf by ${by}`,
  },
};

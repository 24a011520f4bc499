// Built-in templates per kind of cycle: the statutory agenda and default phase lengths in working days.
import type { CycleKind, Language, Schedule } from '../../workflows/contracts';

/** Agenda items the law names, by key; a cycle file may also add items of its own as plain text. */
export const AGENDA_ITEMS: Record<string, Record<Language, string>> = {
  cooperation: { fi: 'Yhteistyö', sv: 'Samarbete', en: 'Cooperation' },
  goals: { fi: 'Tavoitteet', sv: 'Mål', en: 'Goals' },
  'division-of-work': { fi: 'Työnjako', sv: 'Arbetsfördelning', en: 'Division of work' },
  'cooperation-structures': { fi: 'Yhteistyörakenteet', sv: 'Samarbetsstrukturer', en: 'Cooperation structures' },
  'operating-models': { fi: 'Toimintamallit', sv: 'Verksamhetsmodeller', en: 'Operating models' },
  'information-flow': { fi: 'Tiedonkulku', sv: 'Informationsflöde', en: 'Information flow' },
  measures: { fi: 'Toimenpiteet', sv: 'Åtgärder', en: 'Measures' },
  'follow-up': { fi: 'Seuranta', sv: 'Uppföljning', en: 'Follow-up' },
};

export interface Template {
  law: string;
  agenda: string[];
  schedule: Schedule;
  title: (countyName: string, period: string) => string;
}

const common = { lateDays: 5, reminderDays: [5, 1], closingTime: '16:00' };

export const TEMPLATES: Record<CycleKind, Template> = {
  term: {
    law: 'hyvinvointialuelaki 611/2021 §14',
    agenda: ['cooperation', 'goals', 'division-of-work'],
    schedule: { preparationDays: 20, roundDays: 15, signOffDays: 30, ...common },
    title: (county, period) => `${county}: valtuustokauden neuvottelu ${period.replace('-', '–')}`,
  },
  annual: {
    law: 'laki sosiaali- ja terveydenhuollon järjestämisestä 612/2021 §7',
    agenda: ['goals', 'measures', 'cooperation', 'follow-up'],
    schedule: { preparationDays: 15, roundDays: 10, signOffDays: 20, ...common },
    title: (county, period) => `${county}: hyvinvoinnin ja terveyden edistämisen neuvottelu ${period}`,
  },
};

// Built-in templates per kind of cycle: the statutory agenda and default phase lengths in working days.
import type { AgendaEntry, CycleKind, Language, Schedule } from '../contracts';

/** Agenda items by key: what the law names, and the cooperation areas of the recommendations the law's practice
 * follows. A cycle file may also add items of its own, as plain text or with a name in each language. */
export const AGENDA_ITEMS: Record<string, Record<Language, string>> = {
  hyte: {
    fi: 'Hyvinvoinnin ja terveyden edistäminen',
    sv: 'Främjande av hälsa och välfärd',
    en: 'Health and wellbeing promotion',
  },
  'children-youth-families': {
    fi: 'Lapset, nuoret ja perheet',
    sv: 'Barn, unga och familjer',
    en: 'Children, youth and families',
  },
  employment: { fi: 'Työllisyys', sv: 'Sysselsättning', en: 'Employment' },
  'immigration-integration': {
    fi: 'Maahanmuutto ja kotoutuminen',
    sv: 'Invandring och integration',
    en: 'Immigration and integration',
  },
  'safety-preparedness': {
    fi: 'Turvallisuus ja varautuminen',
    sv: 'Säkerhet och beredskap',
    en: 'Safety and preparedness',
  },
  cooperation: { fi: 'Yhteistyö', sv: 'Samarbete', en: 'Cooperation' },
  goals: { fi: 'Tavoitteet', sv: 'Mål', en: 'Goals' },
  'division-of-work': { fi: 'Työnjako', sv: 'Arbetsfördelning', en: 'Division of work' },
  'cooperation-structures': { fi: 'Yhteistyörakenteet', sv: 'Samarbetsstrukturer', en: 'Cooperation structures' },
  'operating-models': { fi: 'Toimintamallit', sv: 'Verksamhetsmodeller', en: 'Operating models' },
  'information-flow': { fi: 'Tiedonkulku', sv: 'Informationsflöde', en: 'Information flow' },
  measures: { fi: 'Toimenpiteet', sv: 'Åtgärder', en: 'Measures' },
  'follow-up': { fi: 'Seuranta', sv: 'Uppföljning', en: 'Follow-up' },
  // The annual negotiation's agenda (612/2021 §7): health and wellbeing promotion, item by item.
  'hyte-goals': {
    fi: 'Hyvinvoinnin ja terveyden edistämisen tavoitteet',
    sv: 'Mål för främjandet av hälsa och välfärd',
    en: 'Goals of health and wellbeing promotion',
  },
  'hyte-measures': {
    fi: 'Hyvinvoinnin ja terveyden edistämisen toimenpiteet',
    sv: 'Åtgärder för främjandet av hälsa och välfärd',
    en: 'Measures of health and wellbeing promotion',
  },
  'hyte-cooperation': {
    fi: 'Yhteistyö hyvinvoinnin ja terveyden edistämisessä',
    sv: 'Samarbete i främjandet av hälsa och välfärd',
    en: 'Cooperation in health and wellbeing promotion',
  },
  'hyte-follow-up': {
    fi: 'Hyvinvoinnin ja terveyden edistämisen seuranta',
    sv: 'Uppföljning av främjandet av hälsa och välfärd',
    en: 'Follow-up of health and wellbeing promotion',
  },
  // The ministries' yearly negotiation with a county (611/2021 §13 a): the shared picture of the situation, the
  // national goals, the county's goals and measures in organising its services, its finances, what earlier
  // negotiations left open, and the ministries' recommendations.
  'situation-picture': {
    fi: 'Yhteinen tilannekuva',
    sv: 'Gemensam lägesbild',
    en: 'Shared picture of the situation',
  },
  'national-goals': {
    fi: 'Valtakunnalliset tavoitteet',
    sv: 'Riksomfattande mål',
    en: 'National goals',
  },
  'organising-goals': {
    fi: 'Järjestämisen tavoitteet ja toimenpiteet',
    sv: 'Mål och åtgärder för ordnandet',
    en: 'Goals and measures in organising services',
  },
  finances: {
    fi: 'Talous ja rahoitus',
    sv: 'Ekonomi och finansiering',
    en: 'Finances and funding',
  },
  'earlier-negotiations': {
    fi: 'Edellisissä neuvotteluissa käsitellyt asiat',
    sv: 'Frågor från tidigare förhandlingar',
    en: 'Matters from earlier negotiations',
  },
  recommendations: {
    fi: 'Toimenpidesuositukset',
    sv: 'Rekommendationer om åtgärder',
    en: 'Recommended measures',
  },
};

/** An agenda item's name in `language`: a known key's, the item's own, or its text as written. */
export const agendaName = (entry: AgendaEntry, language: Language): string =>
  typeof entry === 'string' ? (AGENDA_ITEMS[entry]?.[language] ?? entry) : entry[language];

/** The five cooperation areas of the recommendations: the council term's agenda names them, and each municipality
 * has a counterpart pair (vastinpari) in each. */
export const COOPERATION_AREAS = [
  'hyte',
  'children-youth-families',
  'employment',
  'immigration-integration',
  'safety-preparedness',
] as const;

export interface Template {
  law: string;
  agenda: string[];
  schedule: Schedule;
  /** The default title, in Finnish (what a cycle is started with). */
  title: (countyName: string, period: string) => string;
  /** The same title in each language, for readers of that language. */
  titleIn: Record<Language, (countyName: string, period: string) => string>;
}

const common = { lateDays: 5, reminderDays: [5, 1], closingTime: '16:00' };

export const TEMPLATES: Record<CycleKind, Template> = {
  term: {
    law: 'hyvinvointialuelaki 611/2021 §14',
    // The statutory items (§14), then the five cooperation areas of the recommendations.
    agenda: ['cooperation', 'goals', 'division-of-work', ...COOPERATION_AREAS],
    schedule: { preparationDays: 20, roundDays: 15, signOffDays: 30, ...common },
    title: (county, period) => `${county}: valtuustokauden neuvottelu ${period.replace('-', '–')}`,
    titleIn: {
      fi: (county, period) => `${county}: valtuustokauden neuvottelu ${period.replace('-', '–')}`,
      sv: (county, period) => `${county}: förhandling för fullmäktigeperioden ${period.replace('-', '–')}`,
      en: (county, period) => `${county}: council term negotiation ${period.replace('-', '–')}`,
    },
  },
  annual: {
    law: 'laki sosiaali- ja terveydenhuollon järjestämisestä 612/2021 §7',
    agenda: ['hyte-goals', 'hyte-measures', 'hyte-cooperation', 'hyte-follow-up'],
    schedule: { preparationDays: 15, roundDays: 10, signOffDays: 20, ...common },
    title: (county, period) => `${county}: hyvinvoinnin ja terveyden edistämisen neuvottelu ${period}`,
    titleIn: {
      fi: (county, period) => `${county}: hyvinvoinnin ja terveyden edistämisen neuvottelu ${period}`,
      sv: (county, period) => `${county}: förhandling om främjande av hälsa och välfärd ${period}`,
      en: (county, period) => `${county}: health and wellbeing promotion negotiation ${period}`,
    },
  },
  hus: {
    law: 'laki sosiaali- ja terveydenhuollon järjestämisestä 612/2021 §6(5)',
    // The subject of §7's negotiation, which §6(5) gives Helsinki and HUS instead.
    agenda: ['hyte-goals', 'hyte-measures', 'hyte-cooperation', 'hyte-follow-up'],
    schedule: { preparationDays: 15, roundDays: 10, signOffDays: 20, ...common },
    title: (_city, period) => `Helsingin kaupunki ja HUS: hyvinvoinnin ja terveyden edistämisen neuvottelu ${period}`,
    titleIn: {
      fi: (_city, period) => `Helsingin kaupunki ja HUS: hyvinvoinnin ja terveyden edistämisen neuvottelu ${period}`,
      sv: (_city, period) => `Helsingfors stad och HUS: förhandling om främjande av hälsa och välfärd ${period}`,
      en: (_city, period) => `City of Helsinki and HUS: health and wellbeing promotion negotiation ${period}`,
    },
  },
  ministry: {
    law: 'hyvinvointialuelaki 611/2021 §13 a',
    agenda: [
      'situation-picture',
      'national-goals',
      'organising-goals',
      'finances',
      'earlier-negotiations',
      'recommendations',
    ],
    // The county prepares through the year; the ministries' recommendations close it.
    schedule: { preparationDays: 30, roundDays: 10, signOffDays: 20, ...common },
    title: (county, period) => `${county}: hyvinvointialueneuvottelu ${period}`,
    titleIn: {
      fi: (county, period) => `${county}: hyvinvointialueneuvottelu ${period}`,
      sv: (county, period) => `${county}: välfärdsområdesförhandling ${period}`,
      en: (county, period) => `${county}: negotiation with the ministries ${period}`,
    },
  },
  theme: {
    law: 'hyvinvointialuelaki 611/2021 §14 (yhteistyö), teemakohtainen neuvottelu',
    // No statutory agenda: a theme negotiation names its own (the cycle file's agenda is required).
    agenda: [],
    schedule: { preparationDays: 10, roundDays: 10, signOffDays: 15, ...common },
    title: (county, period) => `${county}: teemaneuvottelu ${period}`,
    titleIn: {
      fi: (county, period) => `${county}: teemaneuvottelu ${period}`,
      sv: (county, period) => `${county}: temaförhandling ${period}`,
      en: (county, period) => `${county}: theme negotiation ${period}`,
    },
  },
};

// Parties that are not in the municipal classification but negotiate by law: the three ministries of the yearly
// negotiation with each county (611/2021 §13 a) and the HUS group, Helsinki's partner in its yearly negotiation on
// health and wellbeing promotion (612/2021 §6(5)). Their people come from the party directory under these codes.
import type { Language, PartyKind } from '../contracts';

export interface NationalParty {
  kind: PartyKind;
  name: Record<Language, string>;
}

export const NATIONAL_PARTIES: Record<string, NationalParty> = {
  vm: {
    kind: 'ministry',
    name: { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet', en: 'Ministry of Finance' },
  },
  stm: {
    kind: 'ministry',
    name: {
      fi: 'Sosiaali- ja terveysministeriö',
      sv: 'Social- och hälsovårdsministeriet',
      en: 'Ministry of Social Affairs and Health',
    },
  },
  sm: {
    kind: 'ministry',
    name: { fi: 'Sisäministeriö', sv: 'Inrikesministeriet', en: 'Ministry of the Interior' },
  },
  hus: {
    kind: 'organisation',
    name: { fi: 'HUS-yhtymä', sv: 'HUS-sammanslutningen', en: 'HUS Group' },
  },
};

/** Where HUS takes part (docs/negotiation-kinds.md): Helsinki's negotiation (90) and the Uusimaa counties' (01–04),
 * whose hospital district it is. */
export const HUS_COUNTIES = ['01', '02', '03', '04', '90'];

export const MINISTRIES = Object.keys(NATIONAL_PARTIES).filter((code) => NATIONAL_PARTIES[code]!.kind === 'ministry');

/** The City of Helsinki: in the classification as county 90 and as municipality 091. */
export const HELSINKI = { county: '90', municipality: '091' } as const;

// What can be wrong with a cycle definition, as data: the field it is in, a key, and the facts the sentence needs.
// The English sentence is written here (the CLI, the logs and the operator's mail use it); a page says the same in
// its reader's language (client/definition-words/). Party codes stay codes here; a reader's words name them.
import { HELSINKI, NATIONAL_PARTIES } from './national-parties';

/** What the schema (zod) found, by kind: the reader is told the kind, never the validator's words. */
export type SchemaProblem =
  'required' | 'too_long' | 'too_big' | 'too_small' | 'not_allowed' | 'unknown_keys' | 'invalid';

/** A phase whose length a reminder would overrun. */
export type ReminderPhase = 'preparation' | 'round' | 'signoff';

export type DefinitionProblem = { field: string } & (
  | { key: 'schema'; problem: SchemaProblem; limit?: number; keys?: string[]; english: string }
  | { key: 'tooLarge'; bytes: number | null; max: number }
  | { key: 'notUtf8'; english: string }
  | { key: 'syntax'; format: 'JSON' | 'YAML'; english: string }
  | { key: 'duplicateKey'; format: 'JSON' | 'YAML'; name: string; line: number | null }
  | { key: 'noSuchFile'; english: string }
  | { key: 'noSecretariat'; county: string }
  | { key: 'unknownCounty'; county: string }
  | { key: 'helsinkiNotCounty' }
  | { key: 'husNeedsHelsinki'; county: string }
  | { key: 'aland' }
  | { key: 'themeNeedsAgenda' }
  | { key: 'themeNeedsId' }
  | { key: 'startInPast'; date: string }
  | { key: 'notCouncilTerm'; period: string; terms: string[] }
  | { key: 'outsideCouncilTerm'; period: string; from: string; to: string; start: string }
  | { key: 'organisationsInTerm' }
  | { key: 'organisationsInMinistry' }
  | { key: 'periodNotYear'; example: number }
  | { key: 'periodWrongYear'; year: number; startYear: number }
  | { key: 'listedTwice'; party: string }
  | { key: 'nationalWrongKind'; party: string }
  | { key: 'husOutsideUusimaa'; county: string }
  | { key: 'ministryWithOthers'; county: string; party: string }
  | { key: 'helsinkiAsCity' }
  | { key: 'notTheCounty'; party: string; county: string }
  | { key: 'unknownMunicipality'; party: string }
  | { key: 'wrongCounty'; party: string; name: string; belongs: string; county: string }
  | { key: 'organisationIsMinistry'; party: string }
  | { key: 'codeUsedTwice'; party: string }
  | { key: 'notAParty'; party: string }
  | { key: 'noParticipants'; party: string; name: string }
  | { key: 'noRole'; party: string; name: string; role: 'contact' | 'signatory' }
  | { key: 'emailTwice'; email: string }
  | { key: 'ministryNeedsMinistry' }
  | { key: 'ministryNeedsCounty'; county: string }
  | { key: 'reminderTooEarly'; days: number; phases: { phase: ReminderPhase; days: number }[] }
  | { key: 'secondCycle'; county: string; kind: string; period: string; existing: string[] }
  | { key: 'noCouncilTermOn'; date: string }
  | { key: 'cycleExists'; id: string }
);

const PHASE_EN: Record<ReminderPhase, string> = {
  preparation: 'preparation',
  round: 'consultation round',
  signoff: 'sign-off',
};

/** The problem in English, after its field. */
export function inEnglish(p: DefinitionProblem): string {
  switch (p.key) {
    case 'schema':
    case 'notUtf8':
    case 'syntax':
    case 'noSuchFile':
      return p.english;
    case 'tooLarge':
      return p.bytes === null
        ? `a cycle file is at most ${p.max} bytes`
        : `${p.bytes} bytes; a cycle file is at most ${p.max} bytes`;
    case 'duplicateKey':
      return `not valid ${p.format}: the key '${p.name}' (line ${p.line ?? '?'}) is given twice`;
    case 'noSecretariat':
      return `county ${p.county} has no secretariat in the directory`;
    case 'unknownCounty':
      return `unknown county code '${p.county}'`;
    case 'helsinkiNotCounty':
      return `the City of Helsinki is not part of a wellbeing services county; its yearly negotiation is with HUS (kind: hus, 612/2021 §6(5))`;
    case 'husNeedsHelsinki':
      return `a hus negotiation is the City of Helsinki's with HUS: its county is "${HELSINKI.county}", not "${p.county}"`;
    case 'aland':
      return 'Åland is outside the wellbeing services county system';
    case 'themeNeedsAgenda':
      return 'a theme negotiation names its theme: give the agenda (e.g. Savuton kunta)';
    case 'themeNeedsId':
      return 'a county holds many theme negotiations a year: give each its own id (e.g. theme-08-2027-savuton)';
    case 'startInPast':
      return `${p.date} is in the past`;
    case 'notCouncilTerm':
      return `'${p.period}' is not a council term (${p.terms.join(', ')})`;
    case 'outsideCouncilTerm':
      return `the council term ${p.period} runs ${p.from}–${p.to}; this cycle would start ${p.start}`;
    case 'organisationsInTerm':
      return 'other actors take part in annual, hus and theme cycles only';
    case 'organisationsInMinistry':
      return 'a ministry negotiation is between the ministries and the county';
    case 'periodNotYear':
      return `an annual cycle belongs to a year, e.g. ${p.example}`;
    case 'periodWrongYear':
      return `${p.year} is not the year this cycle starts (${p.startYear}) or the next`;
    case 'listedTwice':
      return `party ${p.party} is listed twice`;
    case 'nationalWrongKind': {
      const national = NATIONAL_PARTIES[p.party]!;
      return `${national.name.en} (${p.party}) is a party of ${national.kind === 'ministry' ? 'ministry' : 'annual, hus and theme'} negotiations only`;
    }
    case 'husOutsideUusimaa':
      return `the HUS Group (hus) takes part in Helsinki's and the Uusimaa counties' negotiations only, not county ${p.county}'s`;
    case 'ministryWithOthers':
      return `a ministry negotiation is between the ministries and the county ${p.county}, not ${p.party}`;
    case 'helsinkiAsCity':
      return `the City of Helsinki takes part as the city: ${HELSINKI.municipality}`;
    case 'notTheCounty':
      return `'${p.party}' is not the cycle's county ${p.county}`;
    case 'unknownMunicipality':
      return `unknown municipality code '${p.party}'`;
    case 'wrongCounty':
      return `${p.name} (${p.party}) belongs to county ${p.belongs}, not ${p.county}`;
    case 'organisationIsMinistry':
      return `'${p.party}' is the ${NATIONAL_PARTIES[p.party]!.name.en}, a party of ministry negotiations only`;
    case 'codeUsedTwice':
      return `'${p.party}' is used twice`;
    case 'notAParty':
      return `'${p.party}' is not a party of this cycle`;
    case 'noParticipants':
      return `party ${p.name} has no participants`;
    case 'noRole':
      return `party ${p.name} has no ${p.role}`;
    case 'emailTwice':
      return `${p.email} is listed twice in this party`;
    case 'ministryNeedsMinistry':
      return 'a ministry negotiation needs at least one of the ministries (vm, stm, sm)';
    case 'ministryNeedsCounty':
      return `a ministry negotiation is held with the county: include ${p.county}`;
    case 'reminderTooEarly':
      return `a reminder ${p.days} working days before the deadline would come before ${p.phases.map((x) => `the ${PHASE_EN[x.phase]} (${x.days} working days)`).join(' and ')} begins`;
    case 'cycleExists':
      return `cycle '${p.id}' already exists; give the file another 'id' to start a new one`;
    case 'noCouncilTermOn':
      return `no council term covers ${p.date}`;
    case 'secondCycle':
      return `county ${p.county} already has ${p.kind === 'annual' ? 'an' : 'a'} ${p.kind} cycle for ${p.period} (${p.existing.join(', ')}); a second one needs the reason it is held`;
  }
}

/** The problem as the CLI and the logs print it: its field, then the sentence. */
export const withField = (p: DefinitionProblem) => (p.field ? `${p.field}: ${inEnglish(p)}` : inEnglish(p));

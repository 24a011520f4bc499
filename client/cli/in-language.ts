// A refusal or a cycle file's problems in the language `--language` asks for, parties named from the reference data
// Sopu ships (the CLI may run without a database). Without `--language` the CLI prints its English.
import type { Language, Refusal } from '../../core/contracts';
import { CycleFileError } from '../../core/domain/cycle-definition';
import { problemIn } from '../../core/domain/definition-words/definition-words';
import { partyNameIn } from '../../core/domain/local-names';
import { shippedReference } from '../../db/reference';
import { refusalIn } from '../refusal-words/refusal-words';
import type { UserError } from '../user-error';

const HEADING: Record<Language, string> = {
  fi: 'Neuvottelutiedostoa ei hyväksytty',
  sv: 'Förhandlingsfilen godtogs inte',
  en: 'Invalid cycle definition',
};
const REFUSED: Record<Language, string> = { fi: 'Ei tehty', sv: 'Inte gjort', en: 'Not done' };

const partiesIn = (language: Language) => {
  const reference = shippedReference();
  return (code: string) => partyNameIn(reference, code, code, language);
};

/** What a control would do, said before it is done: the cycle's confirmation in the reader's language. */
export const refusalSentence = (language: Language, refusal: Refusal) =>
  refusalIn(language, refusal, { party: partiesIn(language) });

const NOTHING: Record<Language, (what: string) => string> = {
  fi: (what) => `Mitään ei muutettu: ${what}. Vahvista ajamalla komento uudelleen valitsimella --yes.`,
  sv: (what) => `Inget ändrades: ${what}. Kör kommandot igen med --yes för att bekräfta.`,
  en: (what) => `Nothing was changed: ${what}. Run the command again with --yes to confirm.`,
};
export const nothingChanged = (language: Language, what: string) => NOTHING[language](what);

export function errorIn(language: Language, err: CycleFileError | UserError): string {
  const party = partiesIn(language);
  if (err instanceof CycleFileError)
    return `${HEADING[language]}:\n${err.issues.map((p) => `  - ${problemIn(language, p, { party })}`).join('\n')}`;
  return err.refusal ? `${REFUSED[language]}: ${refusalIn(language, err.refusal, { party })}.` : err.message;
}

// A cycle definition's problems (core/domain/definition-problems.ts) in a reader's language, each after the field it
// is in (the file's own key, as the secretariat wrote it): parties by name, dates as Finns write them.
import type { Language } from '../../contracts';
import type { DefinitionProblem } from '../definition-problems';
import { en } from './definition-en';
import { fi } from './definition-fi';
import type { DefinitionContext, DefinitionWords } from './definition-kit';
import { sv } from './definition-sv';

export type { DefinitionContext };

const WORDS: Record<Language, DefinitionWords> = { fi, sv, en };

export function problemIn(language: Language, problem: DefinitionProblem, context: DefinitionContext): string {
  const text = problemTextIn(language, problem, context);
  return problem.field ? `${problem.field}: ${text}` : text;
}

/** The problem alone, for a form that shows it at its field, under the field's own label. */
export function problemTextIn(language: Language, problem: DefinitionProblem, context: DefinitionContext): string {
  const say = WORDS[language][problem.key] as (p: DefinitionProblem, c: DefinitionContext) => string;
  return say(problem, context);
}

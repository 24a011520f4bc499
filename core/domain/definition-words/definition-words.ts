// A cycle definition's problems (core/domain/definition-problems.ts) in a reader's language, each after the field it
// is in (the file's own key, as the secretariat wrote it): Finnish and Swedish here, English as the core writes it.
import type { Language } from '../../contracts';
import { inEnglish, type DefinitionProblem } from '../definition-problems';
import { fi } from './definition-fi';
import type { DefinitionContext, DefinitionWords } from './definition-kit';
import { sv } from './definition-sv';

export type { DefinitionContext };

const WORDS: Record<Exclude<Language, 'en'>, DefinitionWords> = { fi, sv };

export function problemIn(language: Language, problem: DefinitionProblem, context: DefinitionContext): string {
  const text =
    language === 'en'
      ? inEnglish(problem)
      : (WORDS[language][problem.key] as (p: DefinitionProblem, c: DefinitionContext) => string)(problem, context);
  return problem.field ? `${problem.field}: ${text}` : text;
}

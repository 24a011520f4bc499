// A cycle's refusal (core/contracts/refusals.ts) in a reader's language, one file per language beside this. Party
// codes become names and times Helsinki times in Finnish notation; no code, ISO time or field name reaches the reader.
import type { Language, Refusal } from '../../core/contracts';
import { en } from './refusal-en';
import { fi } from './refusal-fi';
import type { RefusalContext, RefusalWords } from './refusal-kit';
import { sv } from './refusal-sv';

export type { RefusalContext };

const WORDS: Record<Language, RefusalWords> = { fi, sv, en };

export function refusalIn(language: Language, refusal: Refusal, context: RefusalContext): string {
  const say = WORDS[language][refusal.key] as (r: Refusal, c: RefusalContext) => string;
  return say(refusal, context);
}

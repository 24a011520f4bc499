// What every language's words for a cycle definition's problems share: the shape (a sentence per problem key, so a
// key missing in Swedish is a compile error) and the reader's context.
import type { DefinitionProblem } from '../definition-problems';

export interface DefinitionContext {
  /** A party's name in the reader's language, for its code. */
  party: (code: string) => string;
}

export type DefinitionWords = {
  [K in DefinitionProblem['key']]: (
    problem: Extract<DefinitionProblem, { key: K }>,
    context: DefinitionContext,
  ) => string;
};

/** A date of the file (2027-01-15) as it is written in Finland: 15.1.2027. */
export const finnishDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${Number(d)}.${Number(m)}.${y}` : iso;
};

// What every language's refusal words share: the shape (a sentence per refusal key, so a key missing in Swedish is
// a compile error), the reader's context, and how a time and a list of parties are written.
import type { Refusal, RefusalKey } from '../../core/contracts';
import { format } from '../../core/domain/mail-words/mail-words';

/** What a sentence may ask of its reader's context: a party's name for its code. */
export interface RefusalContext {
  party: (code: string) => string;
}

export type RefusalWords = {
  [K in RefusalKey]: (refusal: Extract<Refusal, { key: K }>, context: RefusalContext) => string;
};

/** A time in Helsinki, in Finnish notation, with the language's word for "at". */
export const helsinki = (at: string) => format('fi', `d.M.yyyy '${at}' H.mm`);

/** Parties named and listed: "Askola, Porvoo". */
export const named = (codes: string[], context: RefusalContext) => codes.map(context.party).join(', ');

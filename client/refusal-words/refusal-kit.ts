// What every language's refusal words share: the shape (a sentence per refusal key, so a key missing in Swedish is
// a compile error), the reader's context, and how a time and a list of parties are written.
import { DateTime } from 'luxon';
import { TIME_ZONE, type Refusal, type RefusalKey } from '../../core/contracts';

/** What a sentence may ask of its reader's context: a party's name for its code. */
export interface RefusalContext {
  party: (code: string) => string;
}

export type RefusalWords = {
  [K in RefusalKey]: (refusal: Extract<Refusal, { key: K }>, context: RefusalContext) => string;
};

/** A time in Helsinki, in Finnish notation, with the language's word for "at". */
export const helsinki = (at: string) => (iso: string) =>
  DateTime.fromISO(iso, { zone: TIME_ZONE }).toFormat(`d.M.yyyy '${at}' H.mm`);

/** Parties named and listed: "Askola, Porvoo". */
export const named = (codes: string[], context: RefusalContext) => codes.map(context.party).join(', ');

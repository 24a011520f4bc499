// Finds words of another language on a page or in a document: the words Sopu itself writes in Finnish or English
// (every string of its word objects, and what their functions return) that its Swedish words never use. A Swedish
// page holding one of them shows Sopu's Finnish or English where Swedish belongs. The parties' own content is not
// Sopu's to translate: a test names it and it is set aside first.

/** Every string a word object holds or returns (functions are called with sample arguments). */
function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    for (const args of [
      ['x', 'x', 'x', 'x'],
      [2, 3, 4, 5],
    ]) {
      try {
        stringsOf((value as (...a: unknown[]) => unknown)(...args), out, depth + 1);
      } catch {
        // A function that needs real arguments says nothing here.
      }
    }
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  return out;
}

const wordsIn = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Words of at least `minLength` letters that `foreign` word objects use and `own` never do. */
export function foreignWords(own: unknown[], foreign: unknown[], minLength = 5): Set<string> {
  const mine = new Set(own.flatMap((o) => stringsOf(o).flatMap(wordsIn)));
  return new Set(
    foreign.flatMap((o) => stringsOf(o).flatMap(wordsIn)).filter((w) => w.length >= minLength && !mine.has(w)),
  );
}

/** The foreign words found in `text`, once the parties' own content (`theirs`) is set aside. */
export function leaks(text: string, words: Set<string>, theirs: string[] = []): string[] {
  const sopus = theirs.reduce((t, content) => t.split(content).join(' '), text);
  return [...new Set(wordsIn(sopus).filter((w) => words.has(w)))].sort();
}

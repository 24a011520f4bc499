// Text that people give Sopu in files (cycle files, drafts) must be UTF-8: anything else would be published, hashed,
// mailed and approved as mojibake ("yhteisty� ja ty�njako"). A byte-order mark is accepted and dropped.
export class TextEncodingError extends Error {}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The text of a file, or a refusal that says how to save it properly. */
export function utf8Text(bytes: Buffer, name: string): string {
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new TextEncodingError(
      `${name} is not UTF-8 text (it looks like Latin-1 or Windows-1252, where ä and ö are stored differently): ` +
        'save it as UTF-8 and try again (in Notepad: Save as → Encoding: UTF-8; in Word: Save as → Plain text → Unicode (UTF-8))',
    );
  }
  if (text.includes('\0')) throw new TextEncodingError(`${name} is not a text file (it contains NUL bytes)`);
  return text;
}

// The text a PDF made with pdf-lib's standard fonts shows: its content streams inflated, each shown string decoded.
// Enough to find what a certificate says, without a PDF renderer.
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const shown: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      shown.push(Buffer.from(text[1]!, 'hex').toString('latin1'));
    for (const text of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) shown.push(text[1]!);
  }
  return shown.join('\n');
}

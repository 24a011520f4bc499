// What a file is, by its content and never by its name: the formats Sopu takes for drafts and attachments, how each
// is recognised from its bytes, and the text a reader is shown of it. A file whose name says one thing and whose
// bytes another, or whose bytes do not open as the format they claim, is refused with the reason.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { PDFDocument } from 'pdf-lib';
import type { MediaType } from '../contracts';
import { utf8Text } from './text';

interface Format {
  mediaType: MediaType;
  extensions: string[];
  /** What the format is called in a refusal. */
  label: string;
}

export const FORMATS: Record<string, Format> = {
  markdown: { mediaType: 'text/markdown', extensions: ['md', 'markdown'], label: 'Markdown' },
  text: { mediaType: 'text/plain', extensions: ['txt'], label: 'text' },
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument (ODT)' },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
};
export type FormatName = keyof typeof FORMATS;

export const DRAFT_FORMATS: FormatName[] = ['markdown', 'text', 'docx', 'odt', 'pdf'];
export const ATTACHMENT_FORMATS: FormatName[] = ['pdf', 'docx', 'odt', 'xlsx', 'png', 'jpeg'];

export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'not-allowed'; allowed: string[] }
  | { kind: 'mismatch'; named: string; actual: string }
  | { kind: 'corrupt'; format: string; detail: string }
  /** A container that would unpack to more than `maxBytes` (a "zip bomb", or far more than a document holds). */
  | { kind: 'unpacks-too-large'; maxBytes: number };

/** A refused file: `problem` says why, in terms each language can word. */
export class FileRefused extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: FileProblem,
  ) {
    super(`${fileName}: ${describe(problem)}`);
  }
}

function describe(p: FileProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'is empty';
    case 'too-large':
      return `is larger than ${Math.round(p.maxBytes / 1_048_576)} MB`;
    case 'not-allowed':
      return `is not one of the accepted formats (${p.allowed.join(', ')})`;
    case 'mismatch':
      return `is named as ${p.named}, but its content is ${p.actual}`;
    case 'corrupt':
      return `does not open as ${p.format} (${p.detail})`;
    case 'unpacks-too-large':
      return `unpacks to more than ${Math.round(p.maxBytes / 1_048_576)} MB`;
  }
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Entries of a ZIP container (DOCX, XLSX, ODT), or null when the bytes are not a readable ZIP. */
function zipEntries(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    // Only the small entries that tell the format apart are inflated.
    return unzipSync(bytes, {
      filter: (f) => ['mimetype', '[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml'].includes(f.name),
    });
  } catch {
    return null;
  }
}

/** The format the bytes are, or null when they are none Sopu knows (text is decided by the name, see below). */
export function sniff(bytes: Uint8Array): FormatName | 'zip' | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const entries = zipEntries(bytes);
    if (!entries) return 'zip';
    const mimetype = entries.mimetype ? Buffer.from(entries.mimetype).toString('ascii').trim() : '';
    if (mimetype === FORMATS.odt!.mediaType) return 'odt';
    if (entries['word/document.xml']) return 'docx';
    if (entries['xl/workbook.xml']) return 'xlsx';
    return 'zip';
  }
  return null;
}

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Checks an upload against the formats allowed for its use and returns its format; refuses it otherwise. */
export async function checkFile(
  file: { name: string; bytes: Buffer },
  allowed: FormatName[],
  maxBytes: number,
): Promise<{ format: FormatName; mediaType: MediaType; text: string }> {
  const labels = allowed.map((f) => FORMATS[f]!.label);
  if (!file.bytes.length) throw new FileRefused(file.name, { kind: 'empty' });
  if (file.bytes.length > maxBytes) throw new FileRefused(file.name, { kind: 'too-large', maxBytes });
  const named = allowed.find((f) => FORMATS[f]!.extensions.includes(extensionOf(file.name)));
  if (!named) throw new FileRefused(file.name, { kind: 'not-allowed', allowed: labels });
  const sniffed = sniff(file.bytes);
  // Text has no signature: a text name is believed only for bytes no binary format claims.
  const actual = sniffed ?? (named === 'markdown' || named === 'text' ? named : null);
  // A damaged Word, OpenDocument or Excel file is still a ZIP at its start: say it is damaged, not another format.
  if (sniffed === 'zip' && ['docx', 'odt', 'xlsx'].includes(named))
    throw new FileRefused(file.name, {
      kind: 'corrupt',
      format: FORMATS[named]!.label,
      detail: 'its parts do not open',
    });
  if (actual !== named) {
    const actualLabel =
      actual && actual !== 'zip' ? FORMATS[actual]!.label : sniffed === 'zip' ? 'a ZIP archive' : 'unknown';
    throw new FileRefused(file.name, { kind: 'mismatch', named: FORMATS[named]!.label, actual: actualLabel });
  }
  const text = await readableText(file.name, file.bytes, named);
  return { format: named, mediaType: FORMATS[named]!.mediaType, text };
}

/** The text a reader is shown and a diff is made of; opening the file is also the check that it is not corrupt. */
async function readableText(name: string, bytes: Buffer, format: FormatName): Promise<string> {
  const corrupt = (detail: string) =>
    new FileRefused(name, { kind: 'corrupt', format: FORMATS[format]!.label, detail });
  switch (format) {
    case 'markdown':
    case 'text':
      try {
        return utf8Text(bytes, name);
      } catch (err) {
        throw corrupt((err as Error).message);
      }
    case 'docx':
      try {
        return (await mammoth.extractRawText({ buffer: bytes })).value;
      } catch (err) {
        throw corrupt((err as Error).message.slice(0, 200));
      }
    case 'odt': {
      const content = zipContent(bytes, 'content.xml');
      if (!content) throw corrupt('no content.xml');
      return odtText(content);
    }
    case 'pdf':
      // pdf-lib forgives much: a PDF also needs its end-of-file marker and at least one page.
      if (!bytes.subarray(-2048).includes('%%EOF')) throw corrupt('no end-of-file marker');
      try {
        const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
        if (!pdf.getPageCount()) throw new Error('no pages');
        return '';
      } catch (err) {
        throw corrupt((err as Error).message.slice(0, 200));
      }
    case 'xlsx':
      if (!zipContent(bytes, 'xl/workbook.xml')) throw corrupt('no workbook');
      return '';
    default:
      return '';
  }
}

function zipContent(bytes: Uint8Array, entry: string): string | null {
  try {
    const found = unzipSync(bytes, { filter: (f) => f.name === entry })[entry];
    return found ? Buffer.from(found).toString('utf8') : null;
  } catch {
    return null;
  }
}

/** An ODT's paragraphs and headings as lines of text. */
function odtText(xml: string): string {
  const body = xml.replace(/<text:(?:p|h)\b[^>]*\/>/g, '\n').replace(/<\/text:(?:p|h)>/g, '\n');
  return body
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The text of a stored file, as `checkFile` reads it (for a file checked at upload, read again when published). */
export const textOf = (name: string, bytes: Buffer, format: FormatName) => readableText(name, bytes, format);

export const formatOf = (mediaType: string): FormatName | undefined =>
  (Object.keys(FORMATS) as FormatName[]).find((f) => FORMATS[f]!.mediaType === mediaType);

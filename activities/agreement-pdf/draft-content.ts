// The final version as the agreement's first pages: a Word file with its headings, lists, tables, images and page
// breaks (mammoth to HTML), Markdown with its structure (marked to HTML), any other text as its paragraphs. A PDF
// final version is not rendered here: its own pages are copied (agreement-pdf.ts).
import mammoth from 'mammoth';
import { marked } from 'marked';
import type { Content } from 'pdfmake/interfaces';
import type { AgreementInput } from '../../core/contracts';
import { FORMATS } from '../../core/domain/file-types';
import { htmlContent } from './html-content';

/** A Word page break is kept as a rule, which the PDF turns into a new page. */
const WORD_STYLES = ["br[type='page'] => hr"];

export async function draftContent(document: AgreementInput['document']): Promise<Content[]> {
  const original = document.original;
  if (original?.mediaType === FORMATS.docx!.mediaType) {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(original.bytes) }, { styleMap: WORD_STYLES });
    return htmlContent(value);
  }
  if (original?.mediaType === FORMATS.markdown!.mediaType)
    return htmlContent(await marked.parse(Buffer.from(original.bytes).toString('utf8')));
  return document.text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ text: paragraph, style: 'paragraph' }));
}

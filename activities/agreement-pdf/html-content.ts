// A draft's structure as PDF content: the HTML that mammoth makes of a Word file and marked of Markdown, read as a
// tree (htmlparser2) and mapped element by element to pdfmake's headings, paragraphs, lists, tables, images and page
// breaks. Anything else keeps its text. Links are printed as text: a filed document is read on paper.
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

type Inline = ContentText | string;
interface Marks {
  bold?: boolean;
  italics?: boolean;
  decoration?: 'underline' | 'lineThrough';
  sup?: boolean;
  sub?: boolean;
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'hr',
  'blockquote',
  'pre',
  'div',
]);
const IMAGE = /^data:image\/(png|jpe?g);base64,/;

const isElement = (node: ChildNode): node is Element => node.type === 'tag';

function marksOf(name: string, marks: Marks): Marks {
  switch (name) {
    case 'strong':
    case 'b':
    case 'th':
      return { ...marks, bold: true };
    case 'em':
    case 'i':
      return { ...marks, italics: true };
    case 'u':
      return { ...marks, decoration: 'underline' };
    case 's':
    case 'del':
      return { ...marks, decoration: 'lineThrough' };
    case 'sup':
      return { ...marks, sup: true };
    case 'sub':
      return { ...marks, sub: true };
    default:
      return marks;
  }
}

function inlines(nodes: ChildNode[], marks: Marks = {}): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ');
      if (text) out.push(Object.keys(marks).length ? { text, ...marks } : text);
    } else if (isElement(node)) {
      if (node.name === 'br') out.push('\n');
      else out.push(...inlines(node.children, marksOf(node.name, marks)));
    }
  }
  return out;
}

const trimmed = (parts: Inline[]): Inline[] => {
  const text = (p: Inline) => (typeof p === 'string' ? p : String(p.text));
  while (parts.length && !text(parts[0]!).trim()) parts.shift();
  while (parts.length && !text(parts.at(-1)!).trim()) parts.pop();
  return parts;
};

/** The blocks of a list of nodes: runs of inline content become paragraphs. */
function blocks(nodes: ChildNode[], marks: Marks = {}): Content[] {
  const out: Content[] = [];
  let run: ChildNode[] = [];
  let breakBefore = false;
  const push = (content: Content | null) => {
    if (!content) return;
    if (breakBefore && typeof content === 'object' && !Array.isArray(content))
      Object.assign(content, { pageBreak: 'before' });
    breakBefore = false;
    out.push(content);
  };
  const flush = () => {
    const parts = trimmed(inlines(run, marks));
    if (parts.length) push({ text: parts, style: 'paragraph' });
    run = [];
  };
  for (const node of nodes) {
    if (isElement(node) && (BLOCKS.has(node.name) || node.name === 'img')) {
      flush();
      // A Word page break (mammoth maps it to <hr>) or a Markdown rule starts the next block on a new page.
      if (node.name === 'hr') breakBefore = out.length > 0;
      else push(block(node, marks));
    } else run.push(node);
  }
  flush();
  return out;
}

function block(node: Element, marks: Marks): Content | null {
  switch (node.name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return { text: trimmed(inlines(node.children, marks)), style: node.name, headlineLevel: Number(node.name[1]) };
    case 'p':
    case 'div': {
      const inner = blocks(node.children, marks);
      return inner.length === 1 ? inner[0]! : inner.length ? { stack: inner } : null;
    }
    case 'ul':
    case 'ol': {
      const items = node.children.filter(isElement).filter((c) => c.name === 'li');
      const content = items.map((li) => {
        const inner = blocks(li.children, marks);
        return inner.length === 1 ? inner[0]! : { stack: inner };
      });
      return node.name === 'ul' ? { ul: content, style: 'list' } : { ol: content, style: 'list' };
    }
    case 'table':
      return table(node, marks);
    case 'blockquote':
      return { stack: blocks(node.children, marks), margin: [18, 0, 0, 6] };
    case 'pre':
      return { text: textOf(node), preserveLeadingSpaces: true, style: 'paragraph' };
    case 'img': {
      const src = node.attribs.src ?? '';
      // Only images the document itself holds: never a path or a URL.
      if (IMAGE.test(src)) return { image: src, fit: [480, 600], margin: [0, 4, 0, 8] };
      return node.attribs.alt ? { text: node.attribs.alt, italics: true } : null;
    }
    default:
      return null;
  }
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

/** A table with its merged cells: pdfmake wants every row as wide as the table, with a placeholder under each span. */
function table(node: Element, marks: Marks): Content {
  const rows = node.children
    .filter(isElement)
    .flatMap((c) => (c.name === 'tr' ? [c] : c.children.filter(isElement).filter((r) => r.name === 'tr')));
  const grid: TableCell[][] = rows.map(() => []);
  let headerRows = 0;
  rows.forEach((tr, r) => {
    const cells = tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th');
    if (r === headerRows && cells.length && cells.every((c) => c.name === 'th')) headerRows++;
    let col = 0;
    for (const td of cells) {
      while (grid[r]![col] !== undefined) col++;
      const colSpan = Math.max(1, Number(td.attribs.colspan) || 1);
      const rowSpan = Math.max(1, Math.min(rows.length - r, Number(td.attribs.rowspan) || 1));
      const inner = blocks(td.children, marksOf(td.name, marks));
      const cell: TableCell = { stack: inner.length ? inner : [''] };
      if (colSpan > 1) Object.assign(cell, { colSpan });
      if (rowSpan > 1) Object.assign(cell, { rowSpan });
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![col + dc] = dr || dc ? {} : cell;
      col += colSpan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  const body = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  return {
    table: { headerRows, widths: Array.from({ length: width }, () => '*'), body },
    style: 'table',
  };
}

/** The content of an HTML fragment. */
export function htmlContent(html: string): Content[] {
  return blocks(parseDocument(html).children);
}

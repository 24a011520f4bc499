// A published version as a participant reads it on the task page: Markdown rendered, Word converted, ODT and text as
// text, a PDF offered to open; every rendering sanitised, since a draft is written by people. Beside it, what changed
// since the version before (for every format whose text Sopu can read).
import { diffLines } from 'diff';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { fileContent } from '../../db/files';
import { document } from '../../db/web-queries';
import type { Database } from '../../db/schema';
import { html, SafeHtml } from './html';

const markdown = new MarkdownIt({ html: false, linkify: true });

/** Only structure and links survive: no scripts, styles, images or frames from a document. */
const clean = (dirty: string) =>
  new SafeHtml(
    sanitizeHtml(dirty, {
      allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
      allowedSchemes: ['https', 'http', 'mailto'],
      transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
    }),
  );

type Version = NonNullable<Awaited<ReturnType<typeof document>>>;

export interface DocumentWords {
  pdf: string;
  changes: (version: number) => string;
  noChanges: string;
}

async function rendered(db: Kysely<Database>, doc: Version, words: DocumentWords, href: string): Promise<SafeHtml> {
  switch (doc.mediaType) {
    case 'application/pdf':
      return html`<p><a href="${href}">${words.pdf}</a></p>`;
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      const bytes = doc.fileSha256 ? await fileContent(db, doc.fileSha256) : null;
      if (bytes) return clean((await mammoth.convertToHtml({ buffer: bytes })).value);
      break;
    }
    case 'text/markdown':
    case null:
      // Drafts before files were stored first were text or Markdown; Markdown renders plain text as paragraphs.
      return clean(markdown.render(doc.content));
  }
  return html`<div class="said">${doc.content}</div>`;
}

/** What changed from the version before, line by line; nothing for a first version or one without text (a PDF). */
function changes(previous: Version | undefined, doc: Version, words: DocumentWords): SafeHtml {
  if (!previous || !previous.content || !doc.content) return html``;
  const parts = diffLines(previous.content, doc.content);
  const changed = parts.filter((p) => p.added || p.removed);
  return html`<details class="changes"><summary>${words.changes(previous.version)}</summary>${
    changed.length
      ? html`<div class="diff">${changed.map((p) => (p.added ? html`<ins>${p.value}</ins>` : html`<del>${p.value}</del>`))}</div>`
      : html`<p>${words.noChanges}</p>`
  }</details>`;
}

/** The version for reading on the page, with its changes; `href` downloads the original. */
export async function documentView(
  db: Kysely<Database>,
  cycleId: string,
  version: number,
  words: DocumentWords,
  href: string,
): Promise<SafeHtml> {
  const doc = await document(db, cycleId, version);
  if (!doc) return html``;
  const previous = version > 1 ? await document(db, cycleId, version - 1) : undefined;
  return html`<div class="document">${await rendered(db, doc, words, href)}</div>${changes(previous, doc, words)}`;
}

/** A file's name for a Content-Disposition header: ASCII for old clients, the real name (RFC 6266) for the rest. */
export const attachmentHeader = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a published version as it was published: the original file, or the text of an earlier text draft. Null
 * when the cycle has no such version. */
export async function sendOriginal(
  reply: FastifyReply,
  db: Kysely<Database>,
  cycleId: string,
  version: number,
): Promise<FastifyReply | null> {
  const doc = await document(db, cycleId, version);
  if (!doc) return null;
  const bytes = doc.fileSha256 ? await fileContent(db, doc.fileSha256) : null;
  const type = doc.mediaType ?? 'text/plain';
  return reply
    .type(type.startsWith('text/') ? `${type}; charset=utf-8` : type)
    .header('content-disposition', attachmentHeader(`v${doc.version}-${doc.fileName ?? 'draft.txt'}`))
    .header('x-content-sha256', doc.sha256)
    .send(bytes ?? doc.content);
}

/** Sends a stored file as a download under `name`, checked against its SHA-256. */
export async function sendFile(
  reply: FastifyReply,
  db: Kysely<Database>,
  file: { sha256: string; name: string; mediaType: string },
): Promise<FastifyReply | null> {
  const bytes = await fileContent(db, file.sha256);
  if (!bytes) return null;
  return reply
    .type(file.mediaType)
    .header('content-disposition', attachmentHeader(file.name))
    .header('x-content-sha256', file.sha256)
    .send(bytes);
}

/** An answer's files as links, with their sizes. */
export const attachmentList = (
  files: { sha256: string; name: string; size: number }[],
  href: (sha256: string) => string,
) =>
  files.length
    ? html`<ul class="attachments">${files.map((f) => html`<li><a href="${href(f.sha256)}">${f.name}</a> <span class="muted">(${(f.size / 1024).toFixed(0)} kB)</span></li>`)}</ul>`
    : html``;

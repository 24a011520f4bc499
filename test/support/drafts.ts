// Drafts as the secretariat's tools send them: stored first, named by their SHA-256 (claim check).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { storeDraft } from '../../client/uploads';
import { MAX_ATTACHMENT_BYTES, type FileRef } from '../../core/contracts';
import { ATTACHMENT_FORMATS, checkFile } from '../../core/domain/file-types';
import { storeFile } from '../../db/files';

/** A Markdown draft stored in PostgreSQL, as `sopu cycle publish-draft` stores it. */
export const storedDraft = (db: Kysely<Database>, text: string, name = 'luonnos.md'): Promise<FileRef> =>
  storeDraft(db, { name, bytes: Buffer.from(text, 'utf8') });

/** An answer's attachment stored as the task page stores it: checked by its content first. */
export async function storedAttachment(db: Kysely<Database>, name: string, bytes: Buffer): Promise<FileRef> {
  const { mediaType } = await checkFile({ name, bytes }, ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES);
  return storeFile(db, { name, mediaType, bytes });
}

/** The reference to a Markdown draft, for workflow tests whose activities are stubs (nothing is stored). */
export const draftRef = (text: string, name = 'luonnos.md'): FileRef => ({
  sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  name,
  mediaType: 'text/markdown',
  bytes: Buffer.byteLength(text, 'utf8'),
});

// Files people send, checked by their content and stored before any workflow hears of them (claim check): what the
// workflow is sent is the stored file's reference. A refused file stores nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { storeFile } from '../db/files';
import { checkFile, DRAFT_FORMATS } from '../core/domain/file-types';
import { MAX_DRAFT_BYTES, type FileRef } from '../core/contracts';

export type Upload = { name: string; bytes: Buffer };

/** A draft (Markdown, text, DOCX, ODT or PDF), checked and stored. Throws `FileRefused` with the reason. */
export async function storeDraft(db: Kysely<Database>, upload: Upload): Promise<FileRef> {
  const { mediaType } = await checkFile(upload, DRAFT_FORMATS, MAX_DRAFT_BYTES);
  return storeFile(db, { name: upload.name, mediaType, bytes: upload.bytes });
}

// Files people send, checked by their content and stored before any workflow hears of them (claim check): what the
// workflow is sent is the stored file's reference. A refused file stores nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { storeFile } from '../db/files';
import { ATTACHMENT_FORMATS, checkFile, DRAFT_FORMATS } from '../activities/domain/file-types';
import { MAX_ATTACHMENT_BYTES, MAX_DRAFT_BYTES, type FileRef } from '../workflows/contracts';

export type Upload = { name: string; bytes: Buffer };

/** A draft (Markdown, text, DOCX, ODT or PDF), checked and stored. Throws `FileRefused` with the reason. */
export async function storeDraft(db: Kysely<Database>, upload: Upload): Promise<FileRef> {
  const { mediaType } = await checkFile(upload, DRAFT_FORMATS, MAX_DRAFT_BYTES);
  return storeFile(db, { name: upload.name, mediaType, bytes: upload.bytes });
}

/** An answer's attachment (PDF, DOCX, ODT, XLSX, PNG or JPEG), checked and stored. */
export async function storeAttachment(db: Kysely<Database>, upload: Upload): Promise<FileRef> {
  const { mediaType } = await checkFile(upload, ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES);
  return storeFile(db, { name: upload.name, mediaType, bytes: upload.bytes });
}

// Files people send, checked by their content and stored before any workflow hears of them (claim check): what the
// workflow is sent is the stored file's reference. A refused file stores nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { storeFile } from '../db/files';
import { checkFile, DRAFT_FORMATS, FileRefused, type FormatName } from '../core/domain/file-types';
import { MAX_DRAFT_BYTES, type FileRef } from '../core/contracts';
import { isZip, MAX_UNPACKED_BYTES, unpackedWithin } from './zip-guard';

export type Upload = { name: string; bytes: Buffer };

/** An upload checked by its content for its use: a ZIP container first unpacked, off the event loop, only as far as
 * MAX_UNPACKED_BYTES; then the format check (core/domain/file-types.ts). Throws `FileRefused` with the reason. */
export async function checkUpload(upload: Upload, allowed: FormatName[], maxBytes: number) {
  if (upload.bytes.length && upload.bytes.length <= maxBytes && isZip(upload.bytes)) {
    const { within } = await unpackedWithin(upload.bytes);
    if (!within) throw new FileRefused(upload.name, { kind: 'unpacks-too-large', maxBytes: MAX_UNPACKED_BYTES });
  }
  return checkFile(upload, allowed, maxBytes);
}

/** A draft (Markdown, text, DOCX, ODT or PDF), checked and stored. Throws `FileRefused` with the reason. */
export async function storeDraft(db: Kysely<Database>, upload: Upload): Promise<FileRef> {
  const { mediaType } = await checkUpload(upload, DRAFT_FORMATS, MAX_DRAFT_BYTES);
  return storeFile(db, { name: upload.name, mediaType, bytes: upload.bytes });
}

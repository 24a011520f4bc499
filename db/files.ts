// The claim-check store: a file is written here, under the SHA-256 of its bytes, before any workflow hears of it.
// Writing the same bytes again is a no-op, so an upload sent twice stores one file.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FileRef, MediaType } from '../core/contracts';
import type { Database } from './schema';

export async function storeFile(
  db: Kysely<Database>,
  file: { name: string; mediaType: MediaType; bytes: Buffer },
): Promise<FileRef> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await db
    .insertInto('files')
    .values({ sha256, media_type: file.mediaType, size: file.bytes.length, content: file.bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, name: file.name, mediaType: file.mediaType, bytes: file.bytes.length };
}

/** The bytes stored under `sha256`, checked against it: a file that does not hash to its key is not returned. */
export async function fileContent(db: Kysely<Database>, sha256: string): Promise<Buffer | null> {
  const row = await db.selectFrom('files').select('content').where('sha256', '=', sha256).executeTakeFirst();
  if (!row) return null;
  if (createHash('sha256').update(row.content).digest('hex') !== sha256)
    throw new Error(`stored file ${sha256} does not match its SHA-256`);
  return row.content;
}

// Drafts as the secretariat's tools send them: stored first, named by their SHA-256 (claim check).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { storeDraft } from '../../client/uploads';
import type { FileRef } from '../../workflows/contracts';

/** A Markdown draft stored in PostgreSQL, as `sopu cycle publish-draft` stores it. */
export const storedDraft = (db: Kysely<Database>, text: string, name = 'luonnos.md'): Promise<FileRef> =>
  storeDraft(db, { name, bytes: Buffer.from(text, 'utf8') });

/** The reference to a Markdown draft, for workflow tests whose activities are stubs (nothing is stored). */
export const draftRef = (text: string, name = 'luonnos.md'): FileRef => ({
  sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  name,
  mediaType: 'text/markdown',
  bytes: Buffer.byteLength(text, 'utf8'),
});

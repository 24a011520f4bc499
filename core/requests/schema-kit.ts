// The pieces every request schema is built from. zod compiles schemas with `new Function` unless told not to; the
// schemas run in workflow code too, which stays free of eval.
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, MAX_DRAFT_BYTES } from '../contracts/ids-and-limits';
import { MEDIA_TYPES } from '../contracts/vocabulary';

z.config({ jitless: true });

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid email address'));
export const actorSchema = z.string().trim().min(1, 'is required').max(320);

/** A file stored first (claim check): its SHA-256, name, content type and size; never its bytes. */
export const fileRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 (64 hex digits)'),
  name: z.string().trim().min(1).max(255),
  mediaType: z.enum(MEDIA_TYPES),
  bytes: z.number().int().min(1).max(Math.max(MAX_DRAFT_BYTES, MAX_ATTACHMENT_BYTES)),
});

export { z };

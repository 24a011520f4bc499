// The pieces every request schema is built from. Each is a function that builds it when a request is checked, and
// nothing holds it after: workflow code evaluates these modules once per workflow, and a schema built at load time
// stayed in every cached workflow (docs/performance.md, the heap snapshot). zod itself is shared (./zod).
import { MAX_ATTACHMENT_BYTES, MAX_DRAFT_BYTES } from '../contracts/ids-and-limits';
import { MEDIA_TYPES } from '../contracts/vocabulary';
import { z } from './zod';

// zod's own email pattern is shared and frozen with it (./zod.ts), and a check resets its pattern's `lastIndex`: each
// schema checks with a copy of its own.
export const emailSchema = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'not a valid email address', pattern: new RegExp(z.regexes.email) }));
export const actorSchema = () => z.string().trim().min(1, 'is required').max(320);

/** A file stored first (claim check): its SHA-256, name, content type and size; never its bytes. */
export const fileRefSchema = () =>
  z.strictObject({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 (64 hex digits)'),
    name: z.string().trim().min(1).max(255),
    mediaType: z.enum(MEDIA_TYPES),
    bytes: z.number().int().min(1).max(Math.max(MAX_DRAFT_BYTES, MAX_ATTACHMENT_BYTES)),
  });

/** A request's declaration whose `schema` is built on every read (a getter), so nothing holds it. */
export const declared = <const D extends object, S>(declaration: D, build: () => S): D & { readonly schema: S } =>
  Object.defineProperty(declaration, 'schema', { get: build, enumerable: true }) as D & { readonly schema: S };

export { z };

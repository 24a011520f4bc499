// Payload checks for Update validators: zod schemas, failures reported as a non-retryable InvalidRequest that
// names each field, so malformed input never reaches history.
import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { ErrorType, MAX_ATTACHMENT_BYTES, MAX_DRAFT_BYTES, MEDIA_TYPES } from '../core/contracts';

// zod compiles schemas with `new Function` unless told not to; workflow code stays free of eval.
z.config({ jitless: true });

export function parsePayload<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(message, ErrorType.invalidRequest);
}

export const reject = (message: string, type: (typeof ErrorType)[keyof typeof ErrorType]): never => {
  throw ApplicationFailure.nonRetryable(message, type);
};

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid email address'));
export const actorSchema = z.string().trim().min(1, 'is required').max(320);
export { z };

/** A file stored first (claim check): its SHA-256, name, content type and size; never its bytes. */
export const fileRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 (64 hex digits)'),
  name: z.string().trim().min(1).max(255),
  mediaType: z.enum(MEDIA_TYPES),
  bytes: z.number().int().min(1).max(Math.max(MAX_DRAFT_BYTES, MAX_ATTACHMENT_BYTES)),
});

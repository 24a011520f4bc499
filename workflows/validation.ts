// Payload checks for Update validators: zod schemas, failures reported as a non-retryable InvalidRequest that
// names each field, so malformed input never reaches history.
import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { ErrorType } from './contracts';

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

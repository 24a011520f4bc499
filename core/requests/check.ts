// A request checked against its declaration. A refusal travels structured: the failure's details carry each issue
// (the field's path, zod's code and its parameters), so pages and the CLI say it in the reader's language without
// reading the message, which stays for logs and histories.
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { ErrorType } from '../contracts/ids-and-limits';

export interface RequestIssue {
  /** Where in the request, e.g. ['areas', 0, 'goals', 1, 'target']; empty for the request as a whole. */
  path: (string | number)[];
  /** zod's issue code: too_big, too_small, invalid_type, invalid_format, custom… */
  code: string;
  /** The message the schema gives (English, for logs). */
  message: string;
  /** The issue's parameters (minimum, maximum, origin, format…), for a message in the reader's language. */
  params: Record<string, unknown>;
}

/** The details of an InvalidRequest failure. */
export interface RequestRefusal {
  issues: RequestIssue[];
}

function issueOf(issue: z.core.$ZodIssue): RequestIssue {
  const { code, path, message, input: _input, ...params } = issue as z.core.$ZodIssue & { input?: unknown };
  return {
    path: path.filter((p): p is string | number => typeof p !== 'symbol'),
    code,
    message,
    params: JSON.parse(JSON.stringify(params)) as Record<string, unknown>,
  };
}

/** The request as its schema reads it, or a non-retryable InvalidRequest naming every issue. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map(issueOf);
  const message = issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
  throw ApplicationFailure.create({
    message,
    type: ErrorType.invalidRequest,
    nonRetryable: true,
    details: [{ issues } satisfies RequestRefusal],
  });
}

/** The issues an InvalidRequest failure carries, or none. */
export function refusalIssues(details: readonly unknown[] | null | undefined): RequestIssue[] {
  const first = details?.[0] as Partial<RequestRefusal> | undefined;
  return Array.isArray(first?.issues) ? first.issues : [];
}

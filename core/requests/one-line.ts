// Names, roles, organisations, titles, places and references go into mail headers and onto one line of a page: a
// line break or another control character in one is refused at its field. The rule runs in Update validators only
// (added 6 Dec 2026): a handler replaying an older history that holds such a value
// does what it did then.
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../contracts/ids-and-limits';
import type { RequestIssue, RequestRefusal } from './check';

const ONE_LINE_KEYS = new Set([
  'name',
  'role',
  'organisation',
  'title',
  'location',
  'link',
  'decisionReference',
  'partyCode',
  'taskId',
  'by',
]);
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Every one-line field of a request that holds a control character (a line break, a tab, NUL…). */
export function oneLineIssues(value: unknown, path: (string | number)[] = []): RequestIssue[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => oneLineIssues(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, field]) =>
    typeof field === 'string'
      ? ONE_LINE_KEYS.has(key) && CONTROL.test(field)
        ? [
            {
              path: [...path, key],
              code: 'invalid_format',
              message: 'must be on one line, without control characters',
              params: { format: 'one_line' },
            },
          ]
        : []
      : oneLineIssues(field, [...path, key]),
  );
}

/** Refuses a request with a control character in a one-line field, as an InvalidRequest naming each field. */
export function refuseMultiLine(request: unknown): void {
  const issues = oneLineIssues(request);
  if (!issues.length) return;
  throw ApplicationFailure.create({
    message: issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    type: ErrorType.invalidRequest,
    nonRetryable: true,
    details: [{ issues } satisfies RequestRefusal],
  });
}

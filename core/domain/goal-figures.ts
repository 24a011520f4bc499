// A goal's figures as numbers, read from what people wrote: a baseline, a target or a reported value is text
// ("31", "31,5 %", "n. 1 200"), and a chart or a course needs the number in it. Text with no number stays text.
import type { GoalStatus } from '../contracts';

/** The first number written in a figure, Finnish or English notation; null when there is none. */
export function figureIn(text: string | null | undefined): number | null {
  const match = /-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?/.exec(text ?? '');
  if (!match) return null;
  const value = Number(match[0].replace(/[ \u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** The year a cycle's period begins: `2027` of `2027`, `2025` of the council term `2025-2029`. */
export function yearOfPeriod(period: string): number | null {
  const match = /\d{4}/.exec(period);
  return match ? Number(match[0]) : null;
}

export const GOAL_COURSES = ['on-course', 'off-course', 'dropped', 'not-reported'] as const;
export type GoalCourse = (typeof GOAL_COURSES)[number];

/** Where a goal stands by the latest status its party reported: on course (achieved or on track), off course
 * (delayed), dropped, or not reported on yet. */
export function courseOf(statuses: { status: GoalStatus }[]): GoalCourse {
  const latest = statuses.at(-1)?.status;
  if (!latest) return 'not-reported';
  return latest === 'delayed' ? 'off-course' : latest === 'dropped' ? 'dropped' : 'on-course';
}

/** The THL indicator a goal's field names: the number it begins with ("4420", or "4420 Liikunta…" as a list offers
 * it); null when it names none. */
export function thlIndicatorIn(text: string | undefined): number | null {
  const match = /^\s*(\d{1,8})\b/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

// A refusal in the participant's words: a refused request names the fields its issues point at (core/requests/
// check.ts), as the form labels them; the validator's own words are English and stay out of a participant's page.
import type { RequestIssue } from '../../../core/requests';
import type { UserError } from '../../cycles';
import type { GoalField, PageWords } from '../words/page-words';

/** A refused attachment: its message is already in the reader's words. */
export const FILE_REFUSED = 'FileRefused';

/** Where an answer per agenda item went wrong: the item's name (`areaNames`, in the order the items were sent), the
 * goal's number and the field, in the participant's words. */
export interface AreaContext {
  areaNames: string[];
}

function fieldsIn(issues: RequestIssue[], w: PageWords, areas?: AreaContext): string {
  const labels: Record<string, string> = {
    text: w.yourAnswer,
    decisionReference: w.decisionReference,
    reason: w.reason,
    attendees: w.attendees,
    documentSha256: w.mail.labels.sha256,
  };
  const named = issues.map(({ path: [head, index, part, goal, field] }) => {
    if (head === 'followUp')
      return part === 'status' ? `${w.followUp.heading}: ${w.followUp.status}` : w.followUp.heading;
    if (head !== 'areas' || typeof index !== 'number') return labels[String(head)];
    const name = areas?.areaNames[index] ?? w.byArea.heading;
    if (part === 'goals' && typeof goal === 'number' && field !== undefined)
      return `${name} – ${w.byArea.goal(goal + 1)}: ${w.goalFields[field as GoalField] ?? field}`;
    return part === 'text' ? `${name}: ${w.byArea.text}` : name;
  });
  return [...new Set(named.filter((label): label is string => Boolean(label)))].join(', ') || w.yourAnswer;
}

/** A refusal in the participant's words. */
export function problemOf(err: UserError, w: PageWords, areas?: AreaContext): string {
  if (err.type === FILE_REFUSED) return err.message;
  if (err.type === 'InvalidRequest') return `${w.errors.InvalidRequest}: ${fieldsIn(err.issues, w, areas)}`;
  return w.errors[err.type ?? 'Unknown'] ?? w.errors.Unknown ?? err.message;
}

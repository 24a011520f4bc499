// A task page's form read as the participant's declared request (core/requests/participant-requests.ts) and sent as
// its Update under the form's one-time id.
import { thlIndicatorIn } from '../../../core/domain/goal-figures';
import type { AreaAnswer, FileRef, Goal, GoalFollowUp, GoalStatus, Receipt } from '../../../core/contracts';
import type { DraftForm } from '../../../db/answer-drafts';
import { registerAttendeesUpdate, signOffUpdate, submitAnswerUpdate } from '../../../workflows/party/messages';
import { partyAction, UserError } from '../../cycles';
import { GOAL_FIELDS, type GoalField } from '../words/page-words';
import type { WebDeps } from '../web-deps';
import type { Resolved } from './resolve';
import { ATTENDEE_ROWS, GOAL_ROWS } from './task-forms';

/** The fields of the answer form, as typed: what a draft keeps and a refused form shows again. */
export function answerDraftFields(body: Record<string, string | undefined>): DraftForm {
  return Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' &&
        /^(text|thl-q|area-\d+|[a-zA-Z]+-\d+-\d+|fu-(goal|status|value|comment)-\d+)$/.test(entry[0]),
    ),
  );
}

/** Every THL indicator the form's goals name. */
export function thlIndicatorsOf(body: Record<string, string | undefined>): number[] {
  return Object.entries(body).flatMap(([key, text]) =>
    /^thlIndicator-\d+-\d+$/.test(key) && thlIndicatorIn(text) !== null ? [thlIndicatorIn(text)!] : [],
  );
}

/** The follow-up a form gives of earlier goals: each goal with anything filled in. One with a value or a comment but
 * no status is sent as it is, and refused at its status: never receipted with its value and comment dropped. */
function followUpOf(body: Record<string, string | undefined>): GoalFollowUp[] {
  const out: GoalFollowUp[] = [];
  for (let k = 0; body[`fu-goal-${k}`] !== undefined; k++) {
    const status = body[`fu-status-${k}`];
    const value = body[`fu-value-${k}`]?.trim();
    const comment = body[`fu-comment-${k}`]?.trim();
    if (!status && !value && !comment) continue;
    out.push({
      goal: body[`fu-goal-${k}`]!,
      status: (status || undefined) as GoalStatus,
      ...(value ? { currentValue: value } : {}),
      ...(comment ? { comment } : {}),
    });
  }
  return out;
}

/** The answers per agenda item a form holds: the items with a text or a goal, goals with their filled fields. */
export function areasOf(body: Record<string, string | undefined>): AreaAnswer[] {
  const areas: AreaAnswer[] = [];
  for (let i = 0; body[`area-${i}`] !== undefined; i++) {
    const goals = Array.from({ length: GOAL_ROWS }, (_, j) => {
      const value = (f: GoalField) => body[`${f}-${i}-${j}`]?.trim() || undefined;
      const year = value('targetYear');
      const thl = value('thlIndicator');
      const goal = Object.fromEntries(
        GOAL_FIELDS.filter((f) => f !== 'targetYear' && f !== 'thlIndicator' && value(f)).map((f) => [f, value(f)]),
      ) as Partial<Goal>;
      return {
        ...goal,
        ...(year ? { targetYear: Number(year) } : {}),
        // A number chosen from the list may come with its title ("4420 Liikunta…"); anything else is refused at the
        // field as sent.
        ...(thl ? { thlIndicator: (thlIndicatorIn(thl) ?? thl) as number } : {}),
      };
    }).filter((g) => Object.keys(g).length > 0) as Goal[];
    const text = body[`area-${i}`]?.trim();
    if (text || goals.length) areas.push({ area: i, ...(text ? { text } : {}), ...(goals.length ? { goals } : {}) });
  }
  return areas;
}

export function act(
  deps: WebDeps,
  r: Resolved,
  body: Record<string, string | undefined>,
  attachments: FileRef[],
  requestId: string,
): Promise<Receipt> {
  const { ctx, person } = r;
  const base = { taskId: ctx.taskId, participantEmail: person.email };
  // The form's one-time id: a double click or a resent form returns the first receipt instead of a second answer.
  const updateId = `web-${requestId}`;
  const call = <Req>(update: Parameters<typeof partyAction<Req>>[3], request: Req) =>
    partyAction(deps.client, ctx.cycleId, ctx.partyCode, update, request, { updateId, waitMs: deps.answerWaitMs });
  switch (body.action) {
    case 'answer': {
      const areas = areasOf(body);
      const followUp = followUpOf(body);
      return call(submitAnswerUpdate, {
        ...base,
        ...(body.text?.trim() || (!areas.length && !followUp.length) ? { text: body.text ?? '' } : {}),
        ...(areas.length ? { areas } : {}),
        ...(followUp.length ? { followUp } : {}),
        ...(attachments.length ? { attachments } : {}),
      });
    }
    case 'no-comments':
      return call(submitAnswerUpdate, { ...base, noComments: true });
    case 'register': {
      const attendees = Array.from({ length: ATTENDEE_ROWS }, (_, i) => ({
        name: body[`name${i}`]?.trim() ?? '',
        role: body[`role${i}`]?.trim() ?? '',
        organisation: body[`organisation${i}`]?.trim() ?? '',
      })).filter((a) => a.name);
      return call(registerAttendeesUpdate, {
        ...base,
        attendees: attendees.map((a) => ({
          ...a,
          role: a.role || '-',
          organisation: a.organisation || ctx.partyName,
        })),
      });
    }
    case 'approve':
      return call(signOffUpdate, {
        ...base,
        decision: 'approved',
        documentSha256: body.sha256 ?? '',
        decisionReference: body.decisionReference?.trim() || undefined,
      });
    case 'reject':
      return call(signOffUpdate, {
        ...base,
        decision: 'rejected',
        documentSha256: body.sha256 ?? '',
        reason: body.reason?.trim() || undefined,
      });
    default:
      throw new UserError('unknown action', 'InvalidRequest');
  }
}

import type { Outcome, Position } from '../contracts';

/** The law demands the negotiation, not agreement: any mix of positions is a valid end. */
export function outcomeOf(positions: { partyCode: string; position: Position }[]): Outcome {
  const approved = positions.filter((p) => p.position === 'approved').length;
  if (approved === positions.length && approved > 0) return 'agreed_by_all';
  return approved > 0 ? 'agreed_by_some' : 'not_agreed';
}

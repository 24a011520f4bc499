import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../core/domain/outcome';

describe('cycle outcome', () => {
  it('is agreed by all only when every party approved', () => {
    expect(
      outcomeOf([
        { partyCode: '08', position: 'approved' },
        { partyCode: '837', position: 'approved' },
      ]),
    ).toBe('agreed_by_all');
  });
  it('is agreed by some when at least one party approved and another did not', () => {
    expect(
      outcomeOf([
        { partyCode: '08', position: 'approved' },
        { partyCode: '837', position: 'no_response' },
      ]),
    ).toBe('agreed_by_some');
  });
  it('is not agreed when nobody approved', () => {
    expect(
      outcomeOf([
        { partyCode: '08', position: 'rejected' },
        { partyCode: '837', position: 'no_response' },
      ]),
    ).toBe('not_agreed');
  });
});

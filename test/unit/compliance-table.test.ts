// The compliance report as a terminal table: every column apart, Helsinki's too.
import { describe, expect, it } from 'vitest';
import { complianceTable, type ComplianceRow } from '../../db/compliance';

const notApplicable = { year: 2027, held: 'not_applicable' as const, cycleId: null, reason: null, why: null };
const helsinki: ComplianceRow = {
  countyCode: '90',
  countyName: 'Helsingin kaupunki',
  partyCode: '091',
  partyName: 'Helsinki',
  term: {
    period: '2025-2029',
    status: 'not_applicable',
    cycleId: null,
    startedAt: null,
    completedAt: null,
    decisionReference: null,
    supplementary: [],
    reason: null,
    why: null,
  },
  annual: [{ ...notApplicable, answered: null, signedOff: null, supplementary: [] }],
  ministry: [notApplicable],
  hus: [{ year: 2027, held: 'held', cycleId: 'hus-90-2027', reason: null, why: null }],
  themes: [{ year: 2027, cycles: [] }],
  overdueTasks: 0,
};

describe('the compliance table', () => {
  it("keeps Helsinki's columns apart", () => {
    const [, line] = complianceTable([helsinki], [2027]).split('\n');
    expect(line).not.toContain('not_applicablenot_applicable');
    expect(line).toMatch(/^90\s+091 Helsinki\s+not_applicable\s+not_applicable HUS held\s*$/);
  });
});

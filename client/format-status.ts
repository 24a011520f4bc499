import type { CycleStatus, PartyStatus } from '../workflows/contracts';

export function formatCycleStatus({ cycle, parties }: { cycle: CycleStatus; parties: PartyStatus[] }): string {
  const lines = [`${cycle.title} (${cycle.cycleId})`, `phase: ${cycle.phase}${cycle.outcome ? `, outcome: ${cycle.outcome}` : ''}`, ''];
  const names = new Map(cycle.parties.map((p) => [p.code, p.name]));
  for (const party of parties) {
    const tasks = party.tasks.map((t) => `${t.kind} ${t.status}${t.status === 'open' ? ` until ${t.deadline}` : ''}`).join(', ');
    lines.push(`${party.partyCode.padEnd(4)} ${(names.get(party.partyCode) ?? '').padEnd(24)} ${tasks || 'no tasks yet'}${party.position ? `  → ${party.position}` : ''}`);
  }
  return lines.join('\n');
}

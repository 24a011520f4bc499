// The new-cycle form's fields and the cycle definition they stand for, both ways: a draft fills the form, and a
// posted form is read back as the definition a cycle file would hold, for the one schema to check. Field names are
// the definition's own paths (`schedule.roundDays`), so a problem the check names finds its field by name. A value
// that is not what its field takes is passed on as written: the check refuses it at its field.
import type { AgendaEntry, CycleKind } from '../../../../core/contracts';
import type { CycleFile } from '../../../../core/domain/cycle-file-schema';
import { AGENDA_ITEMS, TEMPLATES } from '../../../../core/domain/cycle-templates';
import { finnishDate } from '../../../../core/domain/definition-words/definition-kit';
import type { Fields } from '../../forms';

type Person = { name: string; email: string; role: string; language?: string };
const PERSON_KEYS = ['name', 'email', 'role', 'language'] as const;

/** A party's slot in the form: its code, or `org<i>` for the i-th other actor (whose code is a field). */
export const orgSlot = (i: number) => `org${i}`;

/** A Finnish date (15.1.2027) as the file writes it (2027-01-15); an ISO date stays as it is. */
export function isoDate(text: string): string {
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return finnish ? `${finnish[3]}-${finnish[2]!.padStart(2, '0')}-${finnish[1]!.padStart(2, '0')}` : text.trim();
}

/** An agenda entry with names in three languages, written on one line: `fi | sv | en`. */
const agendaLine = (entry: AgendaEntry) =>
  typeof entry === 'string'
    ? entry
    : [entry.fi, entry.sv, entry.en].filter((n, i) => i === 0 || n !== entry.fi).join(' | ');

/** The agenda items offered as boxes to tick: the kind's own and any other known item the draft has. */
export function offeredItems(kind: CycleKind, agenda: AgendaEntry[]): string[] {
  const known = agenda.filter((e): e is string => typeof e === 'string' && e in AGENDA_ITEMS);
  return [...new Set([...TEMPLATES[kind].agenda, ...known])];
}

export function fieldsOf(definition: CycleFile, candidates: string[], from?: string): Fields {
  const f: Fields = {
    kind: definition.kind,
    county: String(definition.county),
    period: definition.period,
    ...(from ? { from } : {}),
    id: definition.id ?? '',
    title: definition.title ?? '',
    startsOn: definition.startsOn ? finnishDate(definition.startsOn) : '',
    supplementaryReason: definition.supplementaryReason ?? '',
    'secretariat.name': definition.secretariat?.name ?? '',
    'secretariat.email': definition.secretariat?.email ?? '',
    'secretariat.language': definition.secretariat?.language ?? '',
    candidates: candidates.join(','),
    answersVisible: definition.answersVisible ?? 'after-phase',
    thlIndicators: (definition.thlIndicators ?? []).join(', '),
    'records.diaryNumber': definition.records?.diaryNumber ?? '',
    'records.publicity': definition.records?.publicity ?? 'public',
    'records.secrecyGround': definition.records?.secrecyGround ?? '',
    'records.retention': definition.records?.retention ?? '',
  };
  const schedule = { ...TEMPLATES[definition.kind].schedule, ...definition.schedule };
  for (const [key, value] of Object.entries(schedule))
    f[`schedule.${key}`] = Array.isArray(value) ? value.join(', ') : String(value);
  const parties = new Set(definition.parties ?? candidates);
  for (const code of candidates) if (parties.has(code)) f[`party.${code}`] = 'yes';
  const people = (slot: string, list: Person[]) =>
    list.forEach((p, j) => PERSON_KEYS.forEach((k) => (f[`people.${slot}.${j}.${k}`] = p[k] ?? '')));
  for (const [code, list] of Object.entries(definition.participants ?? {})) people(code, list as Person[]);
  (definition.organisations ?? []).forEach((o, i) => {
    f[`org.${i}.code`] = o.code;
    f[`org.${i}.name`] = o.name;
    f[`org.${i}.language`] = o.language ?? '';
    people(orgSlot(i), o.participants as Person[]);
  });
  const agenda = (definition.agenda ?? TEMPLATES[definition.kind].agenda) as AgendaEntry[];
  const offered = offeredItems(definition.kind, agenda);
  f.agendaItems = offered.join(',');
  for (const key of offered) if (agenda.includes(key)) f[`agenda.${key}`] = 'yes';
  f.agendaMore = agenda
    .filter((e) => !(typeof e === 'string' && offered.includes(e)))
    .map(agendaLine)
    .join('\n');
  return f;
}

/** The people of a slot as the form sent them: rows in order, an empty row left out. */
export function peopleOf(f: Fields, slot: string): Person[] {
  const rows = new Map<number, Person>();
  for (const [key, value] of Object.entries(f)) {
    const m = /^people\.([^.]+)\.(\d+)\.(name|email|role|language)$/.exec(key);
    if (!m || m[1] !== slot) continue;
    const row = rows.get(Number(m[2])) ?? { name: '', email: '', role: '' };
    row[m[3] as keyof Person] = (value ?? '').trim();
    rows.set(Number(m[2]), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, p]) => p)
    .filter((p) => p.name || p.email);
}

/** The other actors as the form sent them: an empty one (no code, name or people) left out. */
export function organisationsOf(f: Fields): { slot: string; code: string; name: string; language: string }[] {
  const indices = new Set(
    Object.keys(f)
      .map((k) => /^org\.(\d+)\.code$/.exec(k)?.[1])
      .filter((i): i is string => i !== undefined)
      .map(Number),
  );
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => ({
      slot: orgSlot(i),
      code: (f[`org.${i}.code`] ?? '').trim(),
      name: (f[`org.${i}.name`] ?? '').trim(),
      language: f[`org.${i}.language`] ?? '',
    }))
    .filter((o) => o.code || o.name || peopleOf(f, o.slot).length);
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const number = (value: string | undefined) => {
  const t = text(value);
  return t === undefined ? undefined : /^\d+$/.test(t) ? Number(t) : t;
};
const person = ({ name, email, role, language }: Person) => ({ name, email, role, ...(language ? { language } : {}) });

/** The definition a posted form stands for. */
export function definitionOf(f: Fields): Record<string, unknown> {
  const candidates = (f.candidates ?? '').split(',').filter(Boolean);
  const parties = candidates.filter((code) => f[`party.${code}`] === 'yes');
  const participants = Object.fromEntries(
    parties.map((code) => [code, peopleOf(f, code).map(person)] as const).filter(([, list]) => list.length),
  );
  const organisations = organisationsOf(f).map((o) => ({
    code: o.code,
    name: o.name,
    ...(o.language ? { language: o.language } : {}),
    participants: peopleOf(f, o.slot).map(person),
  }));
  const offered = (f.agendaItems ?? '').split(',').filter(Boolean);
  const more = (f.agendaMore ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fi = '', sv, en] = line.split('|').map((n) => n.trim());
      return sv || en ? { fi, ...(sv ? { sv } : {}), ...(en ? { en } : {}) } : fi;
    });
  const agenda = [...offered.filter((key) => f[`agenda.${key}`] === 'yes'), ...more];
  const reminders = text(f['schedule.reminderDays']);
  const thlIndicators = (text(f.thlIndicators) ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(number);
  const secret = f['records.publicity'] === 'secret';
  const records = {
    diaryNumber: text(f['records.diaryNumber']),
    publicity: secret ? 'secret' : undefined,
    secrecyGround: secret ? text(f['records.secrecyGround']) : undefined,
    retention: text(f['records.retention']),
  };
  const secretariatLanguage = text(f['secretariat.language']);
  return {
    ...(text(f.id) ? { id: text(f.id) } : {}),
    kind: f.kind,
    county: f.county,
    ...(text(f.title) ? { title: text(f.title) } : {}),
    period: f.period,
    ...(text(f.startsOn) ? { startsOn: isoDate(f.startsOn!) } : {}),
    ...(text(f.supplementaryReason) ? { supplementaryReason: text(f.supplementaryReason) } : {}),
    secretariat: {
      name: f['secretariat.name'] ?? '',
      email: f['secretariat.email'] ?? '',
      ...(secretariatLanguage ? { language: secretariatLanguage } : {}),
    },
    answersVisible: f.answersVisible,
    ...(thlIndicators.length ? { thlIndicators } : {}),
    ...(Object.values(records).some(Boolean) ? { records: JSON.parse(JSON.stringify(records)) } : {}),
    // An agenda left empty is the template's (a theme's, which has none, is refused as such).
    ...(agenda.length ? { agenda } : {}),
    schedule: {
      preparationDays: number(f['schedule.preparationDays']),
      roundDays: number(f['schedule.roundDays']),
      signOffDays: number(f['schedule.signOffDays']),
      lateDays: number(f['schedule.lateDays']),
      closingTime: text(f['schedule.closingTime']),
      reminderDays:
        reminders === undefined
          ? []
          : reminders
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(number),
    },
    parties,
    participants,
    ...(organisations.length ? { organisations } : {}),
  };
}

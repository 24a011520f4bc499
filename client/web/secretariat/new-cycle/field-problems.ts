// A checked definition's problems placed on the new-cycle form: each at the field (or party) its path names, with
// that field's label, in the reader's words.
import type { Language } from '../../../../core/contracts';
import type { DefinitionProblem } from '../../../../core/domain/definition-problems';
import { problemTextIn } from '../../../../core/domain/definition-words/definition-words';
import { partyNameIn } from '../../../../core/domain/local-names';
import type { ReferenceData } from '../../../../core/domain/reference';
import type { Fields } from '../../forms';
import type { NewCycleWords } from '../../words/new-cycle-words';
import { organisationsOf } from './form-fields';
import type { FieldProblem } from './new-cycle-views';

const OWN_FIELDS = [
  'title',
  'id',
  'startsOn',
  'supplementaryReason',
  'period',
  'answersVisible',
  'thlIndicators',
] as const;
const SCHEDULE = ['preparationDays', 'roundDays', 'signOffDays', 'lateDays', 'reminderDays', 'closingTime'] as const;
const RECORDS = ['diaryNumber', 'publicity', 'secrecyGround', 'retention'] as const;

export function fieldProblems(
  problems: DefinitionProblem[],
  definition: Record<string, unknown>,
  fields: Fields,
  { lang, nw, reference }: { lang: Language; nw: NewCycleWords; reference: ReferenceData },
): FieldProblem[] {
  const named = (code: string) => partyNameIn(reference, code, code, lang);
  const context = { party: named };
  const parties = (definition.parties as string[] | undefined) ?? [];
  const orgs = organisationsOf(fields);
  const place = (field: string): { anchor: string; label: string } => {
    const [head = '', second, ...rest] = field.replace(/\[(\d+)\]/g, '.$1').split('.');
    const own = (key: string) => rest.length === 0 && second === key;
    switch (head) {
      case 'participants':
        return { anchor: `party-${second}`, label: named(second ?? '') };
      case 'parties': {
        const code = second === undefined ? undefined : parties[Number(second)];
        return code ? { anchor: `party-${code}`, label: named(code) } : { anchor: 'parties', label: nw.parties };
      }
      case 'organisations': {
        const org = second === undefined ? undefined : orgs[Number(second)];
        return org
          ? { anchor: `org-${org.slot.slice(3)}`, label: org.name || nw.newOrganisation }
          : { anchor: 'organisations', label: nw.organisations };
      }
      case 'secretariat':
        return second === 'name' || second === 'email'
          ? { anchor: `secretariat.${second}`, label: `${nw.secretariat}: ${nw[second]}` }
          : { anchor: 'secretariat', label: nw.secretariat };
      case 'schedule': {
        const key = SCHEDULE.find(own);
        return key ? { anchor: `schedule.${key}`, label: nw[key] } : { anchor: 'schedule', label: nw.schedule };
      }
      case 'records': {
        const key = RECORDS.find(own);
        return key ? { anchor: `records.${key}`, label: nw[key] } : { anchor: 'records', label: nw.records };
      }
      case 'agenda':
        return { anchor: 'agenda', label: nw.agenda };
      default: {
        const key = OWN_FIELDS.find((k) => k === head);
        return key ? { anchor: key, label: nw[key] } : { anchor: 'basics', label: nw.basics };
      }
    }
  };
  return problems.map((p) => ({ ...place(p.field), text: problemTextIn(lang, p, context) }));
}

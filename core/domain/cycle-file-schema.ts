// The cycle file's shape (YAML or JSON), as zod checks it and its JSON Schema (docs/cycle-file.schema.json) shows
// it: fields, bounds and descriptions; what they must mean against the reference data is checked in
// cycle-definition.ts.
import { z } from 'zod';
import { ANSWERS_VISIBLE, CYCLE_KINDS, LANGUAGES, ROLES } from '../contracts';
import { AGENDA_ITEMS } from './cycle-templates';
import { NATIONAL_PARTIES } from './national-parties';

/** Bounds that keep a definition (and the workflow input made of it) reasonable; each is named in its refusal. */
export const LIMITS = { parties: 400, participantsPerParty: 20, agendaItems: 50 } as const;

// Names go into mail headers and onto pages: one line, no control characters.
const oneLine = (schema: z.ZodString) => schema.regex(/^[^\r\n\0]*$/, 'must be on one line');
const email = z.string().trim().toLowerCase().pipe(z.email('not a valid email address'));
const name = oneLine(z.string().trim().min(1, 'is required').max(200));
const days = z.number().int().min(1).max(120);

/** YAML reads `county: 08` as the number 8; a county code is always two digits, so it is read as meant. */
const countyCode = z.preprocess(
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100
      ? String(value).padStart(2, '0')
      : value,
  z.string({ error: 'must be a county code in quotes, e.g. "08"' }).regex(/^\d{2}$/, 'must be a two-digit county code'),
);

/** A party code written without quotes loses its leading zero (091 becomes 91) and cannot be told from a county. */
const partyCode = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? `${issue.input} was read as a number: write party codes in quotes, e.g. "08" or "091"`
      : 'must be a county (2 digits) or municipality (3 digits) code in quotes',
});

/** Finns write 16.00 for four o'clock; both that and 16:00 mean the same. */
const clockTime = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .trim()
          .replace(/^(\d{1,2})\.(\d{2})$/, '$1:$2')
          .replace(/^(\d):/, '0$1:')
      : value,
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, e.g. 16:00 or 16.00'),
);

const participantSchema = z.strictObject({ name, email, role: z.enum(ROLES), language: z.enum(LANGUAGES).optional() });
export const participantsSchema = z
  .array(participantSchema)
  .min(1, 'needs at least one participant')
  .max(LIMITS.participantsPerParty, `has more than ${LIMITS.participantsPerParty} participants`);
export const secretariatSchema = z.strictObject({ name, email, language: z.enum(LANGUAGES).optional() });

export const cycleFileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'use 3–81 lowercase letters, digits and dashes')
      .optional()
      .describe('Identifies the cycle; defaults to <kind>-<county>-<period>'),
    kind: z
      .enum(CYCLE_KINDS)
      .describe(
        'term: hyvinvointialuelaki 611/2021 §14; annual: 612/2021 §7; hus: Helsinki and HUS, 612/2021 §6(5); ministry: the ministries and the county, 611/2021 §13 a; theme: a single theme, with its own agenda',
      ),
    county: countyCode.describe('County code, e.g. "08" for Pirkanmaa'),
    title: oneLine(z.string().trim().min(1).max(300)).optional().describe("Defaults to the template's title"),
    answersVisible: z
      .enum(ANSWERS_VISIBLE)
      .optional()
      .describe(
        "Who reads a party's answers: every party once the phase has closed (after-phase, the default), or the secretariat only",
      ),
    thlIndicators: z
      .array(z.number().int().min(1).max(99_999_999))
      .max(50)
      .optional()
      .describe(
        "THL indicators (Sotkanet ids, e.g. 4420) the county suggests for the parties' goals: offered first on the goal form, their figures fetched for every municipality and the county",
      ),
    records: z
      .strictObject({
        diaryNumber: oneLine(z.string().trim().min(1).max(100))
          .optional()
          .describe('The case\'s diary number (diaarinumero), e.g. "HVA/123/00.04.01/2027"'),
        publicity: z.enum(['public', 'secret']).optional().describe('public (the default) or secret'),
        secrecyGround: oneLine(z.string().trim().min(1).max(300))
          .optional()
          .describe('The legal ground of secrecy, e.g. "JulkL 24 § 1 mom 8 k"; required when secret'),
        retention: oneLine(z.string().trim().min(1).max(100))
          .optional()
          .describe('"permanent" (the default) or a period, e.g. "10 years"'),
      })
      .refine((r) => r.publicity !== 'secret' || r.secrecyGround, {
        message: 'a secret case needs its legal ground (secrecyGround)',
        path: ['secrecyGround'],
      })
      .optional()
      .describe("What the county's records management files the cycle and its documents under"),
    supplementaryReason: oneLine(z.string().trim().min(1).max(2000))
      .optional()
      .describe('Required for a second cycle of the same kind, county and period: why it is held'),
    period: z.string().regex(/^\d{4}(-\d{4})?$/, 'must be a year (2026) or a council term (2025-2029)'),
    startsOn: z.iso
      .date('must be a date, e.g. 2027-01-15')
      .optional()
      .describe('Start later than now (Europe/Helsinki)'),
    secretariat: secretariatSchema,
    agenda: z
      .array(
        z.union(
          [
            oneLine(z.string().trim().min(1).max(300)),
            z
              .strictObject({
                fi: oneLine(z.string().trim().min(1).max(300)),
                sv: oneLine(z.string().trim().min(1).max(300)).optional(),
                en: oneLine(z.string().trim().min(1).max(300)).optional(),
              })
              // A name not given in a language is shown in Finnish there.
              .transform((n) => ({ fi: n.fi, sv: n.sv ?? n.fi, en: n.en ?? n.fi })),
          ],
          { error: 'must be a known item, one line of text, or names {fi, sv, en} with fi given' },
        ),
      )
      .min(1)
      .max(LIMITS.agendaItems, `has more than ${LIMITS.agendaItems} items`)
      .optional()
      .describe(
        `Replaces the template's agenda (its cooperation areas); known items: ${Object.keys(AGENDA_ITEMS).join(', ')}; others as written, or {fi, sv, en} names`,
      ),
    schedule: z
      .strictObject({
        preparationDays: days.optional(),
        roundDays: days.optional(),
        signOffDays: days.optional(),
        lateDays: z.number().int().min(0).max(60).optional(),
        reminderDays: z.array(z.number().int().min(1).max(30)).max(5).optional(),
        closingTime: clockTime.optional(),
      })
      .optional()
      .describe('Working days per phase (Act 150/1930 §5); defaults come from the template'),
    parties: z
      .array(
        partyCode.regex(
          new RegExp(`^(\\d{2,3}|${Object.keys(NATIONAL_PARTIES).join('|')})$`),
          `must be a county (2 digits) or municipality (3 digits) code, or one of ${Object.keys(NATIONAL_PARTIES).join(', ')}`,
        ),
      )
      .min(1)
      .max(LIMITS.parties, `has more than ${LIMITS.parties} parties`)
      .optional()
      .describe(
        'Defaults to the county and every municipality in it; Helsinki and HUS (091, hus) in a hus cycle; the county and the ministries (vm, stm, sm) in a ministry cycle',
      ),
    participants: z.record(z.string(), participantsSchema).describe('Participants by party code'),
    organisations: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'use lowercase letters, digits and dashes'),
          name,
          language: z.enum(LANGUAGES).optional(),
          participants: participantsSchema,
        }),
      )
      .optional()
      .describe(
        'Annual, hus and theme cycles: the other actors doing health and wellbeing promotion (organisations, parishes)',
      ),
  })
  .describe('A Sopu negotiation cycle');

export type CycleFile = z.input<typeof cycleFileSchema>;

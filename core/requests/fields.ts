// The fields a request's schema asks a person for, read from the schema itself: what a form shows and what a
// command line takes when a request declares no form or command of its own. Only the top level's plain values count
// (text, numbers, a choice, yes/no); who acts (`by`) and the confirmation (`confirm`) are the sender's, not fields.
import { z } from './schema-kit';

export type FieldKind = 'text' | 'number' | 'choice' | 'flag';

export interface RequestField {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** The values a choice takes. */
  choices?: string[];
}

const SENDERS = new Set(['by', 'confirm']);

function kindOf(schema: z.ZodType): Pick<RequestField, 'kind' | 'choices'> | null {
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat) return { kind: 'text' };
  if (schema instanceof z.ZodNumber) return { kind: 'number' };
  if (schema instanceof z.ZodBoolean) return { kind: 'flag' };
  if (schema instanceof z.ZodEnum) return { kind: 'choice', choices: schema.options.map(String) };
  if (schema instanceof z.ZodPipe) return kindOf(schema.in as z.ZodType);
  return null;
}

/** The request's fields, or null when some field is more than a plain value (it needs a form of its own). */
export function requestFields(schema: z.ZodType): RequestField[] | null {
  if (!(schema instanceof z.ZodObject)) return null;
  const fields: RequestField[] = [];
  for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (SENDERS.has(key)) continue;
    const required = !(value instanceof z.ZodOptional);
    const kind = kindOf(value instanceof z.ZodOptional ? (value.unwrap() as z.ZodType) : value);
    if (!kind) return null;
    fields.push({ key, required, ...kind });
  }
  return fields;
}

/** Field values as typed (strings) turned into the request's values: numbers read, empty optional fields left out. */
export function requestOfFields(fields: RequestField[], values: Record<string, string | boolean | undefined>) {
  const request: Record<string, string | number | boolean> = {};
  for (const { key, kind } of fields) {
    const value = values[key];
    if (value === undefined || value === '') continue;
    if (kind === 'flag') request[key] = value === true || value === 'yes' || value === 'true';
    else request[key] = kind === 'number' ? Number(value) : String(value).trim();
  }
  return request;
}

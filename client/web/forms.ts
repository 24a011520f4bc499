// A posted form as pages read it: its fields as text, and its files (multipart) with their names and bytes, whether
// the body came url-encoded or as multipart. What a file is, and whether it may be stored, is for its use to check.
import type { FastifyRequest } from 'fastify';
import type { Upload } from '../uploads';

export type Fields = Record<string, string | undefined>;
export interface Form {
  fields: Fields;
  /** Files by field name, in the order sent; an empty file input (no file chosen: no name) sends nothing, while an
   * empty file is kept, for its use to refuse with the reason. */
  files: Record<string, Upload[]>;
}

type Part = { type: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };

export async function readForm(request: FastifyRequest): Promise<Form> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const form: Form = { fields: {}, files: {} };
  for (const [key, value] of Object.entries(body)) {
    // A field sent more than once (several files) comes as a list.
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') form.fields[key] = item;
      else if (item && typeof item === 'object' && 'type' in item) {
        const part = item as Part;
        if (part.type === 'field') form.fields[key] = String(part.value ?? '');
        else if (part.type === 'file' && part.filename && part.toBuffer) {
          (form.files[key] ??= []).push({ name: part.filename, bytes: await part.toBuffer() });
        }
      }
    }
  }
  return form;
}

// What the secretariat's routes share: a staff form read with its one file, the notice above a cycle page, a 404
// page, and the confirmation page a control with consequences asks through.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ErrorType, type Language } from '../../../core/contracts';
import { partyNameIn } from '../../../core/domain/local-names';
import type { Database } from '../../../db/schema';
import { referenceOn } from '../../../db/reference-store';
import { refusalIn, type RefusalContext } from '../../refusal-words/refusal-words';
import type { ValidCycle } from '../../../core/domain/cycle-definition';
import { DEFAULT_WAIT_MS, firstTasksOpen, startCycle } from '../../cycles';
import type { UserError } from '../../user-error';
import type { WebDeps } from '../web-deps';
import type { Upload } from '../../uploads';
import { readForm, type Fields } from '../forms';
import { html } from '../html';
import { csrfField, staffPage, type StaffReader } from '../session';
import type { StaffWords } from '../words/staff-words';

/** A staff form: its fields and its one file (a cycle file or a draft). */
export type Form = { fields: Fields; file: Upload | null };

/** What a cycle page says above everything else: a receipt, a refusal, or a request not confirmed yet. */
export type Notice = { ok: boolean; text: string; pending?: boolean };

export async function readStaffForm(request: FastifyRequest): Promise<Form> {
  const { fields, files } = await readForm(request);
  let file = files.file?.[0] ?? null;
  // A confirmation page sends a cycle file back as text fields: from here on it is the upload again.
  if (!file && fields.file_name && fields.file_text !== undefined) {
    file = { name: fields.file_name, bytes: Buffer.from(fields.file_text, 'utf8') };
  }
  delete fields.file_name;
  delete fields.file_text;
  return { fields, file };
}

export const notFound = (user: StaffReader, reply: FastifyReply, message: string) =>
  staffPage(user, reply.code(404), user.w.notFound.heading, html`<h1>${user.w.notFound.heading}</h1><p>${message}</p>`);

export interface Confirmation {
  heading: string;
  consequences: string;
  action: string;
  yes: string;
  back: { href: string; label: string };
}

/** What a request would do, said before it is done: the same form once more (its file as text), with a yes. */
export function confirmationPage(user: StaffReader, reply: FastifyReply, ask: Confirmation, form: Form) {
  const fields: Fields = {
    ...form.fields,
    ...(form.file ? { file_name: form.file.name, file_text: form.file.bytes.toString('utf8') } : {}),
  };
  delete fields._csrf;
  delete fields.confirm;
  const hidden = Object.entries(fields).map(
    ([key, value]) => html`<input type="hidden" name="${key}" value="${value ?? ''}">`,
  );
  const body = html`<h1>${user.w.controls.confirm(ask.heading)}</h1>
      <div class="error" role="alert"><p>${ask.consequences}</p></div>
      <form method="post" action="${ask.action}">${csrfField(reply)}${hidden}
        <input type="hidden" name="confirm" value="yes"><button type="submit">${ask.yes}</button></form>
      <p><a href="${ask.back.href}">${ask.back.label}</a></p>`;
  return staffPage(user, reply.code(409), user.w.controls.confirm(ask.heading), body);
}

/** A refusal in the reader's words: an invalid request names its fields and what is wrong with each (never the
 * validator's English); a refusal of the cycle's says its reason in the reader's language, parties by name. */
export function refusalText(w: StaffWords, lang: Language, err: UserError, context: RefusalContext): string {
  const c = w.controls;
  if (err.refusal) return `${c.refused}: ${refusalIn(lang, err.refusal, context)}.`;
  if (err.type !== ErrorType.invalidRequest || !err.issues.length) return `${c.refused}: ${err.message}`;
  const fields = err.issues.map(({ path, code, params }) => {
    const key = [...path].reverse().find((p): p is string => typeof p === 'string' && p in c.fields);
    const problem =
      params.format === 'one_line'
        ? c.problem.oneLine
        : code === 'too_small'
          ? c.problem.required
          : code === 'too_big'
            ? c.problem.tooLong
            : c.problem.invalid;
    return `${key ? c.fields[key] : c.fields.form} (${problem})`;
  });
  return `${c.refused}: ${c.checkFields([...new Set(fields)].join(', '))}`;
}

/** Starts a checked cycle and shows it: its page opens once every party's first task is open, or says they are
 * still opening (a cycle that starts on a later day opens at once). */
export async function startAndShow(deps: WebDeps, valid: ValidCycle, reply: FastifyReply) {
  await startCycle(deps.client, valid, deps.taskQueue);
  const cycle = `/cycles/${encodeURIComponent(valid.input.cycleId)}`;
  if (valid.startsAt) return reply.redirect(cycle, 303);
  const { open, of } = await firstTasksOpen(deps.client, valid.input.cycleId, deps.answerWaitMs ?? DEFAULT_WAIT_MS);
  return reply.redirect(open === of ? cycle : `${cycle}?opening=${open}-${of}`, 303);
}

/** Parties by their names in the reader's language, from the reference data of today. */
export async function partiesNamed(db: Kysely<Database>, lang: Language): Promise<RefusalContext> {
  const reference = await referenceOn(db, new Date().toISOString().slice(0, 10));
  return { party: (code) => partyNameIn(reference, code, code, lang) };
}

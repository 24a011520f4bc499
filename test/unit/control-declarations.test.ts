// Every control is declared once (core/requests/cycle-controls.ts): its Update, its form on the cycle page and its
// command all follow from the declaration, and a refusal names its fields by the issues it carries.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/contracts';
import {
  CONTROL_NAMES,
  CYCLE_CONTROLS,
  controlBySlug,
  parseRequest,
  refusalIssues,
  requestFields,
  requestOfFields,
} from '../../core/requests';
import { ApplicationFailure } from '@temporalio/common';
import { registerControlCommands } from '../../client/cli/control-commands';
import { cliKit } from '../../client/cli/kit';
import { derivedForm, formOf } from '../../client/web/secretariat/control-forms';
import { html } from '../../client/web/html';
import { STAFF_WORDS } from '../../client/web/words/staff';
import { CONTROL_UPDATES } from '../../workflows/cycle/messages';

describe('control declarations', () => {
  it('give every control its Update, its slug, a form, a command and its words in every language', () => {
    const program = new Command('sopu');
    const cycle = program.command('cycle');
    registerControlCommands(
      cycle,
      cliKit(program, { config: () => ({}) as never, databaseUrl: () => '', workflowBundleCode: async () => '' }),
    );
    for (const name of CONTROL_NAMES) {
      const { update, slug } = CYCLE_CONTROLS[name];
      expect(CONTROL_UPDATES[name].name).toBe(update);
      expect(controlBySlug(slug)).toBe(name);
      expect(() => formOf(name)).not.toThrow();
      expect(cycle.commands.map((c) => c.name())).toContain(slug);
      for (const language of LANGUAGES) {
        const words = STAFF_WORDS[language].controls;
        expect(words.legend[name], `${language} ${name}`).toBeTruthy();
        // A derived form labels each field in words, never by its key.
        for (const field of requestFields(CYCLE_CONTROLS[name].schema) ?? [])
          expect(words.fields[field.key], `${language} ${name}.${field.key}`).toBeTruthy();
      }
    }
    // The Update names in stored histories never change.
    expect(CYCLE_CONTROLS.cancel.update).toBe('cancelCycle');
  });

  it("derives a form from a control's fields, each labelled in the reader's words", () => {
    const fields = requestFields(CYCLE_CONTROLS.extendDeadline.schema)!;
    const w = STAFF_WORDS.sv;
    const form = derivedForm('extendDeadline', fields).fields({
      w,
      lang: 'sv',
      registrations: [],
      agenda: [],
      status: {} as never,
      parties: [],
      reason: () => html``,
      options: () => [],
    });
    const text = String(form);
    expect(text).toContain('<label for="extend-workingDays">Arbetsdagar att lägga till</label>');
    expect(text).toContain('<input type="number" id="extend-workingDays" name="workingDays" required>');
    expect(text).toContain('<input type="text" id="extend-partyCode" name="partyCode">');
  });

  it('reads a derived request from typed values: numbers as numbers, empty optional fields left out', () => {
    const fields = requestFields(CYCLE_CONTROLS.extendDeadline.schema)!;
    expect(fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['partyCode', 'text', false],
      ['workingDays', 'number', true],
      ['reason', 'text', true],
    ]);
    expect(requestOfFields(fields, { partyCode: '', workingDays: '3', reason: ' board meets later ' })).toEqual({
      workingDays: 3,
      reason: 'board meets later',
    });
  });

  it('refuses an invalid request with its issues as details: path, code and parameters', () => {
    let failure: unknown;
    try {
      parseRequest(CYCLE_CONTROLS.extendDeadline.schema, { by: 'a@b.fi', workingDays: 61, reason: '' });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const { type, nonRetryable, details, message } = failure as ApplicationFailure;
    expect([type, nonRetryable]).toEqual(['InvalidRequest', true]);
    expect(message).toContain('workingDays');
    const issues = refusalIssues(details);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [['workingDays'], 'too_big'],
      [['reason'], 'too_small'],
    ]);
    expect(issues[0]!.params).toMatchObject({ maximum: 60 });
  });
});

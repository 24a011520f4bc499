import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cycleFileJsonSchema } from '../../client/cycle-file-json-schema';

describe('published JSON Schema of cycle files', () => {
  it('matches the schema the CLI validates with (regenerate with `npm run schema`)', () => {
    expect(readFileSync('docs/cycle-file.schema.json', 'utf8')).toBe(cycleFileJsonSchema());
  });

  it('describes the fields people write', () => {
    const schema = JSON.parse(cycleFileJsonSchema());
    expect(schema.required).toEqual(['kind', 'county', 'period', 'secretariat', 'participants']);
    expect(schema.properties.kind.enum).toEqual(['term', 'annual', 'hus', 'ministry', 'theme']);
    expect(schema.additionalProperties).toBe(false);
  });
});

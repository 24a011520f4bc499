// The JSON Schema of cycle files, for editors (YAML language server, VS Code). `npm run schema` writes it to
// docs/cycle-file.schema.json; a test keeps the published file in step with the zod schema.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { cycleFileSchema } from '../core/domain/cycle-file-schema';

export function cycleFileJsonSchema(): string {
  const schema = z.toJSONSchema(cycleFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Sopu cycle file' }, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync('docs/cycle-file.schema.json', cycleFileJsonSchema());
  console.log('Wrote docs/cycle-file.schema.json');
}

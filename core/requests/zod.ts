// zod as every workflow of a worker shares it: loaded once before any workflow (worker/create-worker.ts,
// SHARED_MODULES) instead of its 94 modules evaluated again in each, and configured once. The SDK deep-freezes a
// shared module, so nothing here may be written once workflows run: schemas are built per check (./schema-kit.ts).
import { z } from 'zod';

// zod compiles schemas with `new Function` unless told not to; the schemas run in workflow code too, which stays
// free of eval.
z.config({ jitless: true });
// zod sets its default locale and its memoizer into the same configuration when the first check and the first
// container are built: built and used here, before the freeze, they find both set.
z.strictObject({ list: z.array(z.string().min(1)) }).safeParse({ list: [''] });

export { z };

// The workflow bundles workers ran, by the SHA-256 each workflow task's build id carries in Temporal's history
// (`sopu-workflows+<sha256 of the bundle>`): kept once each, for audits that replay with them.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export const bundleSha256 = (code: string): string => createHash('sha256').update(code).digest('hex');

/** The build id a Sopu worker runs under: the SHA-256 of its workflow bundle as built. */
export const buildIdOf = (sha256: string): string => `sopu-workflows+${sha256}`;

/** The bundle's hash in a build id in a history (Sopu's, or the SDK's default form); null for another kind. */
export const bundleOfBuildId = (buildId: string | null | undefined): string | null =>
  /\+([0-9a-f]{64})$/.exec(buildId ?? '')?.[1] ?? null;

export async function keepWorkflowBundle(db: Kysely<Database>, code: string): Promise<string> {
  const sha256 = bundleSha256(code);
  await db
    .insertInto('workflow_bundles')
    .values({ sha256, code })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

export function workflowBundles(db: Kysely<Database>, sha256s: string[]) {
  if (!sha256s.length) return Promise.resolve([]);
  return db.selectFrom('workflow_bundles').select(['sha256', 'code']).where('sha256', 'in', sha256s).execute();
}

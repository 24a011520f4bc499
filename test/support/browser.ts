// Debian's Chromium for the browser tests, installed from Debian's packages when the machine has none (never
// playwright's own download), and the web server a browser test talks to.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildWebServer } from '../../client/web/server';
import type { OidcConfig } from '../../core/config';
import { seedAccounts } from './accounts';
import { TEST_AUDIT_SIGNER, TEST_LINK_KEYS, type TestWorker } from './test-worker';

const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Sopu's web server on a free loopback port, against a test worker's Temporal and database; task links in mail
 * point at http://sopu.test, which a test replaces with `base`. */
export async function startTestWeb(
  env: TestWorker,
  options: { users: string; linkGraceDays: number; oidc?: OidcConfig; port?: number },
): Promise<{ web: FastifyInstance; base: string }> {
  await seedAccounts(env.db, options.users);
  const web = await buildWebServer({
    client: env.client,
    db: env.db,
    taskQueue: env.taskQueue,
    auditPublicKeyPem: TEST_AUDIT_SIGNER.publicKeyPem,
    config: {
      linkKeys: TEST_LINK_KEYS,
      web: {
        port: 0,
        sessionSecret: 'test-session-secret-of-sufficient-length',
        linkGraceDays: options.linkGraceDays,
        accessibilityContact: 'saavutettavuus@sopu.test',
        trustProxy: false,
        oidc: options.oidc ?? null,
      },
      // With an identity provider, the provider sends people back to this very server.
      publicUrl: options.oidc ? `http://127.0.0.1:${options.port}` : 'http://sopu.test',
    },
  });
  await web.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return { web, base: `http://127.0.0.1:${(web.server.address() as { port: number }).port}` };
}

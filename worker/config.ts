// Configuration is read once from the environment into a frozen object; everything else receives it as a value.
// Temporal connection settings follow Temporal's own conventions (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE and the CLI's config file) through @temporalio/envconfig.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { DevServerConfig, OidcConfig, SopuConfig } from '../core/config';
import { TASK_QUEUE, type StaffRole } from '../core/contracts';
import { PACKAGE_ROOT } from './package-root';

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a TCP port, got '${raw}'`);
  return value;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got '${raw}'`);
  return value;
}

/** A secret from the environment, or null: nothing written in the repository ever stands in for one. */
function secret(env: Env, name: string): string | null {
  const value = env[name];
  if (!value) return null;
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return value;
}

/** SOPU_OIDC_GROUPS as written: `group=secretariat:08,02 other-group=auditor:*` (`*`: every county). */
function oidcGroups(raw: string): OidcConfig['groups'] {
  const groups: OidcConfig['groups'] = {};
  for (const entry of raw.split(/\s+/).filter(Boolean)) {
    const m = /^(.+)=(secretariat|auditor|administrator):(\*|\d{2}(,\d{2})*)$/.exec(entry);
    if (!m)
      throw new Error(
        `SOPU_OIDC_GROUPS: '${entry}' needs the form group=secretariat|auditor:08,02 (or :* for every county)`,
      );
    groups[m[1]!] = { role: m[2] as StaffRole, counties: m[3] === '*' ? null : m[3]!.split(',') };
  }
  return groups;
}

/** The identity provider, when SOPU_OIDC_ISSUER names one: all of its settings or a clear refusal to start. */
function oidcConfig(env: Env): OidcConfig | null {
  if (!env.SOPU_OIDC_ISSUER) return null;
  const clientSecret = env.SOPU_OIDC_CLIENT_SECRET_FILE
    ? readFileSync(env.SOPU_OIDC_CLIENT_SECRET_FILE, 'utf8').trim()
    : env.SOPU_OIDC_CLIENT_SECRET;
  if (!env.SOPU_OIDC_CLIENT_ID || !clientSecret)
    throw new Error('SOPU_OIDC_ISSUER needs SOPU_OIDC_CLIENT_ID and SOPU_OIDC_CLIENT_SECRET (or _FILE)');
  const groups = oidcGroups(env.SOPU_OIDC_GROUPS ?? '');
  if (!Object.keys(groups).length)
    throw new Error('SOPU_OIDC_ISSUER needs SOPU_OIDC_GROUPS: which groups give which role and counties');
  return {
    issuer: env.SOPU_OIDC_ISSUER,
    clientId: env.SOPU_OIDC_CLIENT_ID,
    clientSecret,
    name: env.SOPU_OIDC_NAME ?? new URL(env.SOPU_OIDC_ISSUER).host,
    groupsClaim: env.SOPU_OIDC_GROUPS_CLAIM ?? 'groups',
    groups,
  };
}

/** THL's indicator bank: Sotkanet's REST API unless SOPU_THL_URL names another (a mirror, a test server) or is
 * `off`. */
function thlUrl(raw: string | undefined): string | null {
  const value = raw?.trim() || 'https://sotkanet.fi/rest/1.1';
  if (value === 'off') return null;
  if (!/^https?:\/\/[^\s]+$/.test(value))
    throw new Error(`SOPU_THL_URL must be an http(s) address or off, got '${raw}'`);
  return value;
}

/** Who is told of a scheduled negotiation that cannot start when the directory names no secretariat. */
function operatorEmail(raw: string | undefined): string | null {
  const value = raw?.trim().toLowerCase();
  if (!value) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw new Error(`SOPU_OPERATOR_EMAIL must be an email address, got '${raw}'`);
  return value;
}

function trustProxy(raw: string | undefined): boolean | string {
  if (!raw || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

/** SOPU_AUDIT_KEY (PEM) or SOPU_AUDIT_KEY_FILE; with `PREVIOUS`, the outgoing key of a rotation. */
function auditKey(env: Env, which: '' | 'PREVIOUS_' = ''): string | null {
  const inline = env[`SOPU_AUDIT_${which}KEY`];
  const file = env[`SOPU_AUDIT_${which}KEY_FILE`];
  if (inline) return inline.replace(/\\n/g, '\n');
  if (file) return readFileSync(file, 'utf8');
  return null;
}

/** SOPU_LINK_KEYS: `id:secret` pairs separated by commas, newest first; none when unset. */
function linkKeys(env: Env): { id: string; secret: string }[] {
  if (!env.SOPU_LINK_KEYS) return [];
  return env.SOPU_LINK_KEYS.split(',').map((pair) => {
    const [id, secret] = pair.split(':').map((part) => part.trim());
    if (!id || !secret || secret.length < 32)
      throw new Error(
        `SOPU_LINK_KEYS: '${id ?? pair}' needs the form id:secret with a secret of at least 32 characters`,
      );
    return { id, secret };
  });
}

export const DEFAULT_DATA_DIR = path.join(PACKAGE_ROOT, '.data');

export function readConfig(env: Env = process.env): SopuConfig {
  // Accounts live in PostgreSQL now; a deployment that still names them here would believe it controls who signs in.
  if (env.SOPU_USERS)
    throw new Error(
      'SOPU_USERS is no longer read: staff accounts are kept in PostgreSQL. Add each with `npx sopu user add <email> --role secretariat|auditor [--county 08]` (or sign in through SOPU_OIDC_ISSUER), then unset SOPU_USERS',
    );
  const dataDir = path.resolve(env.SOPU_DATA_DIR ?? DEFAULT_DATA_DIR);
  const external = Boolean(env.TEMPORAL_ADDRESS) || Boolean(env.TEMPORAL_PROFILE) || Boolean(env.TEMPORAL_CONFIG_FILE);
  const devServer: DevServerConfig | null = external
    ? null
    : {
        port: port(env, 'SOPU_DEV_TEMPORAL_PORT', 7233),
        uiPort: port(env, 'SOPU_DEV_TEMPORAL_UI_PORT', 8233),
        dbFile: env.SOPU_DEV_TEMPORAL_DB ?? path.join(dataDir, 'temporal.sqlite'),
      };
  const clock = { speed: 1 };
  if (env.SOPU_CLOCK_DAY_SECONDS) {
    const daySeconds = Number(env.SOPU_CLOCK_DAY_SECONDS);
    if (!(daySeconds > 0))
      throw new Error(
        `SOPU_CLOCK_DAY_SECONDS must be a positive number of seconds, got '${env.SOPU_CLOCK_DAY_SECONDS}'`,
      );
    // An accelerated clock would turn statutory deadlines into seconds: never where real people are asked.
    if (env.SOPU_ENV === 'production')
      throw new Error('SOPU_CLOCK_DAY_SECONDS is for tests and demos; it is refused when SOPU_ENV=production');
    clock.speed = 86_400 / daySeconds;
  }
  const connect = loadClientConnectConfig({ overrideEnvVars: env as Record<string, string> });
  if (devServer) connect.connectionOptions.address = `127.0.0.1:${devServer.port}`;
  return Object.freeze({
    temporal: {
      connect,
      namespace: connect.namespace ?? 'default',
      taskQueue: env.SOPU_TASK_QUEUE || TASK_QUEUE,
      devServer,
    },
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: positive(env, 'SOPU_DB_POOL_SIZE', 10),
    workerHealthPort: env.SOPU_WORKER_HEALTH_PORT ? port(env, 'SOPU_WORKER_HEALTH_PORT', 0) : null,
    answerWaitMs: positive(env, 'SOPU_ANSWER_WAIT_SECONDS', 20) * 1000,
    dataDir,
    skipMigrations: ['1', 'true'].includes(env.SOPU_SKIP_MIGRATIONS ?? ''),
    smtp: {
      url: env.SMTP_URL ?? null,
      from: env.SMTP_FROM ?? 'Sopu <sopu@localhost>',
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
    },
    linkKeys: linkKeys(env),
    auditKeyPem: auditKey(env),
    auditPreviousKeyPem: auditKey(env, 'PREVIOUS_'),
    web: {
      port: port(env, 'SOPU_WEB_PORT', 3000),
      sessionSecret: secret(env, 'SOPU_SESSION_SECRET'),
      linkGraceDays: Number(env.SOPU_LINK_GRACE_DAYS ?? 14),
      trustProxy: trustProxy(env.SOPU_TRUST_PROXY),
      accessibilityContact: env.SOPU_ACCESSIBILITY_CONTACT?.trim() || operatorEmail(env.SOPU_OPERATOR_EMAIL),
      oidc: oidcConfig(env),
    },
    devMailCatcher: {
      port: port(env, 'SOPU_DEV_SMTP_PORT', 2525),
      dir: env.SOPU_DEV_MAIL_DIR ?? path.join(dataDir, 'mail'),
    },
    publicUrl: env.SOPU_PUBLIC_URL ?? 'http://localhost:3000',
    operatorEmail: operatorEmail(env.SOPU_OPERATOR_EMAIL),
    thlUrl: thlUrl(env.SOPU_THL_URL),
    clock,
  });
}

/** Where `npm start` notes the address of the PostgreSQL it runs, for commands started beside it. */
export const embeddedDatabaseUrlFile = (config: Pick<SopuConfig, 'dataDir'>): string =>
  path.join(config.dataDir, 'postgres.url');

/** DATABASE_URL, or the database of the `npm start` running in this checkout; says what to do when neither is. */
export function databaseUrlOf(config: Pick<SopuConfig, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl) return config.databaseUrl;
  const file = embeddedDatabaseUrlFile(config);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error(
    `DATABASE_URL is not set and no \`npm start\` is running PostgreSQL here (${file} is missing): set DATABASE_URL, or start \`npm start\` first`,
  );
}

// What a deployment is configured with, as plain data: read once from the environment by worker/config.ts, then
// handed to every room as a value.
import type { StaffRole } from './contracts';
import type { ClientConnectConfig } from '@temporalio/envconfig';

export interface DevServerConfig {
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts of `npm start`. */
  dbFile: string;
}

export interface SopuConfig {
  temporal: {
    connect: ClientConnectConfig;
    namespace: string;
    /** SOPU_TASK_QUEUE; every worker and client of one deployment uses the same. */
    taskQueue: string;
    /** Set when no TEMPORAL_ADDRESS was given: `npm start` then runs a local dev server itself. */
    devServer: DevServerConfig | null;
  };
  /** DATABASE_URL; null when unset: `npm start` then runs an embedded PostgreSQL in `dataDir`/postgres. */
  databaseUrl: string | null;
  /** How long a person waits for Temporal's answer before "not confirmed yet" (SOPU_ANSWER_WAIT_SECONDS). */
  answerWaitMs: number;
  /** Connections each process keeps open to PostgreSQL (SOPU_DB_POOL_SIZE). */
  databasePoolSize: number;
  /** SOPU_WORKER_HEALTH_PORT: where the worker answers /healthz and /readyz (loopback); none when unset. */
  workerHealthPort: number | null;
  /** Local state of a developer machine: the embedded PostgreSQL, the dev server's SQLite, caught mail, keys. */
  dataDir: string;
  /** Set where the worker runs as the application role (`sopu_app`), which cannot change the schema: the owner
   * runs `npm run db:migrate` instead. */
  skipMigrations: boolean;
  smtp: {
    /** Null in development without SMTP_URL: `npm start` then runs a local mail catcher instead. */
    url: string | null;
    from: string;
    user?: string;
    password?: string;
  };
  /** Keys that sign task links (SOPU_LINK_KEYS); the first signs, all verify (rotation). Empty when unset:
   * `npm start` makes local ones, every other process refuses to start (worker/secrets.ts). */
  linkKeys: { id: string; secret: string }[];
  /** Ed25519 private key (PEM) that signs ledger checkpoints; null when unset: `npm start` makes a local one. */
  auditKeyPem: string | null;
  /** SOPU_AUDIT_PREVIOUS_KEY(_FILE): during a key rotation, the outgoing key, which signs each running cycle's
   * hand-over to the new one. */
  auditPreviousKeyPem: string | null;
  web: {
    port: number;
    /** Signs session cookies and CSRF secrets (SOPU_SESSION_SECRET); `npm start` makes a local one. */
    sessionSecret: string | null;
    /** SOPU_TRUST_PROXY: `true` (any proxy), or the proxies' addresses or CIDR ranges, comma-separated; false when
     * unset. */
    trustProxy: boolean | string;
    /** Days a task link keeps working after its task closed (to read the receipt and answers). */
    linkGraceDays: number;
    /** Where people report an accessibility problem (SOPU_ACCESSIBILITY_CONTACT, an email address or a web
     * address), named in the accessibility statement; the operator's address when unset. */
    accessibilityContact: string | null;
    /** Staff sign-in through the organisation's OpenID Connect provider (SOPU_OIDC_*); null: local accounts only. */
    oidc?: OidcConfig | null;
  };
  devMailCatcher: { port: number; dir: string };
  /** Base of the links that participants receive by email. */
  publicUrl: string;
  /** Told when a scheduled negotiation cannot start and the directory names no secretariat to tell. */
  operatorEmail: string | null;
  /** THL's indicator bank, Sotkanet's REST API 1.1 (SOPU_THL_URL); null: THL's figures switched off. */
  thlUrl: string | null;
  /** Nominal seconds per real second for deadline planning: 1, unless SOPU_CLOCK_DAY_SECONDS accelerates it. */
  clock: { speed: number };
}

/** An OpenID Connect provider for staff sign-in (Microsoft Entra ID or any other), and what its groups give. */
export interface OidcConfig {
  /** SOPU_OIDC_ISSUER, e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The name the sign-in page gives the provider (SOPU_OIDC_NAME). */
  name: string;
  /** The ID token claim that lists the person's groups or roles (SOPU_OIDC_GROUPS_CLAIM, default `groups`). */
  groupsClaim: string;
  /** SOPU_OIDC_GROUPS: a group (its id or name as the claim carries it) → the role and counties it gives (null:
   * every county). A person in none of them is refused. */
  groups: Record<string, { role: StaffRole; counties: string[] | null }>;
}

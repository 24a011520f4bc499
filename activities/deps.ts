import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { AuditSigner } from '../db/ledger';
import type { Database } from '../db/schema';
import type { CycleClock } from '../core/domain/clock';
import type { Mailer } from './mail/mailer';
import type { LinkKey } from '../core/domain/task-links';
import type { SotkanetClient } from './thl/sotkanet-client';

/** What the worker builds once and hands to every activity. */
export interface ActivityDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  /** Base URL of the links in task emails, and the keys that sign them (the first signs). */
  publicUrl: string;
  linkKeys: LinkKey[];
  /** Speed 1 in production; faster in tests and demos (SOPU_CLOCK_DAY_SECONDS). */
  clock: CycleClock;
  /** Signs the ledger's checkpoints (SOPU_AUDIT_KEY); null signs none. */
  auditSigner: AuditSigner | null;
  /** Told when a scheduled negotiation cannot start and no secretariat is known (SOPU_OPERATOR_EMAIL). */
  operatorEmail?: string | null;
  /** For archiving histories; null where no archiving is wanted (unit tests). */
  temporal: Client | null;
  /** THL's indicator bank (SOPU_THL_URL); null where THL's figures are switched off. */
  thl?: SotkanetClient | null;
}

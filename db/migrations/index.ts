// Every migration, by name. Kysely runs them in name order; the date (and, from the second on, time) prefix
// keeps that the order of writing: YYYY-MM-DDTHHMM-what.
// A static list (rather than reading the folder) works the same under tsx, vitest and a bundler.
import type { Migration } from 'kysely';
import * as initial from './2026-11-25-initial';
import * as cycleEngine from './2026-11-25T2020-cycle-engine';
import * as emailKind from './2026-11-25T2045-email-kind';
import * as auditLedger from './2026-11-25T2110-audit-ledger';
import * as referenceAndDirectory from './2026-11-25T2130-reference-and-directory';
import * as webSessions from './2026-11-27T1100-web-sessions';
import * as insertOnlyRecords from './2026-11-27T1400-insert-only-records';
import * as workflowBundles from './2026-11-27T1430-workflow-bundles';
import * as areasAndGoals from './2026-11-27T1500-areas-and-goals';
import * as answerDrafts from './2026-11-27T1530-answer-drafts';
import * as goalFollowUps from './2026-11-27T1600-goal-follow-ups';
import * as storedFiles from './2026-11-27T1700-stored-files';
import * as agreementsAndRecords from './2026-11-27T1730-agreements-and-records';
import * as negotiationKinds from './2026-11-27T1930-negotiation-kinds';
import * as requestIdsPerTask from './2026-12-06T0900-request-ids-per-task';
import * as scheduleRunProblems from './2026-12-06T1100-schedule-run-problems';
import * as directoryHistory from './2026-12-06T1300-directory-history';
import * as staffAccounts from './2026-12-06T1500-staff-accounts';
import * as pendingRequests from './2026-12-06T1600-pending-requests';
import * as treeHeads from './2026-12-06T1700-tree-heads';
import * as thlFigures from './2026-12-06T2200-thl-figures';

export const migrations: Record<string, Migration> = {
  '2026-11-25-initial': initial,
  '2026-11-25T2020-cycle-engine': cycleEngine,
  '2026-11-25T2045-email-kind': emailKind,
  '2026-11-25T2110-audit-ledger': auditLedger,
  '2026-11-25T2130-reference-and-directory': referenceAndDirectory,
  '2026-11-27T1100-web-sessions': webSessions,
  '2026-11-27T1400-insert-only-records': insertOnlyRecords,
  '2026-11-27T1430-workflow-bundles': workflowBundles,
  '2026-11-27T1500-areas-and-goals': areasAndGoals,
  '2026-11-27T1530-answer-drafts': answerDrafts,
  '2026-11-27T1600-goal-follow-ups': goalFollowUps,
  '2026-11-27T1700-stored-files': storedFiles,
  '2026-11-27T1730-agreements-and-records': agreementsAndRecords,
  '2026-11-27T1930-negotiation-kinds': negotiationKinds,
  '2026-12-06T0900-request-ids-per-task': requestIdsPerTask,
  '2026-12-06T1100-schedule-run-problems': scheduleRunProblems,
  '2026-12-06T1300-directory-history': directoryHistory,
  '2026-12-06T1500-staff-accounts': staffAccounts,
  '2026-12-06T1600-pending-requests': pendingRequests,
  '2026-12-06T1700-tree-heads': treeHeads,
  '2026-12-06T2200-thl-figures': thlFigures,
};

#!/usr/bin/env node
// The `sopu` command (`npx sopu <command>`; compiled to dist/ at install, so it starts without a TypeScript
// compiler): the command line of client/cli/, given this deployment's configuration and workflow bundle.
import { readFileSync } from 'node:fs';
import { runSopu } from '../client/cli/program';
import type { SopuConfig } from '../core/config';
import { databaseUrlOf, readConfig } from './config';
import { withLocalAuditKey } from './secrets';

// `npm run sopu -- …` runs in the package root; paths on the command line mean the directory it was typed in.
if (process.env.npm_lifecycle_event === 'sopu' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

let config: SopuConfig | undefined;
const configured = () => (config ??= withLocalAuditKey(readConfig()));

runSopu({
  config: configured,
  databaseUrl: () => databaseUrlOf(configured()),
  // Loaded only by the command that replays histories: the bundler would slow every other command.
  workflowBundleCode: async () => {
    const { prebuiltWorkflowBundle } = await import('./workflow-bundle.js');
    return readFileSync((await prebuiltWorkflowBundle()).codePath, 'utf8');
  },
});

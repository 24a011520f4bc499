// Every migration, by name. Kysely runs them in name order; the date prefix keeps that the order of writing.
// A static list (rather than reading the folder) works the same under tsx, vitest and a bundler.
import type { Migration } from 'kysely';
import * as initial from './2026-11-25-initial';

export const migrations: Record<string, Migration> = {
  '2026-11-25-initial': initial,
};

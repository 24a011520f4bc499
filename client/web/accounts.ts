// Staff passwords as scrypt hashes (`scrypt$<salt>$<hash>`), for the local accounts kept in PostgreSQL
// (db/staff-accounts.ts; `npx sopu user add`).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

import type { StaffRole } from '../../core/contracts';

export type WebRole = StaffRole;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
}

export function verifyPassword(hash: string, password: string): boolean {
  const [scheme, salt, expected] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), 32);
  const wanted = Buffer.from(expected, 'base64url');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

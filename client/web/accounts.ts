// Secretariat and auditor accounts come from configuration (SOPU_USERS), each with an scrypt hash of its password:
// `email:role:scrypt$<salt>$<hash>`. `npx sopu user hash` makes the hash.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export type WebRole = 'secretariat' | 'auditor';

export interface Account {
  email: string;
  role: WebRole;
  hash: string;
}

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

export function parseAccounts(spec: string): Account[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [email, role, ...hash] = entry.split(':');
      if (!email || (role !== 'secretariat' && role !== 'auditor') || !hash.length) {
        throw new Error(
          `SOPU_USERS: '${entry.slice(0, 40)}' needs the form email:secretariat|auditor:scrypt$salt$hash`,
        );
      }
      return { email: email.toLowerCase(), role, hash: hash.join(':') };
    });
}

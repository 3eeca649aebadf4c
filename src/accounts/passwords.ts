import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which erasable TypeScript cannot import). */
const ARGON2ID = 2;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal it. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword('decoy-password-for-timing');
  return decoy;
};

const COMMON = new Set(
  [
    'password',
    'password1',
    'password123',
    'motdepasse',
    'azerty',
    'azertyuiop',
    'qwerty',
    'qwertyuiop',
    '123456789',
    '1234567890',
    '0123456789',
    '1111111111',
    'iloveyou',
    'maroc2020',
    'maroc2024',
    'maroc2025',
    'maroc2026',
    'morocco123',
    'casablanca',
    'marrakech',
    'bienvenue',
    'welcome123',
    'admin12345',
    'taamir2026',
    'abc1234567',
    'soleil1234',
    'ramadan123',
    'mohammed123',
  ].map((p) => p.toLowerCase()),
);

/** Length first (NIST 800-63B), plus the cheap checks that catch the worst choices. */
export function isWeakPassword(password: string, email: string): boolean {
  if (password.length < 10) return true;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return true;
  if (new Set(password).size < 5) return true;
  const hasLetter = /\p{L}/u.test(password);
  const hasOther = /[^\p{L}]/u.test(password);
  return !(hasLetter && hasOther) && password.length < 16;
}

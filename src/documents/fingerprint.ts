import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of the exact bytes, lowercase hex (64 chars). Use it on the final signed PDF. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * 32 symbols, so each one carries exactly 5 bits and `byte & 31` is unbiased.
 * Left out: 0/O and 1/I, the pairs people confuse when they read a code off paper.
 */
export const VERIFICATION_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_PATTERN = new RegExp(
  `^[${VERIFICATION_CODE_ALPHABET}]{${GROUP_LENGTH}}(-[${VERIFICATION_CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS - 1}}$`,
);

/**
 * A random verification code such as `K7QF-2MZD-9XWA`: 12 symbols, 60 bits from the system CSPRNG.
 * Guessing one valid code among a million issued documents takes ~2^40 tries on average, which a
 * rate-limited public page never allows.
 */
export const generateVerificationCode = (random: (size: number) => Uint8Array = randomBytes): string => {
  const bytes = random(GROUPS * GROUP_LENGTH);
  let symbols = '';
  for (const byte of bytes) symbols += VERIFICATION_CODE_ALPHABET[byte & 31];
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return groups.join('-');
};

/**
 * What a citizen types (any case, spaces or dashes anywhere) → the canonical `XXXX-XXXX-XXXX`,
 * or `null` when it cannot be a code.
 */
export const normalizeVerificationCode = (input: string): string | null => {
  const compact = input
    // Arabic-Indic (٠-٩) and Persian (۰-۹) digits, full-width forms: what phones may type.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(compact.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  const code = groups.join('-');
  return CODE_PATTERN.test(code) ? code : null;
};

export const isVerificationCode = (value: string): boolean => CODE_PATTERN.test(value);

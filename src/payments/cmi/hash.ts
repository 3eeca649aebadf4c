// CMI hosted payment (3D_PAY_HOSTING), hash version 3: the same function signs the form the shop sends
// and checks the callback the bank sends back.
//
//   1. take every posted field but `HASH` and `encoding` (names compared case-insensitively);
//   2. sort the field names case-insensitively (digit runs in natural order, as PHP's natcasesort);
//   3. escape each value: `\` → `\\`, then `|` → `\|`;
//   4. join the escaped values with `|`, then append `|` and the escaped store key;
//   5. SHA-512 of the UTF-8 bytes, base64 of the raw digest.
import { createHash, timingSafeEqual } from 'node:crypto';

const SKIPPED = new Set(['hash', 'encoding']);

export const escapeHashValue = (value: string): string =>
  value.replaceAll('\\', '\\\\').replaceAll('|', '\\|');

const isDigit = (code: number) => code >= 48 && code <= 57;

/** PHP's strnatcasecmp, simplified: lower case, byte order, digit runs compared as numbers. */
export function naturalCaseCompare(left: string, right: string): number {
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const na = BigInt(a.slice(i, ei));
      const nb = BigInt(b.slice(j, ej));
      if (na !== nb) return na < nb ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb ? -1 : 1;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/** Field names in the order the hash uses: case-insensitive, natural order for digit runs. */
export const hashOrder = (names: readonly string[]): string[] =>
  [...names].sort((a, b) => naturalCaseCompare(a, b) || (a < b ? -1 : a > b ? 1 : 0));

/** The plain text that is hashed (exposed for tests and for debugging integrations). */
export function hashPlaintext(fields: Readonly<Record<string, string>>, storeKey: string): string {
  const names = hashOrder(Object.keys(fields).filter((name) => !SKIPPED.has(name.toLowerCase())));
  const values = names.map((name) => escapeHashValue(fields[name] ?? ''));
  return [...values, escapeHashValue(storeKey)].join('|');
}

export function cmiHash(fields: Readonly<Record<string, string>>, storeKey: string): string {
  return createHash('sha512').update(hashPlaintext(fields, storeKey), 'utf8').digest('base64');
}

/** Constant-time check of the `HASH` field (any case of the name) against the fields and store key. */
export function verifyCmiHash(fields: Readonly<Record<string, string>>, storeKey: string): boolean {
  const name = Object.keys(fields).find((n) => n.toLowerCase() === 'hash');
  const given = name ? fields[name] : undefined;
  if (!given) return false;
  const expected = Buffer.from(cmiHash(fields, storeKey), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

import { describe, expect, it } from 'vitest';
import {
  generateVerificationCode,
  isVerificationCode,
  normalizeVerificationCode,
  sha256Hex,
  VERIFICATION_CODE_ALPHABET,
} from './fingerprint.ts';

describe('sha256Hex', () => {
  it('hashes the exact bytes (FIPS 180-2 test vector)', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('verification codes', () => {
  it('has 32 unambiguous symbols: no 0/O, no 1/I', () => {
    expect(VERIFICATION_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(VERIFICATION_CODE_ALPHABET).size).toBe(32);
    for (const confusing of ['0', 'O', '1', 'I']) expect(VERIFICATION_CODE_ALPHABET).not.toContain(confusing);
  });

  it('formats 12 symbols as XXXX-XXXX-XXXX', () => {
    const code = generateVerificationCode();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(isVerificationCode(code)).toBe(true);
  });

  it('maps each random byte to a symbol without bias (byte & 31)', () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 32 + (i % 32));
    expect(generateVerificationCode(() => bytes)).toBe('2345-6789-ABCD');
  });

  it('does not repeat over many draws', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generateVerificationCode()));
    expect(codes.size).toBe(5000);
  });

  it('normalises what people type', () => {
    expect(normalizeVerificationCode(' k7qf 2mzd-9xwa ')).toBe('K7QF-2MZD-9XWA');
    expect(normalizeVerificationCode('K7QF2MZD9XWA')).toBe('K7QF-2MZD-9XWA');
    expect(normalizeVerificationCode('K7QF-2MZD-9XW')).toBeNull();
    expect(normalizeVerificationCode('K7QF-2MZD-9XW0')).toBeNull();
    expect(normalizeVerificationCode('<script>')).toBeNull();
    // Digits typed on an Arabic keyboard, full-width letters, typographic dashes.
    expect(normalizeVerificationCode('K٧QF-٢MZD-٩XWA')).toBe('K7QF-2MZD-9XWA');
    expect(normalizeVerificationCode('K۷QF ۲MZD ۹XWA')).toBe('K7QF-2MZD-9XWA');
    expect(normalizeVerificationCode('ｋ７ｑｆ–２ｍｚｄ–９ｘｗａ')).toBe('K7QF-2MZD-9XWA');
    expect(normalizeVerificationCode('')).toBeNull();
  });
});

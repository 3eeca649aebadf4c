import { describe, expect, it } from 'vitest';
import { qrPng, verificationUrl } from './qr.ts';
import { zbarPng } from './test-tools.ts';

describe('verificationUrl', () => {
  it('joins the public URL and the code', () => {
    expect(verificationUrl('https://taamir.example.ma', 'K7QF-2MZD-9XWA')).toBe(
      'https://taamir.example.ma/verify/K7QF-2MZD-9XWA',
    );
    expect(verificationUrl('https://example.ma/portail/', 'K7QF-2MZD-9XWA')).toBe(
      'https://example.ma/portail/verify/K7QF-2MZD-9XWA',
    );
  });

  it('refuses a malformed code or a non-http URL', () => {
    expect(() => verificationUrl('https://taamir.example.ma', 'K7QF-2MZD-9XW0')).toThrow(
      /documents.invalid_input/,
    );
    expect(() => verificationUrl('javascript:alert(1)', 'K7QF-2MZD-9XWA')).toThrow(/documents.invalid_input/);
  });
});

describe('qrPng', () => {
  it('encodes the URL in a PNG that zbar decodes', async () => {
    const url = 'https://taamir.example.ma/verify/K7QF-2MZD-9XWA';
    const png = await qrPng(url);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(zbarPng(png)).toEqual([url]);
  });
});

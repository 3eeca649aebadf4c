import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg, verificationUrl } from './qr.ts';

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

describe('qrSvg', () => {
  // That the printed symbol scans is checked on rendered PDFs (issue-specimen.test.ts: pdftoppm at
  // 150 dpi, then zbarimg); here, that the drawing is exactly the symbol, quiet zone included.
  it('draws exactly the dark modules of the symbol, inside a 4-module white quiet zone', () => {
    const url = 'https://taamir.example.ma/verify/K7QF-2MZD-9XWA';
    const svg = qrSvg(url).toString();
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const side = modules.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg).toContain(`<rect width="${side}" height="${side}" fill="#fff"/>`);
    const dark = new Set<string>();
    for (const [, x, y, len] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
      for (let i = 0; i < Number(len); i++) dark.add(`${Number(y) - 4},${Number(x) - 4 + i}`);
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    expect(dark).toEqual(expected);
  });
});

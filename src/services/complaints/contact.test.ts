import { describe, expect, it } from 'vitest';
import { hintOf, maskPersonalData, normalizeEmail, normalizePhone } from './contact.ts';

describe('normalizePhone', () => {
  it.each([
    ['06 12 34 56 78', '+212612345678'],
    ['0612-345-678', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['212712345678', '+212712345678'],
    ['05.37.00.03.01', '+212537000301'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('reads %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12', 'call me', '+212 1234', '0412345678', '<script>alert(1)</script>', '+0123456789'])(
    'refuses %s',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Amina.Alaoui@Example.MA ')).toBe('amina.alaoui@example.ma');
  });
  it('refuses what is not an address', () => {
    expect(normalizeEmail('amina@')).toBeNull();
    expect(normalizeEmail('a b@c.ma')).toBeNull();
  });
});

describe('hintOf', () => {
  it('shows only enough to recognise the destination', () => {
    expect(hintOf('email', 'amina@example.ma')).toBe('a•••@example.ma');
    expect(hintOf('sms', '+212612345678')).toBe('••• 678');
  });
});

describe('maskPersonalData', () => {
  it('masks e-mail addresses, phone numbers and national ID numbers', () => {
    const text =
      'Mon voisin (tél. 06 12 34 56 78, ahmed@example.ma, CIN AB123456) construit un 3e étage sans autorisation.';
    expect(maskPersonalData(text)).toBe(
      'Mon voisin (tél. •••, •••, CIN •••) construit un 3e étage sans autorisation.',
    );
  });

  it('keeps dates, reference numbers, small numbers and Arabic text', () => {
    const text = 'ملف AUST-RECL-2026-000123 بتاريخ 2026-03-16، الطابق 3، القطعة 45';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks international numbers', () => {
    expect(maskPersonalData('Appelez le +33 6 12 34 56 78.')).toBe('Appelez le •••.');
  });
});

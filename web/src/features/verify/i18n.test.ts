// The catalogues of the verification, payment and e-document pages say the same things in every
// language: same keys in ar, fr and en, no empty text, Arabic script in Arabic.
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../lib/i18n.ts';
import eDocument from '../e-document/i18n.ts';
import payments from '../payments/i18n.ts';
import verify from './i18n.ts';

const leaves = (node: Catalogue, prefix = ''): [string, unknown][] =>
  Object.entries(node).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? leaves(value as Catalogue, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );

describe.each([
  ['verify', verify],
  ['payments', payments],
  ['eDocument', eDocument],
])('the %s catalogue', (_name, catalogue) => {
  it('has the same keys in ar, fr and en, none empty', () => {
    const keys = (locale: 'ar' | 'fr' | 'en') =>
      leaves(catalogue[locale])
        .map(([k]) => k)
        .sort();
    expect(keys('ar')).toEqual(keys('fr'));
    expect(keys('en')).toEqual(keys('fr'));
    for (const locale of ['ar', 'fr', 'en'] as const)
      for (const [key, value] of leaves(catalogue[locale]))
        expect(String(value).trim(), `${locale}:${key}`).not.toBe('');
  });

  it('writes Arabic in Arabic script', () => {
    const arabic = leaves(catalogue.ar).filter(([, v]) => /[\u0600-\u06FF]/.test(String(v)));
    expect(arabic.length / leaves(catalogue.ar).length).toBeGreaterThan(0.9);
  });
});

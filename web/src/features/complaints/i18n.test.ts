// The complaint pages speak Arabic, French and English: every key exists in the three languages, and
// every key the pages ask for exists (plural forms may differ: Arabic has six).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import catalogue from './i18n.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix.replace(PLURAL, '')];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

const DIR = path.dirname(fileURLToPath(import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && name !== 'i18n.ts' ? [full] : [];
  });
}

describe('the complaints catalogue', () => {
  const sets = Object.fromEntries(
    (['ar', 'fr', 'en'] as const).map((l) => [l, new Set(keys(catalogue[l]))]),
  ) as Record<'ar' | 'fr' | 'en', Set<string>>;

  it('has the same keys in Arabic, French and English', () => {
    expect([...sets.ar].filter((k) => !sets.fr.has(k))).toEqual([]);
    expect([...sets.fr].filter((k) => !sets.ar.has(k))).toEqual([]);
    expect([...sets.fr].filter((k) => !sets.en.has(k))).toEqual([]);
    expect([...sets.en].filter((k) => !sets.fr.has(k))).toEqual([]);
  });

  it('has every key the pages use', () => {
    const used = new Set<string>();
    for (const file of sources(DIR)) {
      const text = readFileSync(file, 'utf8');
      // Keys written in full, including those chosen by a condition: t(x ? 'a.b' : 'c.d').
      for (const m of text.matchAll(/\bt\(\s*([^)]*?)[,)]/g)) {
        for (const k of m[1]!.matchAll(/'([a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)+|[a-z][a-zA-Z0-9]+)'/g))
          used.add(k[1]!);
      }
    }
    const common = [
      'errors.notFoundTitle',
      'errors.notFoundText',
      'nav.home',
      'nav.backOffice',
      'errors.generic',
    ];
    // Words compared in conditions (`channel === 'sms' ? … : …`), not keys.
    for (const word of ['sms', 'email']) used.delete(word);
    const missing = [...used].filter((k) => !sets.fr.has(k) && !common.includes(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(150);
  });
});

// Every problem code the code can raise is registered (status + titles in ar, fr, en), so no error
// ever reaches a client as an unexplained 500.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/app.ts';
import '../../src/cli/main.ts';
import { allProblems } from '../../src/platform/errors.ts';
import { LOCALES } from '../../src/platform/i18n/locale.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('problem codes', () => {
  const raised = new Set<string>();
  for (const file of sources(path.resolve('src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([a-z0-9_.]+)'/g)) raised.add(m[1]!);
  }

  it('are all registered', () => {
    const missing = [...raised].filter((code) => !allProblems().has(code));
    expect(missing).toEqual([]);
    expect(raised.size).toBeGreaterThan(10);
  });

  it('each have a title in every language and a 4xx/5xx status', () => {
    for (const [code, definition] of allProblems()) {
      expect(definition.status, code).toBeGreaterThanOrEqual(400);
      for (const locale of LOCALES) {
        expect(definition.title[locale], `${code} ${locale}`).toBeTruthy();
        if (definition.detail) expect(definition.detail[locale], `${code} detail ${locale}`).toBeTruthy();
      }
      expect(definition.title.ar, code).toMatch(/[\u0600-\u06FF]/);
    }
  });
});

// Integrity of the reference data files (src/reference/data/*.json): counts, codes, coverage and names.
import { describe, expect, it } from 'vitest';
import { PHONE_PATTERN, readReferenceData } from './reference-data.ts';

const data = readReferenceData();
const { regions, provinces, agencies, communes, bodies } = data;

const PHONE = new RegExp(PHONE_PATTERN);
const SERVICES = ['switchboard', 'e-note', 'permits', 'complaints', 'geoportal', 'payments'];
const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

const unique = (values: string[]) => new Set(values).size === values.length;

describe('regions', () => {
  it('are the 12 regions of decree 2-15-40, coded 01 to 12', () => {
    expect(regions.map((r) => r.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });
});

describe('provinces', () => {
  it('are 75, with unique three-digit codes, each in an existing region', () => {
    expect(provinces).toHaveLength(75);
    expect(unique(provinces.map((p) => p.code))).toBe(true);
    const regionCodes = new Set(regions.map((r) => r.code));
    for (const p of provinces) {
      expect(p.code).toMatch(/^\d{3}$/);
      expect(regionCodes.has(p.regionCode), `${p.code} region ${p.regionCode}`).toBe(true);
      expect(['prefecture', 'province']).toContain(p.kind);
    }
  });

  it('are shared among the regions as the decree sets them', () => {
    const counts = regions.map((r) => provinces.filter((p) => p.regionCode === r.code).length);
    expect(counts).toEqual([8, 8, 9, 7, 5, 9, 8, 5, 6, 4, 4, 2]);
  });
});

describe('agencies', () => {
  it('are 30, with unique codes, covering every province exactly once', () => {
    expect(agencies).toHaveLength(30);
    expect(unique(agencies.map((a) => a.code))).toBe(true);
    for (const a of agencies) expect(a.code).toMatch(/^[A-Z]{2,8}$/);
    const covered = agencies.flatMap((a) => a.provinces);
    expect(unique(covered)).toBe(true);
    expect([...covered].sort()).toEqual(provinces.map((p) => p.code).sort());
  });

  it('give the six service lines in order, each number matching the contact schema', () => {
    for (const a of agencies) {
      expect(
        a.contact.phones.map((p) => p.service),
        a.code,
      ).toEqual(SERVICES);
      for (const p of a.contact.phones) expect(p.number, `${a.code} ${p.service}`).toMatch(PHONE);
      expect(a.contact.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
      expect(a.contact.website).toMatch(/^https?:\/\//);
      for (const url of Object.values(a.contact.social)) expect(url).toMatch(/^https:\/\//);
    }
  });

  it('say which values are demo or unverified', () => {
    for (const a of agencies) {
      expect(Array.isArray(a.demo), a.code).toBe(true);
      expect(Array.isArray(a.unverified), a.code).toBe(true);
    }
  });
});

describe('communes', () => {
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const coveredProvinces = new Set(agencies.flatMap((a) => a.provinces));
  const byCode = new Map(communes.map((c) => [c.code, c]));

  it('have unique codes <province>.<group>.<sequence>, starting with their province', () => {
    expect(unique(communes.map((c) => c.code))).toBe(true);
    for (const c of communes) {
      expect(c.code).toMatch(/^\d{3}\.\d{2}\.\d{2}$/);
      expect(c.code.slice(0, 3), c.code).toBe(c.provinceCode);
    }
  });

  it('belong to an existing province covered by an agency', () => {
    for (const c of communes) {
      expect(provinceCodes.has(c.provinceCode), c.code).toBe(true);
      expect(coveredProvinces.has(c.provinceCode), c.code).toBe(true);
    }
  });

  it('put each arrondissement under an existing commune of the same province, and only arrondissements', () => {
    for (const c of communes) {
      if (c.kind === 'arrondissement') {
        const parent = byCode.get(c.parentCode ?? '');
        expect(parent, c.code).toBeDefined();
        expect(parent?.provinceCode, c.code).toBe(c.provinceCode);
        expect(parent?.kind, c.code).not.toBe('arrondissement');
      } else {
        expect(c.parentCode, c.code).toBeUndefined();
      }
    }
  });

  it('hold the communes the demo plans and tests name', () => {
    expect(byCode.get('501.01.07')).toMatchObject({ nameFr: 'Témara', nameAr: 'تمارة', kind: 'urban' });
    expect(byCode.get('501.01.01')?.kind).toMatch(/^(urban|rural)$/);
    expect(byCode.get('541.01.13')).toMatchObject({ nameFr: 'Taroudant', nameAr: 'تارودانت', kind: 'urban' });
    const casablanca = communes.find((c) => c.provinceCode === '141' && c.nameFr === 'Casablanca');
    const arrondissements = communes.filter((c) => c.parentCode === casablanca?.code);
    expect(arrondissements).toHaveLength(16);
    expect(arrondissements.map((c) => c.nameFr)).toEqual(
      expect.arrayContaining(['Hay Hassani', 'Aïn Chock']),
    );
    const autar = agencies.find((a) => a.code === 'AUTAR')!;
    expect(communes.filter((c) => autar.provinces.includes(c.provinceCode)).length).toBeGreaterThanOrEqual(
      89,
    );
  });
});

describe('bodies', () => {
  it('have unique codes matching the redirect pattern, and the ones procedures rely on', () => {
    expect(unique(bodies.map((b) => b.code))).toBe(true);
    for (const b of bodies) expect(b.code).toMatch(/^[A-Z][A-Z0-9-]{1,20}$/);
    expect(bodies.map((b) => b.code)).toEqual(expect.arrayContaining(['COMMUNE', 'PROVINCE', 'AGENCY']));
    const provinceCodes = new Set(provinces.map((p) => p.code));
    for (const b of bodies)
      for (const p of b.scopeProvinces ?? []) expect(provinceCodes.has(p), b.code).toBe(true);
  });
});

describe('names', () => {
  const named = [
    ...regions.map((r) => ({ what: `region ${r.code}`, ...r })),
    ...provinces.map((p) => ({ what: `province ${p.code}`, ...p })),
    ...agencies.map((a) => ({ what: `agency ${a.code}`, ...a })),
    ...communes.map((c) => ({ what: `commune ${c.code}`, ...c })),
    ...bodies.map((b) => ({ what: `body ${b.code}`, ...b })),
  ];

  it('are never empty', () => {
    for (const n of named) {
      expect(n.nameAr.trim(), n.what).not.toBe('');
      expect(n.nameFr.trim(), n.what).not.toBe('');
    }
    for (const b of bodies) expect(b.nameEn.trim(), b.code).not.toBe('');
  });

  it('are in Arabic script in Arabic, without Latin letters', () => {
    for (const n of named) {
      expect(n.nameAr, n.what).toMatch(ARABIC_LETTER);
      expect(n.nameAr, n.what).not.toMatch(LATIN_LETTER);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('GET /api/health', () => {
  it('answers ok with the database driver in use', async () => {
    const res = await ctx.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: ctx.database.kind, databaseReachable: true });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sends the security headers', async () => {
    const res = await ctx.client().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('GET /api/agencies', () => {
  it('lists the 30 urban agencies with names, provinces and contact sheets', async () => {
    const res = await ctx.client().get('/api/agencies');
    expect(res.statusCode).toBe(200);
    const agencies = res.json() as {
      code: string;
      nameAr: string;
      nameFr: string;
      provinces: { code: string }[];
      contact: { phones: unknown[]; hours: { ar: string } };
      demoFields: string[];
    }[];
    expect(agencies).toHaveLength(30);
    const aust = agencies.find((a) => a.code === 'AUST');
    expect(aust?.nameAr).toContain('صخيرات');
    expect(aust?.nameFr).toContain('Témara');
    expect(aust?.provinces.map((p) => p.code)).toEqual(['501']);
    expect(aust?.contact.phones.length).toBeGreaterThan(0);
    // Every province of the kingdom is covered by exactly one agency.
    const covered = agencies.flatMap((a) => a.provinces.map((p) => p.code));
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.length).toBe(75);
  });

  it('gives one agency and its communes', async () => {
    const client = ctx.client();
    const one = await client.get('/api/agencies/AUTAR');
    expect(one.statusCode).toBe(200);
    const communes = await client.get('/api/agencies/AUTAR/communes');
    expect(communes.statusCode).toBe(200);
    expect((communes.json() as unknown[]).length).toBeGreaterThanOrEqual(89);
  });

  it('answers an unknown agency with a localized problem', async () => {
    const fr = await ctx.client({ locale: 'fr' }).get('/api/agencies/ZZZ');
    expect(fr.statusCode).toBe(404);
    expect(fr.headers['content-type']).toContain('application/problem+json');
    expect(fr.json()).toMatchObject({
      code: 'reference.agency_not_found',
      title: 'Agence introuvable',
      status: 404,
    });
    const ar = await ctx.client().get('/api/agencies/ZZZ');
    expect(ar.json().title).toBe('الوكالة غير موجودة');
    const bad = await ctx.client({ locale: 'en' }).get('/api/agencies/not-a-code');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '/code', in: 'params', code: 'pattern' });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document listing the routes, and a docs page', async () => {
    const res = await ctx.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/agencies', '/api/auth/sign-up']),
    );
    const docs = await ctx.client().get('/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });
});

describe('GET /api/agencies caching', () => {
  it('answers 304 to a matching If-None-Match', async () => {
    const client = ctx.client();
    const first = await client.get('/api/agencies');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const second = await client.get('/api/agencies', { 'if-none-match': etag });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
  });
});

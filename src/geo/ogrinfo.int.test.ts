// GDAL reads our OGC API – Features: `ogrinfo OAPIF:http://…/ogc` lists the collections and reads
// features (Debian's gdal-bin, as in CI).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { loadDemoPlans } from './demo-plans.ts';

const run = promisify(execFile);
let ctx: TestContext;
let url: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoPlans(ctx.platform.db, new Date());
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  url = `OAPIF:http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/ogc`;
});
afterAll(async () => ctx?.close());

const ogrinfo = async (...args: string[]) =>
  (await run('ogrinfo', ['-ro', ...args], { timeout: 60_000 })).stdout;

describe('ogrinfo OAPIF', () => {
  it('lists the collections', async () => {
    const out = await ogrinfo(url);
    expect(out).toMatch(/1: zones \(title: Zones des plans d'aménagement\) \(Multi Polygon\)/);
    for (const layer of ['roads', 'servitudes', 'reservations']) expect(out).toContain(`: ${layer} (`);
  });

  it('counts and reads features, with a spatial filter', async () => {
    const summary = await ogrinfo('-so', url, 'zones');
    expect(summary).toContain('Feature Count: 1505');
    expect(summary).toMatch(/zoneCode: String/);
    const features = await ogrinfo(url, 'zones', '-spat', '-7.6695', '33.5619', '-7.6690', '33.5623');
    expect(features).toMatch(/zoneCode \(String\) = B6/);
    expect(features).toMatch(/planState \(String\) = in_force/);
    expect(features).toMatch(/MULTIPOLYGON \(\(\(-7\.66/);
    expect(features).toMatch(/labelAr \(String\) = منطقة/);
  });
});

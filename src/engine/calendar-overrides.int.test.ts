// An administrator records the official date of an Islamic holiday (moon sighting): the public
// calendar and the legal clocks follow at once; the act is audited and can be withdrawn.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { auditEvents } from '../platform/db/tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('calendar overrides', () => {
  it('moves Eid al-Fitr 2026 and the working-day arithmetic follows', async () => {
    const admin = await signedInStaff(ctx, 'TAAMIR', 'platform_admin');
    const before = (await ctx.client().get('/api/calendar/holidays/2026')).json() as {
      date: string;
      key: string;
    }[];
    expect(before.filter((h) => h.key === 'eid-al-fitr').map((h) => h.date)).toEqual([
      '2026-03-20',
      '2026-03-21',
    ]);

    const bad = await admin.client.post('/api/admin/calendar-overrides', {
      action: 'move',
      key: 'eid-al-fitr',
      year: 2026,
      date: '2026-09-01',
    });
    expect(bad.statusCode).toBe(422);

    const created = await admin.client.post('/api/admin/calendar-overrides', {
      action: 'move',
      key: 'eid-al-fitr',
      year: 2026,
      date: '2026-03-21',
      reason: 'Communiqué du ministère des Habous',
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = (await ctx.client().get('/api/calendar/holidays/2026')).json() as {
      date: string;
      key: string;
    }[];
    expect(after.filter((h) => h.key === 'eid-al-fitr').map((h) => h.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
    ]);
    const calendar = await ctx.engine.calendar.get();
    expect(calendar.isHoliday('2026-03-20')).toBe(false);

    const audit = await ctx.platform.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'calendar.override_added'));
    expect(audit).toHaveLength(1);

    expect((await admin.client.delete(`/api/admin/calendar-overrides/${created.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await ctx.engine.calendar.get()).isHoliday('2026-03-20')).toBe(true);
  });

  it('is reserved to platform administrators', async () => {
    const director = await signedInStaff(ctx, 'AUST', 'director');
    const res = await director.client.post('/api/admin/calendar-overrides', {
      action: 'add',
      key: 'exceptional-closure',
      year: 2026,
      date: '2026-04-10',
      name: { ar: 'عطلة', fr: 'Fermeture', en: 'Closure' },
    });
    expect(res.statusCode).toBe(403);
  });
});

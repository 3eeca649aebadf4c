import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';
import { auditEvents } from '../db/tables.ts';
import { appendAudit, verifyAudit } from './audit-log.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const system = { actor: { kind: 'system' as const, label: 'test' } };

describe('audit chain', () => {
  it('links events per chain and verifies them', async () => {
    const db = ctx.platform.db;
    for (let i = 0; i < 5; i++) {
      await db.transaction((tx) =>
        appendAudit(
          tx,
          { ...system, ip: '192.0.2.1', requestId: `req-${i}` },
          {
            action: 'test.event',
            objectType: 'thing',
            objectId: String(i),
            agencyId: null,
            summary: { before: { n: i }, after: { n: i + 1, label: 'تجربة' } },
          },
        ),
      );
    }
    const rows = await db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, 'platform'))
      .orderBy(asc(auditEvents.position));
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAudit(db.orm)).toMatchObject({ ok: true });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const db = ctx.platform.db;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) =>
          appendAudit(tx, system, { action: 'test.concurrent', objectType: 'thing', objectId: `c${i}` }),
        ),
      ),
    );
    expect(await verifyAudit(db.orm)).toMatchObject({ ok: true });
  });

  it('refuses updates and deletes (append-only)', async () => {
    const cause = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? (e as Error).message);
    const update = await ctx.platform.db.orm.execute(sql`update audit_events set action = 'x'`).catch(cause);
    expect(update).toMatch(/append-only/);
    const remove = await ctx.platform.db.orm.execute(sql`delete from audit_events`).catch(cause);
    expect(remove).toMatch(/append-only/);
  });

  it('reports the first broken link when a row is altered behind its back', async () => {
    const db = ctx.platform.db.orm;
    const [target] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, '2'));
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await db.execute(
      sql`update audit_events set summary = '{"after":{"n":999}}'::jsonb where id = ${target!.id}`,
    );
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      chain: 'platform',
      position: target!.position,
      reason: 'event content does not match its hash',
    });
  });
});

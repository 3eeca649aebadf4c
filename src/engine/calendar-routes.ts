// Calendar administration: the moon sighting moves Islamic holidays, so an administrator records the
// official date; legal clocks then count with it. Public: the holidays of a year.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq, isNull } from 'drizzle-orm';
import Type from 'typebox';
import { appendAudit } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { IdParams } from '../platform/http/schemas.ts';
import { createCalendar, validateOverrides } from './calendar/index.ts';
import { toOverride } from './calendar-provider.ts';
import type { Engine } from './engine.ts';
import { calendarOverrides } from './tables.ts';
import './problems.ts';

const ADMIN = { access: { kind: 'staff', permission: 'platform.manage' } } as const;
const Localized = Type.Object({
  ar: Type.String({ minLength: 1 }),
  fr: Type.String({ minLength: 1 }),
  en: Type.String({ minLength: 1 }),
});

export function calendarRoutes(engine: Engine): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/calendar/holidays/:year',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['calendar'],
          summary: 'Public holidays of a year (with overrides in force)',
          params: Type.Object({ year: Type.Integer({ minimum: 2006, maximum: 2100 }) }),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return (await engine.calendar.get()).holidaysOf(request.params.year);
      },
    );
    app.get(
      '/api/admin/calendar-overrides',
      { config: ADMIN, schema: { tags: ['calendar'], summary: 'Holiday overrides' } },
      async () =>
        (
          await engine.platform.db.orm
            .select()
            .from(calendarOverrides)
            .where(isNull(calendarOverrides.deletedAt))
            .orderBy(asc(calendarOverrides.year), asc(calendarOverrides.date))
        ).map((o) => ({
          ...o,
          createdAt: o.createdAt.toISOString(),
          deletedAt: null,
        })),
    );
    app.post(
      '/api/admin/calendar-overrides',
      {
        config: ADMIN,
        schema: {
          tags: ['calendar'],
          summary: 'Record an official holiday date (move, add or remove a day off)',
          body: Type.Object(
            {
              action: Type.Union([Type.Literal('move'), Type.Literal('remove'), Type.Literal('add')]),
              key: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
              year: Type.Integer({ minimum: 2006, maximum: 2100 }),
              date: Type.Optional(Type.String({ format: 'date' })),
              days: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
              name: Type.Optional(Localized),
              reason: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const body = request.body;
        const override = {
          action: body.action,
          key: body.key,
          year: body.year,
          ...(body.date ? { date: body.date } : {}),
          ...(body.name ? { name: body.name } : {}),
          ...(body.days ? { days: body.days } : {}),
        };
        validateOverrides([override as never]);
        const now = engine.platform.now();
        const created = await engine.platform.db.transaction(async (tx) => {
          const existing = await tx
            .select()
            .from(calendarOverrides)
            .where(isNull(calendarOverrides.deletedAt));
          // The whole set must still make a calendar (a move must find its holiday).
          createCalendar({ overrides: [...existing.map(toOverride), override as never] }).holidaysOf(
            body.year,
          );
          const [row] = await tx
            .insert(calendarOverrides)
            .values({
              action: body.action,
              holidayKey: body.key,
              year: body.year,
              date: body.date ?? null,
              days: body.days ?? null,
              name: body.name ?? null,
              reason: body.reason ?? null,
              createdBy: userOf(request).userId,
              createdAt: now,
            })
            .returning();
          await appendAudit(
            tx,
            auditOf(request),
            {
              action: 'calendar.override_added',
              objectType: 'calendar_override',
              objectId: row!.id,
              summary: override,
            },
            now,
          );
          return row!;
        });
        await engine.calendar.reload();
        return reply.code(201).send({ id: created.id });
      },
    );
    app.delete(
      '/api/admin/calendar-overrides/:id',
      { config: ADMIN, schema: { tags: ['calendar'], summary: 'Withdraw an override', params: IdParams } },
      async (request, reply) => {
        const now = engine.platform.now();
        await engine.platform.db.transaction(async (tx) => {
          const [row] = await tx
            .update(calendarOverrides)
            .set({ deletedAt: now })
            .where(and(eq(calendarOverrides.id, request.params.id), isNull(calendarOverrides.deletedAt)))
            .returning();
          if (!row) throw new AppError('calendar.override_not_found');
          await appendAudit(
            tx,
            auditOf(request),
            { action: 'calendar.override_removed', objectType: 'calendar_override', objectId: row.id },
            now,
          );
        });
        await engine.calendar.reload();
        return reply.code(204).send();
      },
    );
  };
}

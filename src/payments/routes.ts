// HTTP routes of payments: published tariffs and fee estimates, the payer's orders and checkout, the
// gateway's callback and browser returns, and the finance staff's orders, refunds, tariffs and
// daily reconciliation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { loadCase } from '../engine/case-access.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { Orm } from '../platform/db/database.ts';
import { agencies } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { Uuid } from '../platform/http/schemas.ts';
import { type AgencyScope, inScope, scopeIncludes } from '../platform/tenancy/actor.ts';
import { handleCallback, recordBrowserReturn } from './callback.ts';
import { orderForPayer, startCheckout } from './checkout.ts';
import { postedFields } from './cmi/gateway.ts';
import { currentTariff, ordersOfCase, ordersOfPayer } from './orders.ts';
import { reconciliation } from './reconciliation.ts';
import { refundOrder } from './refunds.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import type { PaymentService } from './service.ts';
import { paymentOrders, type TariffRow, tariffs } from './tables.ts';
import { computeFee, type Exemption, type TariffRule, tariffInputs, tariffProblems } from './tariff.ts';
import { agencyByCode, orderView, orderViews } from './views.ts';
import './problems.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
const USER = { access: { kind: 'user' } } as const;
const FINANCE = { access: { kind: 'staff', permission: 'finance.manage' } } as const;
/** Posted by the gateway (server to server) or by the payer's browser coming back from it. */
const GATEWAY = { ...PUBLIC, csrf: false } as const;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const AgencyCode = Type.String({ pattern: '^[A-Z]{2,8}$' });
const Service = Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' });
const Localized = Type.Object(
  {
    ar: Type.String({ minLength: 1, maxLength: 300 }),
    fr: Type.String({ minLength: 1, maxLength: 300 }),
    en: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);

const tariffView = (t: TariffRow, agencyCode: string | null) => ({
  id: t.id,
  agencyCode,
  service: t.service,
  version: t.version,
  label: t.label,
  rule: t.rule,
  exemptions: t.exemptions,
  legalBasis: t.legalBasis,
  validFrom: t.validFrom,
  inputs: tariffInputs(t.rule, t.exemptions),
});

/** The tariffs in force for an agency: its own, and the national defaults for the other services. */
async function tariffsFor(db: Orm, agencyId: string) {
  const rows = await db
    .select()
    .from(tariffs)
    .where(and(isNull(tariffs.supersededAt), or(eq(tariffs.agencyId, agencyId), isNull(tariffs.agencyId))))
    .orderBy(tariffs.service);
  const byService = new Map<string, TariffRow>();
  for (const row of rows) {
    const current = byService.get(row.service);
    if (!current || (current.agencyId === null && row.agencyId !== null)) byService.set(row.service, row);
  }
  return [...byService.values()];
}

/** The agency a staff request is about: named, or the only one in the caller's scope. */
async function staffAgency(db: Orm, scope: AgencyScope, code: string | undefined) {
  if (!code) {
    if (!scope.all && scope.agencyIds.length === 1) {
      const [row] = await db
        .select({ id: agencies.id, code: agencies.code })
        .from(agencies)
        .where(eq(agencies.id, scope.agencyIds[0]!));
      if (row) return row;
    }
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/agency', in: 'query', code: 'required' }],
    });
  }
  const agency = await agencyByCode(db, code);
  if (!agency || !scopeIncludes(scope, agency.id)) throw new AppError('payment.agency_not_found');
  return { id: agency.id, code: agency.code };
}

const callbackContext = (request: FastifyRequest) => ({
  actor: { kind: 'system' as const, label: 'cmi-callback' },
  ip: request.ip,
  requestId: request.id,
});

export function paymentRoutes(service: PaymentService): FastifyPluginAsyncTypebox {
  const { engine } = service;
  const { platform } = engine;
  const db = platform.db.orm;
  return async (app) => {
    // Published tariffs and estimates ----------------------------------------------------------
    app.get(
      '/api/fees/tariffs',
      {
        config: PUBLIC,
        schema: {
          tags: ['payments'],
          summary: 'Tariffs in force at an agency (its own, else the national defaults)',
          querystring: Type.Object({ agency: AgencyCode }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const agency = await agencyByCode(db, request.query.agency);
        if (!agency) throw new AppError('payment.agency_not_found');
        return (await tariffsFor(db, agency.id)).map((t) => tariffView(t, t.agencyId ? agency.code : null));
      },
    );
    app.post(
      '/api/fees/estimate',
      {
        config: { ...PUBLIC, csrf: false },
        schema: {
          tags: ['payments'],
          summary: 'The fee a request would cost, before anything is paid',
          body: Type.Object(
            {
              agencyCode: AgencyCode,
              service: Service,
              data: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 40 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const agency = await agencyByCode(db, request.body.agencyCode);
        if (!agency) throw new AppError('payment.agency_not_found');
        const tariff = await currentTariff(db, agency.id, request.body.service);
        if (!tariff) throw new AppError('payment.tariff_not_found');
        const fee = computeFee(tariff, request.body.data);
        return { ...fee, currency: 'MAD', tariff: tariffView(tariff, tariff.agencyId ? agency.code : null) };
      },
    );

    // The gateway -------------------------------------------------------------------------------
    app.post(
      '/api/payments/cmi/callback',
      {
        config: GATEWAY,
        schema: {
          tags: ['payments'],
          summary: 'CMI server-to-server callback (replies ACTION=POSTAUTH / APPROVED / FAILURE)',
        },
      },
      async (request, reply) => {
        const result = await handleCallback(service, postedFields(request.body), callbackContext(request));
        return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(result.reply);
      },
    );
    for (const outcome of ['ok', 'fail'] as const) {
      app.post(
        `/api/payments/cmi/${outcome}`,
        {
          config: GATEWAY,
          schema: {
            tags: ['payments'],
            summary: `The payer's browser back from the gateway (${outcome}Url)`,
          },
        },
        async (request, reply) => {
          const { orderId } = await recordBrowserReturn(service, postedFields(request.body), outcome);
          return reply.redirect(orderId ? `/payments/orders/${orderId}?return=${outcome}` : '/payments', 303);
        },
      );
    }

    // The payer --------------------------------------------------------------------------------
    app.get(
      '/api/payments/orders',
      { config: USER, schema: { tags: ['payments'], summary: 'My payment orders' } },
      async (request) => orderViews(engine, db, await ordersOfPayer(db, userOf(request).userId)),
    );
    app.get(
      '/api/payments/orders/:id',
      { config: USER, schema: { tags: ['payments'], summary: 'A payment order', params: IdParams } },
      async (request) => orderView(engine, db, await orderForPayer(db, request.actor, request.params.id)),
    );
    app.post(
      '/api/payments/orders/:id/checkout',
      {
        config: USER,
        schema: {
          tags: ['payments'],
          summary: 'Start a card payment: the form to post to the gateway',
          params: IdParams,
          body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        },
      },
      async (request, reply) => {
        const form = await startCheckout(service, auditOf(request), {
          orderId: request.params.id,
          actor: userOf(request),
          locale: request.locale,
        });
        return reply
          .code(201)
          .send({ action: form.action, method: form.method, fields: form.fields, oid: form.oid });
      },
    );
    app.get(
      '/api/cases/:id/payment-orders',
      { config: USER, schema: { tags: ['payments'], summary: 'Payment orders of a case', params: IdParams } },
      async (request) => {
        await loadCase(db, request.actor, request.params.id);
        return orderViews(engine, db, await ordersOfCase(db, request.params.id));
      },
    );

    // Finance staff ----------------------------------------------------------------------------
    app.get(
      '/api/staff/payments/orders',
      {
        config: FINANCE,
        schema: {
          tags: ['staff'],
          summary: 'Payment orders of my agencies',
          querystring: Type.Object(
            {
              agency: Type.Optional(AgencyCode),
              status: Type.Optional(
                Type.Union(
                  ['pending', 'paid', 'waived', 'cancelled', 'refunded'].map((s) => Type.Literal(s)),
                ),
              ),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const conditions: SQL[] = [inScope(paymentOrders.agencyId, request.scope)];
        if (request.query.agency) {
          const agency = await staffAgency(db, request.scope, request.query.agency);
          conditions.push(eq(paymentOrders.agencyId, agency.id));
        }
        if (request.query.status) conditions.push(eq(paymentOrders.status, request.query.status as never));
        const rows = await db
          .select()
          .from(paymentOrders)
          .where(and(...conditions))
          .orderBy(desc(paymentOrders.createdAt))
          .limit(request.query.limit);
        return orderViews(engine, db, rows);
      },
    );
    app.post(
      '/api/staff/payments/orders/:id/refunds',
      {
        config: FINANCE,
        schema: {
          tags: ['staff'],
          summary: 'Record a refund (audited act)',
          params: IdParams,
          body: Type.Object(
            {
              amountCentimes: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
              reason: Type.String({ minLength: 5, maxLength: 2000 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await refundOrder(service, auditOf(request), {
          orderId: request.params.id,
          amountCentimes: request.body.amountCentimes,
          reason: request.body.reason,
          actor: userOf(request),
          scope: request.scope,
        });
        const [order] = await db.select().from(paymentOrders).where(eq(paymentOrders.id, request.params.id));
        return reply.code(201).send(await orderView(engine, db, order!));
      },
    );
    app.get(
      '/api/staff/payments/reconciliation',
      {
        config: FINANCE,
        schema: {
          tags: ['staff'],
          summary: "An agency's daily reconciliation (orders, payments, refunds, gaps) as CSV or JSON",
          querystring: Type.Object(
            {
              agency: Type.Optional(AgencyCode),
              date: Type.String({ format: 'date' }),
              format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const agency = await staffAgency(db, request.scope, request.query.agency);
        const report = await reconciliation(db, {
          agencyId: agency.id,
          agencyCode: agency.code,
          date: request.query.date,
        });
        if (request.query.format === 'json')
          return { agency: report.agency, date: report.date, totals: report.totals, lines: report.lines };
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="reconciliation-${agency.code}-${report.date}.csv"`,
          )
          .header('cache-control', 'private, no-store')
          .send(`\ufeff${report.csv}`);
      },
    );
    app.get(
      '/api/staff/tariffs',
      {
        config: FINANCE,
        schema: { tags: ['staff'], summary: 'Tariffs of my agencies and the national defaults' },
      },
      async (request) => {
        const rows = await db
          .select()
          .from(tariffs)
          .where(
            and(
              isNull(tariffs.supersededAt),
              or(isNull(tariffs.agencyId), inScope(tariffs.agencyId, request.scope)),
            ),
          )
          .orderBy(tariffs.service);
        const codes = new Map<string, string>();
        const ids = [...new Set(rows.map((r) => r.agencyId).filter((id): id is string => Boolean(id)))];
        if (ids.length) {
          for (const a of await db.select().from(agencies).where(inArray(agencies.id, ids)))
            codes.set(a.id, a.code);
        }
        return rows.map((t) => tariffView(t, t.agencyId ? (codes.get(t.agencyId) ?? null) : null));
      },
    );
    app.post(
      '/api/staff/tariffs',
      {
        config: FINANCE,
        schema: {
          tags: ['staff'],
          summary: "Set an agency's tariff for a service (a new version; the previous one is kept)",
          body: Type.Object(
            {
              agencyCode: AgencyCode,
              service: Service,
              label: Localized,
              rule: Type.Record(Type.String(), Type.Unknown()),
              exemptions: Type.Optional(
                Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 10 }),
              ),
              legalBasis: Type.Optional(Localized),
              validFrom: Type.String({ format: 'date' }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const agency = await staffAgency(db, request.scope, request.body.agencyCode);
        const rule = request.body.rule as unknown as TariffRule;
        const exemptions = (request.body.exemptions ?? []) as unknown as Exemption[];
        const problems = tariffProblems(rule, exemptions);
        if (problems.length)
          throw new AppError('payment.tariff_invalid', { params: { reason: problems.join(', ') } });
        const audit = auditOf(request);
        const created = await platform.db.transaction(async (tx) => {
          const now = platform.now();
          const [current] = await tx
            .select()
            .from(tariffs)
            .where(
              and(
                eq(tariffs.agencyId, agency.id),
                eq(tariffs.service, request.body.service),
                isNull(tariffs.supersededAt),
              ),
            )
            .for('update');
          if (current) await tx.update(tariffs).set({ supersededAt: now }).where(eq(tariffs.id, current.id));
          const [row] = await tx
            .insert(tariffs)
            .values({
              agencyId: agency.id,
              service: request.body.service,
              version: (current?.version ?? 0) + 1,
              label: request.body.label,
              rule,
              exemptions,
              legalBasis: request.body.legalBasis ?? null,
              validFrom: request.body.validFrom,
              createdBy: userOf(request).userId,
              createdAt: now,
            })
            .returning();
          await appendAudit(
            tx,
            audit,
            {
              action: 'payment.tariff_set',
              objectType: 'tariff',
              objectId: row!.id,
              agencyId: agency.id,
              summary: { service: row!.service, version: row!.version, previous: current?.id ?? null },
            },
            now,
          );
          return row!;
        });
        return reply.code(201).send(tariffView(created, agency.code));
      },
    );

    // The local sandbox gateway, when enabled (development, tests, demonstrations).
    const settings = platform.config.payments.cmi;
    if (settings?.sandbox) {
      await app.register(
        sandboxRoutes(settings, { publicUrl: platform.config.http.publicUrl, now: platform.now }),
      );
    }
  };
}

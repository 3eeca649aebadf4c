// Payment orders (ordres de paiement): what a case owes for a service, computed from the tariff in
// force when the procedure's fee transition commits. One live order per case and service.
import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { TransitionDefinition } from '../engine/definition.ts';
import type { Engine } from '../engine/engine.ts';
import type { CaseRow } from '../engine/tables.ts';
import { cases } from '../engine/tables.ts';
import { applyTransitionIn } from '../engine/use-cases/apply-transition.ts';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import type { Orm } from '../platform/db/database.ts';
import { agencies, users } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import { isLocale, type Locale } from '../platform/i18n/locale.ts';
import { enqueue } from '../platform/outbox/outbox.ts';
import { type OrderRow, paymentCounters, paymentOrders, type TariffRow, tariffs } from './tables.ts';
import { computeFee } from './tariff.ts';
import './problems.ts';

export const ADVANCE_TOPIC = 'payments.advance';

/** The tariff in force for an agency and service: the agency's own, else the national default. */
export async function currentTariff(
  db: Orm,
  agencyId: string,
  service: string,
): Promise<TariffRow | undefined> {
  const [row] = await db
    .select()
    .from(tariffs)
    .where(
      and(
        eq(tariffs.service, service),
        isNull(tariffs.supersededAt),
        or(eq(tariffs.agencyId, agencyId), isNull(tariffs.agencyId)),
      ),
    )
    .orderBy(sql`${tariffs.agencyId} nulls last`)
    .limit(1);
  return row;
}

/** Gap-free order numbers per agency and year: `AUST-OP-2026-000042`. */
export async function nextOrderNumber(tx: Orm, agencyId: string, year: number): Promise<string> {
  const [agency] = await tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agencyId));
  const [counter] = await tx
    .insert(paymentCounters)
    .values({ agencyId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [paymentCounters.agencyId, paymentCounters.year],
      set: { lastNumber: sql`${paymentCounters.lastNumber} + 1` },
    })
    .returning({ n: paymentCounters.lastNumber });
  return `${agency!.code}-OP-${year}-${String(counter!.n).padStart(6, '0')}`;
}

export async function payerOf(
  tx: Orm,
  caseRow: CaseRow,
): Promise<{ userId: string | null; name: string; email: string | null; locale: Locale }> {
  if (caseRow.applicantUserId) {
    const [user] = await tx.select().from(users).where(eq(users.id, caseRow.applicantUserId));
    return {
      userId: caseRow.applicantUserId,
      name: user?.fullName ?? '',
      email: user?.email ?? null,
      locale: isLocale(user?.locale) ? user.locale : 'ar',
    };
  }
  const contact = caseRow.applicantContact;
  return {
    userId: null,
    name: contact?.name ?? '',
    email: contact?.email ?? null,
    locale: contact?.locale ?? 'ar',
  };
}

/** The live order of a case for a service (not cancelled), if any. */
export async function liveOrder(tx: Orm, caseId: string, service: string): Promise<OrderRow | undefined> {
  const [row] = await tx
    .select()
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.caseId, caseId),
        eq(paymentOrders.service, service),
        ne(paymentOrders.status, 'cancelled'),
      ),
    );
  return row;
}

/**
 * Creates the order a case owes for `service` (inside the transition's transaction). Idempotent: an
 * existing live order is returned. A fee of zero (a full exemption) is `waived` at once, and the case
 * is moved on after commit.
 */
export async function createOrderForCase(
  tx: Orm,
  input: { caseRow: CaseRow; service: string; audit: AuditContext; now: Date },
): Promise<OrderRow> {
  const { caseRow, service, now } = input;
  const existing = await liveOrder(tx, caseRow.id, service);
  if (existing) return existing;
  const tariff = await currentTariff(tx, caseRow.agencyId, service);
  if (!tariff) throw new AppError('payment.tariff_not_found');
  const fee = computeFee(tariff, caseRow.data);
  const payer = await payerOf(tx, caseRow);
  const number = await nextOrderNumber(tx, caseRow.agencyId, now.getUTCFullYear());
  const waived = fee.amountCentimes === 0;
  const [order] = await tx
    .insert(paymentOrders)
    .values({
      agencyId: caseRow.agencyId,
      caseId: caseRow.id,
      number,
      service,
      tariffId: tariff.id,
      label: tariff.label,
      lines: fee.lines,
      amountCentimes: fee.amountCentimes,
      status: waived ? 'waived' : 'pending',
      payerUserId: payer.userId,
      payerName: payer.name,
      payerEmail: payer.email,
      payerLocale: payer.locale,
      createdAt: now,
    })
    .returning();
  await appendAudit(
    tx,
    input.audit,
    {
      action: waived ? 'payment.order_waived' : 'payment.order_created',
      objectType: 'payment_order',
      objectId: order!.id,
      agencyId: caseRow.agencyId,
      summary: {
        number,
        caseId: caseRow.id,
        service,
        tariffId: tariff.id,
        amountCentimes: fee.amountCentimes,
        exemption: fee.exemption?.code ?? null,
      },
    },
    now,
  );
  if (waived) {
    await enqueue(tx, {
      topic: ADVANCE_TOPIC,
      payload: { caseId: caseRow.id },
      dedupeKey: `order:${order!.id}:advance`,
    });
  }
  return order!;
}

/** The system transition a paid case takes out of its waiting state: `by: ['system']` + guard `fee_paid`. */
export const paidTransition = (transitions: readonly TransitionDefinition[], state: string) =>
  transitions.find(
    (t) => t.from.includes(state) && t.by.includes('system') && t.guards?.includes('fee_paid'),
  );

/** Moves a case on once its fee is paid (or waived), inside the caller's transaction. */
export async function advanceAfterPayment(engine: Engine, tx: Orm, caseId: string): Promise<string | null> {
  const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!caseRow) return null;
  const def = engine.procedures.get(caseRow.procedureCode);
  const transition = paidTransition(def.transitions, caseRow.state);
  if (!transition) return null;
  await applyTransitionIn(
    engine,
    tx,
    { actor: { kind: 'system', label: 'payments' } },
    { caseId, transition: transition.key },
  );
  return transition.key;
}

/** Orders of a case, oldest first. */
export const ordersOfCase = (db: Orm, caseId: string) =>
  db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.caseId, caseId))
    .orderBy(asc(paymentOrders.createdAt));

/** A person's orders, newest first. */
export const ordersOfPayer = (db: Orm, userId: string) =>
  db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.payerUserId, userId))
    .orderBy(desc(paymentOrders.createdAt))
    .limit(200);

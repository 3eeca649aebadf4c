// Starting a card payment: a new attempt (its own CMI `oid`) on a pending order, and the signed form the
// browser posts to the gateway. The amount always comes from the order, never from the browser.
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { loadCase } from '../engine/case-access.ts';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import type { Orm } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { Locale } from '../platform/i18n/locale.ts';
import type { Actor, UserActor } from '../platform/tenancy/actor.ts';
import { type CheckoutForm, checkoutForm } from './cmi/gateway.ts';
import { type PaymentService, paymentsConfig } from './service.ts';
import { type OrderRow, paymentAttempts, paymentOrders } from './tables.ts';
import './problems.ts';

/** An order its payer (or the case's applicant) may see and pay; anyone else is told it does not exist. */
export async function orderForPayer(db: Orm, actor: Actor, orderId: string): Promise<OrderRow> {
  const [order] = await db.select().from(paymentOrders).where(eq(paymentOrders.id, orderId));
  if (!order || actor.kind !== 'user') throw new AppError('payment.order_not_found');
  if (order.payerUserId === actor.userId) return order;
  try {
    const { relation } = await loadCase(db, actor, order.caseId);
    if (relation.isApplicant || relation.side === 'staff') return order;
  } catch {
    // not the case's applicant nor its staff
  }
  throw new AppError('payment.order_not_found');
}

export async function startCheckout(
  service: PaymentService,
  audit: AuditContext,
  input: { orderId: string; actor: UserActor; locale: Locale },
): Promise<CheckoutForm & { attemptId: string; oid: string }> {
  const { platform } = service.engine;
  const settings = paymentsConfig(service).cmi;
  const order = await orderForPayer(platform.db.orm, input.actor, input.orderId);
  if (order.status === 'paid') throw new AppError('payment.already_paid');
  if (order.status !== 'pending') throw new AppError('payment.order_not_payable');
  if (!settings) throw new AppError('payment.gateway_unavailable');
  return platform.db.transaction(async (tx) => {
    const now = platform.now();
    const [locked] = await tx
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.id, order.id))
      .for('update');
    if (locked?.status === 'paid') throw new AppError('payment.already_paid');
    if (locked?.status !== 'pending') throw new AppError('payment.order_not_payable');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.orderId, locked.id));
    const oid = `${locked.number}-${n + 1}`;
    const [attempt] = await tx
      .insert(paymentAttempts)
      .values({
        orderId: locked.id,
        oid,
        gateway: settings.sandbox ? 'cmi-sandbox' : 'cmi',
        amountCentimes: locked.amountCentimes,
        status: 'initiated',
        createdBy: input.actor.userId,
        createdAt: now,
      })
      .returning();
    await appendAudit(
      tx,
      audit,
      {
        action: 'payment.checkout_started',
        objectType: 'payment_order',
        objectId: locked.id,
        agencyId: locked.agencyId,
        summary: {
          number: locked.number,
          oid,
          amountCentimes: locked.amountCentimes,
          sandbox: settings.sandbox,
        },
      },
      now,
    );
    const form = checkoutForm(settings, {
      oid,
      amountCentimes: locked.amountCentimes,
      email: locked.payerEmail ?? input.actor.email,
      billToName: locked.payerName || input.actor.fullName,
      lang: input.locale,
      shopUrl: `${platform.config.http.publicUrl}/payments/orders/${locked.id}`,
      rnd: randomBytes(15).toString('base64url'),
    });
    return { ...form, attemptId: attempt!.id, oid };
  });
}

// Refunds: an audited act of the agency's finance staff, recorded against a captured payment (the
// money itself goes back through the acquirer's back office). Partial refunds add up to the amount paid.
import { eq } from 'drizzle-orm';
import { formatMad } from '../documents/format.ts';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors.ts';
import { type AgencyScope, scopeIncludes, type UserActor } from '../platform/tenancy/actor.ts';
import type { PaymentService } from './service.ts';
import { paymentOrders, payments, type RefundRow, refunds } from './tables.ts';
import './problems.ts';

export async function refundOrder(
  service: PaymentService,
  audit: AuditContext,
  input: { orderId: string; amountCentimes: number; reason: string; actor: UserActor; scope: AgencyScope },
): Promise<RefundRow> {
  const { platform } = service.engine;
  return platform.db.transaction(async (tx) => {
    const now = platform.now();
    const [order] = await tx
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.id, input.orderId))
      .for('update');
    if (!order || !scopeIncludes(input.scope, order.agencyId)) throw new AppError('payment.order_not_found');
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, order.id));
    if (!payment || (order.status !== 'paid' && order.status !== 'refunded'))
      throw new AppError('payment.not_refundable');
    const available = payment.amountCentimes - order.refundedCentimes;
    if (available <= 0) throw new AppError('payment.not_refundable');
    if (input.amountCentimes > available)
      throw new AppError('payment.refund_too_large', { params: { available: formatMad(available).fr } });
    const [refund] = await tx
      .insert(refunds)
      .values({
        paymentId: payment.id,
        orderId: order.id,
        agencyId: order.agencyId,
        amountCentimes: input.amountCentimes,
        reason: input.reason,
        createdBy: input.actor.userId,
        createdAt: now,
      })
      .returning();
    const refunded = order.refundedCentimes + input.amountCentimes;
    await tx
      .update(paymentOrders)
      .set({
        refundedCentimes: refunded,
        status: refunded >= payment.amountCentimes ? 'refunded' : order.status,
      })
      .where(eq(paymentOrders.id, order.id));
    await appendAudit(
      tx,
      audit,
      {
        action: 'payment.refunded',
        objectType: 'payment_order',
        objectId: order.id,
        agencyId: order.agencyId,
        summary: {
          number: order.number,
          refundId: refund!.id,
          amountCentimes: input.amountCentimes,
          refundedCentimes: refunded,
          reason: input.reason,
        },
      },
      now,
    );
    return refund!;
  });
}

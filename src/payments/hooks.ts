// Fees in the case engine: the `fee_paid` guard, the order created when a procedure's fee transition
// commits, the pending orders cancelled when a case closes, and the case moved on after payment.
import { and, eq } from 'drizzle-orm';
import type { Engine } from '../engine/engine.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { OutboxJob } from '../platform/outbox/outbox.ts';
import { advanceAfterPayment, createOrderForCase, liveOrder } from './orders.ts';
import { paymentOrders } from './tables.ts';

export function registerPaymentHooks(engine: Engine): void {
  engine.hooks.guards.fee_paid = async (tx, caseRow, def) => {
    if (!def.fees) return null;
    const order = await liveOrder(tx, caseRow.id, def.fees.tariff);
    if (!order) return 'no payment order / aucun ordre de paiement';
    if (order.status === 'paid' || order.status === 'waived') return null;
    return `${order.number}: not paid / non payé / غير مؤدى`;
  };

  engine.hooks.afterTransition.push(async ({ tx, definition, transition, after, audit, now }) => {
    if (definition.fees && transition.key === definition.fees.onTransition) {
      await createOrderForCase(tx, { caseRow: after, service: definition.fees.tariff, audit, now });
    }
    if (definition.states[transition.to]?.phase === 'closed') {
      const cancelled = await tx
        .update(paymentOrders)
        .set({ status: 'cancelled', cancelledAt: now })
        .where(and(eq(paymentOrders.caseId, after.id), eq(paymentOrders.status, 'pending')))
        .returning();
      for (const order of cancelled) {
        await appendAudit(
          tx,
          audit,
          {
            action: 'payment.order_cancelled',
            objectType: 'payment_order',
            objectId: order.id,
            agencyId: order.agencyId,
            summary: { number: order.number, caseId: after.id, state: transition.to },
          },
          now,
        );
      }
    }
  });
}

/** Outbox job: move a case whose fee was waived out of its waiting state. */
export const advanceHandler =
  (engine: Engine) =>
  async (job: OutboxJob): Promise<void> => {
    const caseId = job.payload.caseId;
    if (typeof caseId !== 'string') throw new Error('payments.advance job without caseId');
    await engine.platform.db.transaction((tx) => advanceAfterPayment(engine, tx, caseId));
  };

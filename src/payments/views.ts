// What the web app and the API show of orders: the lines of the fee, the attempts, the payment, the
// receipt, and whether it can be paid now.
import { asc, eq, inArray } from 'drizzle-orm';
import { documentSummary } from '../documents/routes.ts';
import { issuedDocuments } from '../documents/tables.ts';
import type { Engine } from '../engine/engine.ts';
import { cases } from '../engine/tables.ts';
import type { Orm } from '../platform/db/database.ts';
import { agencies } from '../platform/db/tables.ts';
import { type OrderRow, paymentAttempts, payments, refunds } from './tables.ts';

export async function orderViews(engine: Engine, db: Orm, orders: OrderRow[]) {
  if (orders.length === 0) return [];
  const ids = orders.map((o) => o.id);
  const [attempts, paid, refundRows, caseRows, agencyRows] = await Promise.all([
    db
      .select()
      .from(paymentAttempts)
      .where(inArray(paymentAttempts.orderId, ids))
      .orderBy(asc(paymentAttempts.createdAt)),
    db.select().from(payments).where(inArray(payments.orderId, ids)),
    db.select().from(refunds).where(inArray(refunds.orderId, ids)).orderBy(asc(refunds.createdAt)),
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        procedureCode: cases.procedureCode,
        state: cases.state,
      })
      .from(cases)
      .where(inArray(cases.id, [...new Set(orders.map((o) => o.caseId))])),
    db
      .select({ id: agencies.id, code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr })
      .from(agencies)
      .where(inArray(agencies.id, [...new Set(orders.map((o) => o.agencyId))])),
  ]);
  const receiptIds = paid.map((p) => p.receiptDocumentId).filter((id): id is string => Boolean(id));
  const receipts = receiptIds.length
    ? await db.select().from(issuedDocuments).where(inArray(issuedDocuments.id, receiptIds))
    : [];
  const settings = engine.platform.config.payments.cmi;
  const publicUrl = engine.platform.config.http.publicUrl;
  return orders.map((order) => {
    const payment = paid.find((p) => p.orderId === order.id) ?? null;
    const receipt = payment?.receiptDocumentId
      ? receipts.find((r) => r.id === payment.receiptDocumentId)
      : undefined;
    const caseRow = caseRows.find((c) => c.id === order.caseId);
    const procedure = caseRow ? engine.procedures.find(caseRow.procedureCode) : undefined;
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      service: order.service,
      label: order.label,
      lines: order.lines,
      amountCentimes: order.amountCentimes,
      currency: order.currency,
      refundedCentimes: order.refundedCentimes,
      createdAt: order.createdAt.toISOString(),
      paidAt: order.paidAt?.toISOString() ?? null,
      payer: { name: order.payerName },
      agency: agencyRows.find((a) => a.id === order.agencyId) ?? null,
      case: caseRow
        ? {
            id: caseRow.id,
            reference: caseRow.reference,
            state: caseRow.state,
            procedure: procedure
              ? { code: procedure.code, name: procedure.name }
              : { code: caseRow.procedureCode, name: null },
          }
        : null,
      attempts: attempts
        .filter((a) => a.orderId === order.id)
        .map((a) => ({
          oid: a.oid,
          status: a.status,
          createdAt: a.createdAt.toISOString(),
          completedAt: a.completedAt?.toISOString() ?? null,
          procReturnCode: a.procReturnCode,
          errorMessage: a.errorMessage,
          maskedPan: a.maskedPan,
        })),
      payment: payment
        ? {
            paidAt: payment.paidAt.toISOString(),
            transId: payment.transId,
            authCode: payment.authCode,
            amountCentimes: payment.amountCentimes,
            gateway: payment.gateway,
          }
        : null,
      refunds: refundRows
        .filter((r) => r.orderId === order.id)
        .map((r) => ({
          amountCentimes: r.amountCentimes,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        })),
      receipt: receipt ? documentSummary(receipt, publicUrl) : null,
      payable: order.status === 'pending' && settings !== null,
      gateway: settings ? { sandbox: settings.sandbox } : null,
    };
  });
}

export const orderView = async (engine: Engine, db: Orm, order: OrderRow) =>
  (await orderViews(engine, db, [order]))[0]!;

export const agencyByCode = async (db: Orm, code: string) =>
  (await db.select().from(agencies).where(eq(agencies.code, code)))[0];

// The payment receipt (reçu / وصل الأداء): a signed bilingual PDF with its QR code, registered in the
// transaction that captures the payment and mailed to the payer once signed.
import { eq } from 'drizzle-orm';
import { RECEIPT_TITLE, receiptView } from '../documents/receipt.ts';
import { registerDocument } from '../documents/registry.ts';
import type { IssuedDocumentRow } from '../documents/tables.ts';
import { cases } from '../engine/tables.ts';
import type { AuditContext } from '../platform/audit/audit-log.ts';
import type { Platform } from '../platform/context.ts';
import type { Orm } from '../platform/db/database.ts';
import { type OrderRow, type PaymentRow, payments } from './tables.ts';

export const PAYMENT_RECEIPT_TITLE = { ...RECEIPT_TITLE, en: 'Payment receipt' };

export async function registerPaymentReceipt(
  tx: Orm,
  platform: Platform,
  audit: AuditContext,
  input: { order: OrderRow; payment: PaymentRow; sandbox: boolean },
): Promise<IssuedDocumentRow> {
  const { order, payment } = input;
  const [caseRow] = await tx
    .select({ reference: cases.reference })
    .from(cases)
    .where(eq(cases.id, order.caseId));
  const { document } = await registerDocument(tx, platform, audit, {
    type: 'payment_receipt',
    series: 'RECU',
    title: PAYMENT_RECEIPT_TITLE,
    template: 'receipt',
    agencyId: order.agencyId,
    caseId: order.caseId,
    recipientUserId: order.payerUserId,
    sourceKey: `payment:${payment.id}:receipt`,
    signatories: [{ holder: 'seal' }],
    data: (context) =>
      receiptView({
        agency: context.agency,
        reference: context.number,
        paidAt: payment.paidAt,
        verification: context.verification,
        specimen: false,
        payer: { fr: order.payerName, ar: order.payerName, idNumber: '' },
        service: { fr: order.label.fr, ar: order.label.ar },
        amountCentimes: payment.amountCentimes,
        orderNumber: order.number,
        transactionId: payment.transId,
        caseReference: caseRow?.reference ?? '',
        method: input.sandbox
          ? { fr: 'Carte bancaire — passerelle de test (sandbox)', ar: 'بطاقة بنكية — بوابة تجريبية' }
          : { fr: 'Carte bancaire (CMI)', ar: 'بطاقة بنكية (CMI)' },
        notes: [
          {
            fr: "Ce reçu atteste le paiement de l'ordre indiqué. Il est délivré par voie électronique et signé par le cachet électronique de l'agence.",
            ar: 'يثبت هذا الوصل أداء الأمر بالأداء المشار إليه، وقد سُلّم إلكترونياً وخُتم بالخاتم الإلكتروني للوكالة.',
          },
          ...(input.sandbox
            ? [
                {
                  fr: 'Paiement de démonstration effectué sur la passerelle de test : aucun débit réel.',
                  ar: 'أداء تجريبي عبر البوابة التجريبية: لم يتم أي اقتطاع فعلي.',
                },
              ]
            : []),
        ],
        signatories: context.signatories,
      }),
    delivery: order.payerEmail
      ? { to: order.payerEmail, locale: order.payerLocale, vars: { name: order.payerName } }
      : null,
  });
  await tx.update(payments).set({ receiptDocumentId: document.id }).where(eq(payments.id, payment.id));
  return document;
}

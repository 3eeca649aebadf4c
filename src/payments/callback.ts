// The gateway's server-to-server callback: the only thing that marks an order paid. It is checked by
// hash (ver3, store key), order id and amount (from our records, never the browser's), processed once
// (a repeated callback gets the same reply and changes nothing), and every call is logged; refused
// ones are audit events too.
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import type { Orm } from '../platform/db/database.ts';
import { CMI_REPLY, type CmiReply, MAD_NUMERIC, parseCmiAmount, storableFields } from './cmi/gateway.ts';
import { verifyCmiHash } from './cmi/hash.ts';
import { advanceAfterPayment } from './orders.ts';
import { registerPaymentReceipt } from './receipt.ts';
import { type PaymentService, paymentsConfig } from './service.ts';
import { type AttemptRow, paymentAttempts, paymentCallbacks, paymentOrders, payments } from './tables.ts';

export type CallbackOutcome =
  | 'captured'
  | 'declined'
  | 'not_captured'
  | 'replayed'
  | 'hash_mismatch'
  | 'unknown_order'
  | 'amount_mismatch'
  | 'gateway_disabled';

export type CallbackResult = { reply: CmiReply; outcome: CallbackOutcome; attemptId: string | null };

type Context = AuditContext & { ip: string | null; requestId: string | null };

const field = (fields: Readonly<Record<string, string>>, name: string): string | undefined => {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : fields[key];
};

async function logCallback(
  db: Orm,
  input: {
    fields: Readonly<Record<string, string>>;
    outcome: CallbackOutcome;
    reply: CmiReply;
    attemptId: string | null;
    gateway: string;
    context: Context;
    now: Date;
  },
) {
  await db.insert(paymentCallbacks).values({
    receivedAt: input.now,
    gateway: input.gateway,
    oid: field(input.fields, 'oid')?.slice(0, 100) ?? null,
    attemptId: input.attemptId,
    outcome: input.outcome,
    reply: input.reply,
    fields: storableFields(input.fields),
    ip: input.context.ip,
    requestId: input.context.requestId,
  });
}

async function refuse(
  tx: Orm,
  input: {
    fields: Readonly<Record<string, string>>;
    outcome: 'hash_mismatch' | 'unknown_order' | 'amount_mismatch';
    attempt: AttemptRow | null;
    agencyId: string | null;
    gateway: string;
    context: Context;
    now: Date;
    detail?: Record<string, unknown>;
  },
): Promise<CallbackResult> {
  await logCallback(tx, { ...input, reply: CMI_REPLY.refused, attemptId: input.attempt?.id ?? null });
  await appendAudit(
    tx,
    input.context,
    {
      action: 'payment.callback_refused',
      objectType: 'payment_attempt',
      objectId: input.attempt?.id ?? null,
      agencyId: input.agencyId,
      summary: { reason: input.outcome, oid: field(input.fields, 'oid') ?? null, ...input.detail },
    },
    input.now,
  );
  return { reply: CMI_REPLY.refused, outcome: input.outcome, attemptId: input.attempt?.id ?? null };
}

export async function handleCallback(
  service: PaymentService,
  fields: Readonly<Record<string, string>>,
  context: Context,
): Promise<CallbackResult> {
  const { engine } = service;
  const { platform } = engine;
  const settings = paymentsConfig(service).cmi;
  const now = platform.now();
  const gateway = settings?.sandbox ? 'cmi-sandbox' : 'cmi';
  if (!settings) {
    await logCallback(platform.db.orm, {
      fields,
      outcome: 'gateway_disabled',
      reply: CMI_REPLY.refused,
      attemptId: null,
      gateway,
      context,
      now,
    });
    return { reply: CMI_REPLY.refused, outcome: 'gateway_disabled', attemptId: null };
  }
  return platform.db.transaction(async (tx) => {
    const oid = field(fields, 'oid') ?? '';
    const [attempt] = oid
      ? await tx.select().from(paymentAttempts).where(eq(paymentAttempts.oid, oid)).for('update')
      : [];
    const [order] = attempt
      ? await tx.select().from(paymentOrders).where(eq(paymentOrders.id, attempt.orderId)).for('update')
      : [];
    const common = {
      fields,
      gateway,
      context,
      now,
      attempt: attempt ?? null,
      agencyId: order?.agencyId ?? null,
    };

    // 1. The hash: only the gateway (and we) know the store key.
    if (!verifyCmiHash(fields, settings.storeKey)) return refuse(tx, { ...common, outcome: 'hash_mismatch' });
    // 2. The order: an oid we issued.
    if (!attempt || !order) return refuse(tx, { ...common, outcome: 'unknown_order' });
    // 3. The amount and currency: what we asked for, to the centime.
    const amount = parseCmiAmount(field(fields, 'amount'));
    const currency = field(fields, 'currency');
    if (amount !== attempt.amountCentimes || amount !== order.amountCentimes || currency !== MAD_NUMERIC) {
      return refuse(tx, {
        ...common,
        outcome: 'amount_mismatch',
        detail: { expected: order.amountCentimes, received: field(fields, 'amount') ?? null, currency },
      });
    }
    // 4. Once: a repeated callback gets the answer the first one got.
    if (attempt.status !== 'initiated') {
      const reply = (attempt.reply as CmiReply | null) ?? CMI_REPLY.acknowledged;
      await logCallback(tx, {
        fields,
        outcome: 'replayed',
        reply,
        attemptId: attempt.id,
        gateway,
        context,
        now,
      });
      return { reply, outcome: 'replayed' as const, attemptId: attempt.id };
    }

    const approved =
      field(fields, 'ProcReturnCode') === '00' && (field(fields, 'Response') ?? 'Approved') === 'Approved';
    const bankData = {
      completedAt: now,
      procReturnCode: field(fields, 'ProcReturnCode')?.slice(0, 10) ?? null,
      response: field(fields, 'Response')?.slice(0, 40) ?? null,
      transId: field(fields, 'TransId')?.slice(0, 64) ?? null,
      authCode: field(fields, 'AuthCode')?.slice(0, 20) ?? null,
      mdStatus: field(fields, 'mdStatus')?.slice(0, 10) ?? null,
      errorMessage: field(fields, 'ErrMsg')?.slice(0, 300) ?? null,
      maskedPan: field(fields, 'maskedCreditCard')?.slice(0, 24) ?? null,
    };
    const summary = { oid, number: order.number, transId: bankData.transId, amountCentimes: amount };

    if (!approved) {
      await tx
        .update(paymentAttempts)
        .set({ ...bankData, status: 'declined', reply: CMI_REPLY.acknowledged })
        .where(eq(paymentAttempts.id, attempt.id));
      await appendAudit(
        tx,
        context,
        {
          action: 'payment.declined',
          objectType: 'payment_order',
          objectId: order.id,
          agencyId: order.agencyId,
          summary: { ...summary, procReturnCode: bankData.procReturnCode, error: bankData.errorMessage },
        },
        now,
      );
      await logCallback(tx, {
        fields,
        outcome: 'declined',
        reply: CMI_REPLY.acknowledged,
        attemptId: attempt.id,
        gateway,
        context,
        now,
      });
      return { reply: CMI_REPLY.acknowledged, outcome: 'declined' as const, attemptId: attempt.id };
    }

    // Approved by the bank, but the order is no longer payable (paid by another attempt, cancelled):
    // acknowledge without capture, so the pre-authorisation lapses and nobody pays twice.
    if (order.status !== 'pending') {
      await tx
        .update(paymentAttempts)
        .set({ ...bankData, status: 'not_captured', reply: CMI_REPLY.acknowledged })
        .where(eq(paymentAttempts.id, attempt.id));
      await appendAudit(
        tx,
        context,
        {
          action: 'payment.not_captured',
          objectType: 'payment_order',
          objectId: order.id,
          agencyId: order.agencyId,
          summary: { ...summary, orderStatus: order.status },
        },
        now,
      );
      await logCallback(tx, {
        fields,
        outcome: 'not_captured',
        reply: CMI_REPLY.acknowledged,
        attemptId: attempt.id,
        gateway,
        context,
        now,
      });
      return { reply: CMI_REPLY.acknowledged, outcome: 'not_captured' as const, attemptId: attempt.id };
    }

    await tx
      .update(paymentAttempts)
      .set({ ...bankData, status: 'approved', reply: CMI_REPLY.capture })
      .where(eq(paymentAttempts.id, attempt.id));
    const [payment] = await tx
      .insert(payments)
      .values({
        orderId: order.id,
        attemptId: attempt.id,
        agencyId: order.agencyId,
        amountCentimes: order.amountCentimes,
        gateway: attempt.gateway,
        transId: bankData.transId ?? oid,
        authCode: bankData.authCode,
        paidAt: now,
      })
      .returning();
    const [paid] = await tx
      .update(paymentOrders)
      .set({ status: 'paid', paidAt: now })
      .where(eq(paymentOrders.id, order.id))
      .returning();
    await appendAudit(
      tx,
      context,
      {
        action: 'payment.captured',
        objectType: 'payment_order',
        objectId: order.id,
        agencyId: order.agencyId,
        summary: { ...summary, paymentId: payment!.id },
      },
      now,
    );
    await registerPaymentReceipt(tx, platform, context, {
      order: paid!,
      payment: payment!,
      sandbox: settings.sandbox,
    });
    await advanceAfterPayment(engine, tx, order.caseId);
    await logCallback(tx, {
      fields,
      outcome: 'captured',
      reply: CMI_REPLY.capture,
      attemptId: attempt.id,
      gateway,
      context,
      now,
    });
    return { reply: CMI_REPLY.capture, outcome: 'captured' as const, attemptId: attempt.id };
  });
}

/** The payer's browser coming back (okUrl / failUrl): noted when the hash checks, never trusted to pay. */
export async function recordBrowserReturn(
  service: PaymentService,
  fields: Readonly<Record<string, string>>,
  outcome: 'ok' | 'fail',
): Promise<{ orderId: string | null }> {
  const { platform } = service.engine;
  const settings = paymentsConfig(service).cmi;
  const oid = field(fields, 'oid');
  if (!oid) return { orderId: null };
  const [attempt] = await platform.db.orm.select().from(paymentAttempts).where(eq(paymentAttempts.oid, oid));
  if (!attempt) return { orderId: null };
  if (settings && verifyCmiHash(fields, settings.storeKey)) {
    await platform.db.orm
      .update(paymentAttempts)
      .set({ browserReturn: outcome, browserReturnedAt: platform.now() })
      .where(eq(paymentAttempts.id, attempt.id));
  }
  return { orderId: attempt.orderId };
}

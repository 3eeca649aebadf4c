// Payments through the HTTP API and the sandbox gateway: fees, orders made by the case engine's fee
// hook, CMI checkout, the server-to-server callback (forged, altered, replayed, unknown, twice),
// receipts, refunds and the daily reconciliation.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInCitizen, signedInStaff } from '../../test/support/fixtures.ts';
import { createTestContext, type TestClient, type TestContext } from '../../test/support/test-app.ts';
import { issuedDocuments } from '../documents/tables.ts';
import { pdftotext } from '../documents/test-tools.ts';
import { auditEvents } from '../platform/db/tables.ts';
import { cmiHash, verifyCmiHash } from './cmi/hash.ts';
import { paymentAttempts, paymentCallbacks, paymentOrders, payments } from './tables.ts';

let ctx: TestContext;
let citizen: Person;
let finance: Person;
let foreignFinance: Person;
let instructor: Person;

const DAY = '2026-03-16';
/** PDFs written for people to look at (`pdftoppm -png -r 70 …`). */
const OUT = path.resolve('test-results/documents');

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(`${DAY}T10:00:00Z`);
  mkdirSync(OUT, { recursive: true });
  citizen = await signedInCitizen(ctx, { locale: 'fr' });
  finance = await signedInStaff(ctx, 'AUST', 'finance');
  foreignFinance = await signedInStaff(ctx, 'AUC', 'finance');
  instructor = await signedInStaff(ctx, 'AUST', 'instructor');
}, 180_000);
afterAll(async () => ctx?.close());

const storeKey = () => ctx.config.payments.cmi!.storeKey;

type OrderView = {
  id: string;
  number: string;
  status: string;
  amountCentimes: number;
  lines: { kind: string; amountCentimes: number }[];
  case: { id: string; reference: string; state: string };
  receipt: { id: string; number: string; verificationCode: string; ready: boolean } | null;
  attempts: { oid: string; status: string }[];
  payable: boolean;
};

/** An e-document order, deposited: the fee hook has created its payment order. */
async function depositOrder(
  data: Record<string, unknown> = {
    document_kind: 'plan_print',
    plan_reference: "Plan d'aménagement de Témara",
    copies: 2,
    requester_kind: 'individual',
  },
): Promise<OrderView> {
  const created = await citizen.client.post('/api/cases', { procedure: 'EDOC', agencyCode: 'AUST', data });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const deposited = await citizen.client.post(`/api/cases/${id}/transitions/deposit`, {
    version: created.json().version,
    input: {},
  });
  expect(deposited.statusCode, deposited.body).toBe(200);
  expect(deposited.json().state.key).toBe('awaiting_payment');
  const orders = (await citizen.client.get(`/api/cases/${id}/payment-orders`)).json() as OrderView[];
  expect(orders).toHaveLength(1);
  return orders[0]!;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields and action of the last form on a page. */
function pageForm(html: string): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form method="post" action="([^"]*)"[^>]*>(.*?)<\/form>/gs)];
  const last = forms.at(-1);
  if (!last) throw new Error(`no form in page:\n${html.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const m of last[2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!);
  return { action: unescapeHtml(last[1]!), fields };
}

async function checkout(client: TestClient, orderId: string) {
  const res = await client.post(`/api/payments/orders/${orderId}/checkout`, {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { action: string; fields: Record<string, string>; oid: string };
}

/** Through the sandbox: the merchant form, then a card (and a 3-D Secure code if asked). */
async function payWithCard(
  client: TestClient,
  orderId: string,
  card: string,
  code?: string,
): Promise<{ status: number; html: string; callback: Record<string, string>; returnUrl: string }> {
  const start = await checkout(client, orderId);
  const gate = await client.post(new URL(start.action).pathname, form(start.fields), FORM);
  expect(gate.statusCode, gate.body).toBe(200);
  const cardForm = pageForm(gate.body);
  let page = await client.post(
    '/sandbox/cmi/pay',
    form({
      ...cardForm.fields,
      pan: card,
      expiry: '12/30',
      cvv: '123',
      holder: 'Amina Alaoui',
    }),
    FORM,
  );
  if (code !== undefined) {
    expect(page.body).toContain('3-D Secure');
    const threeDs = pageForm(page.body);
    page = await client.post('/sandbox/cmi/3ds', form({ ...threeDs.fields, code }), FORM);
  }
  const back = pageForm(page.body);
  return { status: page.statusCode, html: page.body, callback: back.fields, returnUrl: back.action };
}

const callback = (fields: Record<string, string>) =>
  ctx.client().post('/api/payments/cmi/callback', form(fields), FORM);

const orderRow = async (id: string) =>
  (await ctx.platform.db.orm.select().from(paymentOrders).where(eq(paymentOrders.id, id)))[0]!;

describe('fees', () => {
  it('publishes tariffs and estimates a fee before anything is paid', async () => {
    const tariffs = (await ctx.client().get('/api/fees/tariffs?agency=AUST')).json() as { service: string }[];
    expect(tariffs.map((t) => t.service)).toEqual(expect.arrayContaining(['e_document', 'urban_note']));
    const estimate = await ctx.client().post('/api/fees/estimate', {
      agencyCode: 'AUST',
      service: 'e_document',
      data: { document_kind: 'plan_print', copies: 2, requester_kind: 'individual' },
    });
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json().amountCentimes).toBe(50_000);
    const exempt = await ctx.client().post('/api/fees/estimate', {
      agencyCode: 'AUST',
      service: 'e_document',
      data: { document_kind: 'regulation_extract', copies: 3, requester_kind: 'public_body' },
    });
    expect(exempt.json()).toMatchObject({
      amountCentimes: 0,
      exemption: { code: 'public_body', percent: 100 },
    });
    const missing = await ctx.client({ locale: 'fr' }).post('/api/fees/estimate', {
      agencyCode: 'AUST',
      service: 'e_document',
      data: { document_kind: 'plan_print' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'payment.tariff_input_missing' });
    expect(missing.json().detail).toContain('copies');
  });
});

describe('an e-document order paid by card in the sandbox', () => {
  let order: OrderView;
  let paidCallback: Record<string, string>;

  it('creates the payment order when the case is deposited; the case waits for payment', async () => {
    order = await depositOrder();
    expect(order).toMatchObject({ status: 'pending', amountCentimes: 50_000, payable: true });
    expect(order.number).toMatch(/^AUST-OP-2026-\d{6}$/);
    expect(order.case.state).toBe('awaiting_payment');
    // Nobody else sees the order.
    const stranger = await signedInCitizen(ctx);
    expect((await stranger.client.get(`/api/payments/orders/${order.id}`)).statusCode).toBe(404);
    expect((await stranger.client.post(`/api/payments/orders/${order.id}/checkout`, {})).statusCode).toBe(
      404,
    );
  });

  it('builds the CMI form from the order, never from the browser, with a ver3 hash', async () => {
    const start = await checkout(citizen.client, order.id);
    expect(start.action).toBe('http://taamir.test/sandbox/cmi/est3Dgate');
    expect(start.fields).toMatchObject({
      clientid: ctx.config.payments.cmi!.clientId,
      storetype: '3D_PAY_HOSTING',
      trantype: 'PreAuth',
      amount: '500.00',
      currency: '504',
      okUrl: 'http://taamir.test/api/payments/cmi/ok',
      failUrl: 'http://taamir.test/api/payments/cmi/fail',
      callbackUrl: 'http://taamir.test/api/payments/cmi/callback',
      lang: 'ar', // the payer's own language (their account's), whatever the browser's
      email: citizen.email,
      hashAlgorithm: 'ver3',
      encoding: 'UTF-8',
    });
    expect(start.fields.oid).toMatch(new RegExp(`^${order.number}-\\d+$`));
    expect(verifyCmiHash(start.fields, storeKey())).toBe(true);
    // The sandbox, like the bank, refuses a form whose amount was changed.
    const tampered = await citizen.client.post(
      '/sandbox/cmi/est3Dgate',
      form({ ...start.fields, amount: '5.00' }),
      FORM,
    );
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('HASH');
  });

  it('is paid with a test card: callback captured, case moved on, receipt signed and mailed', async () => {
    const paid = await payWithCard(citizen.client, order.id, '4000000000000010');
    expect(paid.status).toBe(200);
    expect(paid.html).toContain('ACTION=POSTAUTH');
    expect(paid.returnUrl).toBe('http://taamir.test/api/payments/cmi/ok');
    expect(paid.callback).toMatchObject({ ProcReturnCode: '00', Response: 'Approved', amount: '500.00' });
    expect(paid.callback.maskedCreditCard).toBe('400000***0010');
    paidCallback = paid.callback;

    // The browser's return is noted and sent to the order page.
    const back = await citizen.client.post('/api/payments/cmi/ok', form(paid.callback), FORM);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/payments/orders/${order.id}?return=ok`);

    const view = (await citizen.client.get(`/api/payments/orders/${order.id}`)).json() as OrderView;
    expect(view.status).toBe('paid');
    expect(view.case.state).toBe('in_preparation');
    expect(view.receipt).toMatchObject({ ready: false });
    expect(view.receipt!.number).toMatch(/^AUST-RECU-2026-\d{6}$/);

    await ctx.drain();
    const after = (await citizen.client.get(`/api/payments/orders/${order.id}`)).json() as OrderView;
    expect(after.receipt!.ready).toBe(true);
    const pdf = await citizen.client.get(`/api/documents/${after.receipt!.id}/file`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    writeFileSync(path.join(OUT, 'payment-receipt.pdf'), pdf.rawPayload);
    const text = pdftotext(pdf.rawPayload);
    expect(text).toContain('Reçu de paiement');
    expect(text).toContain('وصل الأداء');
    expect(text).toContain('500,00 MAD');
    expect(text).toContain(order.number);
    const mail = ctx.mails.find((m) => m.to === citizen.email && m.subject.includes(after.receipt!.number));
    expect(mail?.attachments?.[0]).toMatchObject({
      filename: `${after.receipt!.number}.pdf`,
      contentType: 'application/pdf',
    });
    expect(mail?.attachments?.[0]?.content.equals(pdf.rawPayload)).toBe(true);
    // The receipt verifies.
    const verified = await ctx.client().get(`/api/verify/${after.receipt!.verificationCode}`);
    expect(verified.json()).toMatchObject({
      status: 'valid',
      type: 'payment_receipt',
      number: after.receipt!.number,
    });
  });

  it('changes nothing when the same callback comes again (idempotent)', async () => {
    const before = await ctx.platform.db.orm.select({ n: count() }).from(payments);
    const again = await callback(paidCallback);
    expect(again.body).toBe('ACTION=POSTAUTH');
    const twice = await callback(paidCallback);
    expect(twice.body).toBe('ACTION=POSTAUTH');
    expect(await ctx.platform.db.orm.select({ n: count() }).from(payments)).toEqual(before);
    const logged = await ctx.platform.db.orm
      .select()
      .from(paymentCallbacks)
      .where(eq(paymentCallbacks.oid, paidCallback.oid!));
    expect(logged.map((l) => l.outcome)).toEqual(['captured', 'replayed', 'replayed']);
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('refuses to take the same order twice', async () => {
    const res = await citizen.client.post(`/api/payments/orders/${order.id}/checkout`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('payment.already_paid');
  });
});

describe('forged and altered callbacks', () => {
  let order: OrderView;
  let fields: Record<string, string>;

  beforeAll(async () => {
    order = await depositOrder({
      document_kind: 'regulation_extract',
      plan_reference: 'PA Skhirate, zone R2',
      copies: 1,
      requester_kind: 'individual',
    });
    const start = await checkout(citizen.client, order.id);
    const { HASH: _drop, ...rest } = start.fields;
    fields = {
      ...rest,
      ProcReturnCode: '00',
      Response: 'Approved',
      TransId: 'T123456789',
      AuthCode: '123456',
      mdStatus: '1',
    };
  });

  const refusedAudits = async () =>
    ctx.platform.db.orm.select().from(auditEvents).where(eq(auditEvents.action, 'payment.callback_refused'));

  it('refuses an altered amount, a forged hash, a wrong amount and an unknown order, and logs each', async () => {
    const before = (await refusedAudits()).length;
    const genuine = { ...fields, HASH: cmiHash(fields, storeKey()) };
    // Altered after signing: the hash no longer matches.
    expect((await callback({ ...genuine, amount: '1.00' })).body).toBe('FAILURE');
    // Signed with a guessed key.
    expect((await callback({ ...fields, HASH: cmiHash(fields, 'not-the-store-key') })).body).toBe('FAILURE');
    // Correctly signed (a leaked key) but not the amount we asked for.
    const cheap = { ...fields, amount: '1.00' };
    expect((await callback({ ...cheap, HASH: cmiHash(cheap, storeKey()) })).body).toBe('FAILURE');
    // An order we never issued.
    const unknown = { ...fields, oid: 'AUST-OP-2026-999999-1' };
    expect((await callback({ ...unknown, HASH: cmiHash(unknown, storeKey()) })).body).toBe('FAILURE');
    // No hash at all.
    expect((await callback(fields)).body).toBe('FAILURE');

    expect((await orderRow(order.id)).status).toBe('pending');
    const outcomes = (
      await ctx.platform.db.orm.select().from(paymentCallbacks).where(eq(paymentCallbacks.oid, fields.oid!))
    ).map((c) => c.outcome);
    expect(outcomes).toEqual(['hash_mismatch', 'hash_mismatch', 'amount_mismatch', 'hash_mismatch']);
    const audits = await refusedAudits();
    expect(audits.length - before).toBe(5);
    expect(audits.map((a) => (a.summary as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['hash_mismatch', 'amount_mismatch', 'unknown_order']),
    );
    // Then the genuine callback still works.
    expect((await callback(genuine)).body).toBe('ACTION=POSTAUTH');
    expect((await orderRow(order.id)).status).toBe('paid');
  });
});

describe('failing cards, 3-D Secure, and a second approval of a paid order', () => {
  it('acknowledges a declined card (APPROVED) and keeps the order payable', async () => {
    const order = await depositOrder();
    const declined = await payWithCard(citizen.client, order.id, '4000000000000002');
    expect(declined.html).toContain('<code>APPROVED</code>');
    expect(declined.returnUrl).toBe('http://taamir.test/api/payments/cmi/fail');
    expect(declined.callback).toMatchObject({ ProcReturnCode: '05', Response: 'Declined' });
    const back = await citizen.client.post('/api/payments/cmi/fail', form(declined.callback), FORM);
    expect(back.headers.location).toBe(`/payments/orders/${order.id}?return=fail`);
    const view = (await citizen.client.get(`/api/payments/orders/${order.id}`)).json() as OrderView;
    expect(view).toMatchObject({ status: 'pending', payable: true, case: { state: 'awaiting_payment' } });
    expect(view.attempts.map((a) => a.status)).toEqual(['declined']);

    // 3-D Secure: a wrong code fails, the right one pays.
    const wrong = await payWithCard(citizen.client, order.id, '5191630100004896', '999');
    expect(wrong.callback).toMatchObject({ mdStatus: '0', Response: 'Declined' });
    const right = await payWithCard(citizen.client, order.id, '5191630100004896', '123');
    expect(right.callback).toMatchObject({ mdStatus: '1', ProcReturnCode: '00' });
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('does not capture a second approval of an order already paid', async () => {
    const order = await depositOrder();
    const first = await checkout(citizen.client, order.id);
    const second = await checkout(citizen.client, order.id);
    const approve = (start: { fields: Record<string, string> }, transId: string) => {
      const { HASH: _h, ...rest } = start.fields;
      const f = { ...rest, ProcReturnCode: '00', Response: 'Approved', TransId: transId, AuthCode: '1' };
      return { ...f, HASH: cmiHash(f, storeKey()) };
    };
    expect((await callback(approve(first, 'TX-A'))).body).toBe('ACTION=POSTAUTH');
    expect((await callback(approve(second, 'TX-B'))).body).toBe('APPROVED');
    const attempts = await ctx.platform.db.orm
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.orderId, order.id));
    expect(attempts.map((a) => a.status).sort()).toEqual(['approved', 'not_captured']);
    expect(
      await ctx.platform.db.orm.select({ n: count() }).from(payments).where(eq(payments.orderId, order.id)),
    ).toEqual([{ n: 1 }]);
  });

  it('waives a fully exempt order and moves the case on without payment', async () => {
    const created = await citizen.client.post('/api/cases', {
      procedure: 'EDOC',
      agencyCode: 'AUST',
      data: {
        document_kind: 'regulation_extract',
        plan_reference: 'PA Témara',
        copies: 1,
        requester_kind: 'public_body',
      },
    });
    const id = created.json().id as string;
    await citizen.client.upload(
      `/api/cases/${id}/documents`,
      { checklistCode: 'public_body_letter' },
      { filename: 'lettre.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') },
    );
    const version = (await citizen.client.get(`/api/cases/${id}`)).json().version;
    const deposited = await citizen.client.post(`/api/cases/${id}/transitions/deposit`, {
      version,
      input: {},
    });
    expect(deposited.statusCode, deposited.body).toBe(200);
    const [order] = (await citizen.client.get(`/api/cases/${id}/payment-orders`)).json() as OrderView[];
    expect(order).toMatchObject({ status: 'waived', amountCentimes: 0, payable: false });
    await ctx.drain();
    expect((await citizen.client.get(`/api/cases/${id}`)).json().state.key).toBe('in_preparation');
  });
});

describe('delivery, refunds and reconciliation', () => {
  it('delivers the signed certified document once paid', async () => {
    const order = await depositOrder({
      document_kind: 'regulation_extract',
      plan_reference: 'PA Témara, zone B4',
      copies: 1,
      requester_kind: 'professional',
    });
    await payWithCard(citizen.client, order.id, '5453010000066100');
    const caseId = order.case.id;
    const view = (await instructor.client.get(`/api/staff/cases/${caseId}`)).json();
    expect(view.state.key).toBe('in_preparation');
    const delivered = await instructor.client.post(`/api/cases/${caseId}/transitions/deliver`, {
      version: view.version,
      input: { text: 'Article 12 — Zone B4 : hauteur maximale 16 m (R+4).\nCOS 2,4 ; CES 60 %.' },
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    await ctx.drain();
    const docs = (await citizen.client.get(`/api/cases/${caseId}/issued-documents`)).json() as {
      id: string;
      type: string;
      ready: boolean;
    }[];
    expect(docs.map((d) => d.type).sort()).toEqual([
      'certified_document',
      'deposit_receipt',
      'payment_receipt',
    ]);
    expect(docs.every((d) => d.ready)).toBe(true);
    const certified = docs.find((d) => d.type === 'certified_document')!;
    const bytes = (await citizen.client.get(`/api/documents/${certified.id}/file`)).rawPayload;
    writeFileSync(path.join(OUT, 'certified-document.pdf'), bytes);
    const text = pdftotext(bytes);
    expect(text).toContain("Extrait certifié conforme du règlement d'aménagement");
    expect(text).toContain('hauteur maximale 16 m');
    const [row] = await ctx.platform.db.orm
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, certified.id));
    expect(row!.signers.map((s) => s.role)).toEqual(['instructor', 'seal']);
  });

  let refundable: OrderView;
  it('records refunds as audited acts of the agency finance staff, never above the amount paid', async () => {
    refundable = await depositOrder();
    await payWithCard(citizen.client, refundable.id, '4000000000000010');
    const url = `/api/staff/payments/orders/${refundable.id}/refunds`;
    expect(
      (await foreignFinance.client.post(url, { amountCentimes: 1000, reason: 'Erreur de saisie' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await instructor.client.post(url, { amountCentimes: 1000, reason: 'Erreur de saisie' })).statusCode,
    ).toBe(403);
    const partial = await finance.client.post(url, {
      amountCentimes: 20_000,
      reason: 'Un exemplaire non délivré',
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ status: 'paid', refundedCentimes: 20_000 });
    const tooMuch = await finance.client.post(
      url,
      { amountCentimes: 40_000, reason: 'Remboursement total' },
      { 'accept-language': 'fr' },
    );
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().detail).toContain('300,00 MAD');
    const rest = await finance.client.post(url, { amountCentimes: 30_000, reason: 'Commande annulée' });
    expect(rest.json()).toMatchObject({ status: 'refunded', refundedCentimes: 50_000 });
    const audits = await ctx.platform.db.orm
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'payment.refunded'), eq(auditEvents.objectId, refundable.id)));
    expect(audits).toHaveLength(2);
  });

  it('reconciles the day: orders, payments, refunds and gaps, with totals that add up', async () => {
    const json = await finance.client.get(
      `/api/staff/payments/reconciliation?agency=AUST&date=${DAY}&format=json`,
    );
    expect(json.statusCode, json.body).toBe(200);
    const report = json.json() as {
      totals: {
        orders: { count: number; amountCentimes: number };
        payments: { count: number; amountCentimes: number };
        refunds: { count: number; amountCentimes: number };
        netCentimes: number;
        gaps: number;
      };
      lines: { section: string; status: string; amountCentimes: number }[];
    };
    // Cross-check with the database.
    const orders = await ctx.platform.db.orm.select().from(paymentOrders);
    const paid = await ctx.platform.db.orm.select().from(payments);
    expect(report.totals.orders).toEqual({
      count: orders.length,
      amountCentimes: orders.reduce((t, o) => t + o.amountCentimes, 0),
    });
    expect(report.totals.payments).toEqual({
      count: paid.length,
      amountCentimes: paid.reduce((t, p) => t + p.amountCentimes, 0),
    });
    expect(report.totals.refunds).toEqual({ count: 2, amountCentimes: 50_000 });
    expect(report.totals.netCentimes).toBe(report.totals.payments.amountCentimes - 50_000);
    // The approval that was not captured is a gap to check with the bank; so are the refused callbacks.
    const gaps = report.lines.filter((l) => l.section === 'gap').map((l) => l.status);
    expect(gaps).toContain('approved_not_captured');
    expect(gaps).toContain('callback_amount_mismatch');

    const csv = await finance.client.get(`/api/staff/payments/reconciliation?agency=AUST&date=${DAY}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'section,date,agency,order_number,case_reference,service,amount_mad,status,transaction_id,receipt_number,occurred_at,detail',
    );
    const totalOf = (label: string) =>
      lines.find((l) => l.startsWith('total,') && l.split(',')[7] === label)!.split(',');
    expect(totalOf('payments')[6]).toBe((report.totals.payments.amountCentimes / 100).toFixed(2));
    expect(totalOf('refunds')[6]).toBe('-500.00'); // money out, as the refund lines
    expect(totalOf('net')[6]).toBe((report.totals.netCentimes / 100).toFixed(2));
    // Another agency's finance staff cannot read this report; a day without activity is empty.
    expect(
      (await foreignFinance.client.get(`/api/staff/payments/reconciliation?agency=AUST&date=${DAY}`))
        .statusCode,
    ).toBe(404);
    const empty = (
      await finance.client.get(`/api/staff/payments/reconciliation?agency=AUST&date=2026-03-15&format=json`)
    ).json();
    expect(empty.totals).toMatchObject({ orders: { count: 0 }, payments: { count: 0 }, gaps: 0 });
  });
});

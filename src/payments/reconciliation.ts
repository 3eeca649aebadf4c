// The daily reconciliation report of an agency (Moroccan calendar day): orders created, payments
// captured, refunds recorded, and the gaps the finance service must look at — pre-authorisations the
// bank approved but we did not capture, payers sent back "OK" whose callback never came, payments
// whose receipt is not signed yet, callbacks refused. CSV for spreadsheets, totals for checks.
import { sql } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { rows } from '../platform/db/database.ts';

const TZ = 'Africa/Casablanca';

export type ReconciliationTotals = {
  orders: { count: number; amountCentimes: number };
  payments: { count: number; amountCentimes: number };
  refunds: { count: number; amountCentimes: number };
  netCentimes: number;
  gaps: number;
};

export type ReconciliationLine = {
  section: 'order' | 'payment' | 'refund' | 'gap';
  orderNumber: string;
  caseReference: string;
  service: string;
  amountCentimes: number;
  status: string;
  transactionId: string;
  receiptNumber: string;
  occurredAt: string;
  detail: string;
};

export type Reconciliation = {
  agency: string;
  date: string;
  lines: ReconciliationLine[];
  totals: ReconciliationTotals;
  csv: string;
};

const HEADER = [
  'section',
  'date',
  'agency',
  'order_number',
  'case_reference',
  'service',
  'amount_mad',
  'status',
  'transaction_id',
  'receipt_number',
  'occurred_at',
  'detail',
];

export const madAmount = (centimes: number): string => {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** RFC 4180 field; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
const csvField = (value: string): string => {
  const safe = /^[=+@]/.test(value) || /^-[^0-9]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const iso = (value: Date | string) => new Date(value).toISOString();

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => Number(v ?? 0);

export async function reconciliation(
  db: Orm,
  input: { agencyId: string; agencyCode: string; date: string },
): Promise<Reconciliation> {
  const { agencyId, date } = input;
  const day = (column: string) => sql.raw(`((${column} at time zone '${TZ}')::date)`);
  const orders = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, o.amount_centimes, o.status, o.created_at
        from payment_orders o join cases c on c.id = o.case_id
        where o.agency_id = ${agencyId} and ${day('o.created_at')} = ${date}::date
        order by o.created_at, o.number`,
  );
  const paid = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, p.amount_centimes, p.trans_id, p.paid_at, p.gateway,
               d.number as receipt_number, d.status as receipt_status
        from payments p join payment_orders o on o.id = p.order_id join cases c on c.id = o.case_id
        left join issued_documents d on d.id = p.receipt_document_id
        where p.agency_id = ${agencyId} and ${day('p.paid_at')} = ${date}::date
        order by p.paid_at, o.number`,
  );
  const refunded = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, r.amount_centimes, p.trans_id, r.created_at, r.reason
        from refunds r join payments p on p.id = r.payment_id join payment_orders o on o.id = r.order_id
        join cases c on c.id = o.case_id
        where r.agency_id = ${agencyId} and ${day('r.created_at')} = ${date}::date
        order by r.created_at`,
  );
  const notCaptured = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, a.amount_centimes, a.trans_id, a.completed_at, a.oid
        from payment_attempts a join payment_orders o on o.id = a.order_id join cases c on c.id = o.case_id
        where o.agency_id = ${agencyId} and a.status = 'not_captured' and ${day('a.completed_at')} = ${date}::date`,
  );
  const callbackMissing = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, a.amount_centimes, a.browser_returned_at, a.oid
        from payment_attempts a join payment_orders o on o.id = a.order_id join cases c on c.id = o.case_id
        where o.agency_id = ${agencyId} and a.status = 'initiated' and a.browser_return = 'ok'
          and ${day('a.created_at')} = ${date}::date`,
  );
  const refusedCallbacks = await rows<Row>(
    db,
    sql`select o.number, c.reference, o.service, a.amount_centimes, k.received_at, k.outcome, k.oid
        from payment_callbacks k join payment_attempts a on a.id = k.attempt_id
        join payment_orders o on o.id = a.order_id join cases c on c.id = o.case_id
        where o.agency_id = ${agencyId} and k.outcome in ('hash_mismatch', 'amount_mismatch')
          and ${day('k.received_at')} = ${date}::date
        order by k.received_at`,
  );

  const lines: ReconciliationLine[] = [];
  for (const o of orders)
    lines.push({
      section: 'order',
      orderNumber: s(o.number),
      caseReference: s(o.reference),
      service: s(o.service),
      amountCentimes: n(o.amount_centimes),
      status: s(o.status),
      transactionId: '',
      receiptNumber: '',
      occurredAt: iso(o.created_at as string),
      detail: '',
    });
  for (const p of paid)
    lines.push({
      section: 'payment',
      orderNumber: s(p.number),
      caseReference: s(p.reference),
      service: s(p.service),
      amountCentimes: n(p.amount_centimes),
      status: 'captured',
      transactionId: s(p.trans_id),
      receiptNumber: s(p.receipt_number),
      occurredAt: iso(p.paid_at as string),
      detail: s(p.gateway),
    });
  for (const r of refunded)
    lines.push({
      section: 'refund',
      orderNumber: s(r.number),
      caseReference: s(r.reference),
      service: s(r.service),
      amountCentimes: -n(r.amount_centimes),
      status: 'refunded',
      transactionId: s(r.trans_id),
      receiptNumber: '',
      occurredAt: iso(r.created_at as string),
      detail: s(r.reason),
    });
  const gap = (row: Row, status: string, at: unknown, detail: string, transactionId = '') =>
    lines.push({
      section: 'gap',
      orderNumber: s(row.number),
      caseReference: s(row.reference),
      service: s(row.service),
      amountCentimes: n(row.amount_centimes),
      status,
      transactionId,
      receiptNumber: '',
      occurredAt: at ? iso(at as string) : '',
      detail,
    });
  for (const a of notCaptured)
    gap(
      a,
      'approved_not_captured',
      a.completed_at,
      `oid ${s(a.oid)}: check the pre-authorisation lapsed`,
      s(a.trans_id),
    );
  for (const a of callbackMissing)
    gap(
      a,
      'callback_missing',
      a.browser_returned_at,
      `oid ${s(a.oid)}: payer returned OK, no callback received`,
    );
  for (const p of paid)
    if (p.receipt_status === null || p.receipt_status === undefined || p.receipt_status === 'pending')
      gap(p, 'receipt_not_signed', p.paid_at, `receipt ${s(p.receipt_number) || 'missing'}`, s(p.trans_id));
  for (const k of refusedCallbacks)
    gap(k, `callback_${s(k.outcome)}`, k.received_at, `oid ${s(k.oid)}: callback refused`);

  const sum = (section: ReconciliationLine['section']) => {
    const selected = lines.filter((l) => l.section === section);
    return { count: selected.length, amountCentimes: selected.reduce((t, l) => t + l.amountCentimes, 0) };
  };
  const refundsTotal = sum('refund');
  const totals: ReconciliationTotals = {
    orders: sum('order'),
    payments: sum('payment'),
    refunds: { count: refundsTotal.count, amountCentimes: -refundsTotal.amountCentimes },
    netCentimes: sum('payment').amountCentimes + refundsTotal.amountCentimes,
    gaps: sum('gap').count,
  };

  const csvLines = [HEADER.join(',')];
  for (const l of lines) {
    csvLines.push(
      [
        l.section,
        date,
        input.agencyCode,
        l.orderNumber,
        l.caseReference,
        l.service,
        madAmount(l.amountCentimes),
        l.status,
        l.transactionId,
        l.receiptNumber,
        l.occurredAt,
        l.detail,
      ]
        .map(csvField)
        .join(','),
    );
  }
  const total = (label: string, amount: number, count: number) =>
    ['total', date, input.agencyCode, '', '', '', madAmount(amount), label, '', '', '', `count=${count}`]
      .map(csvField)
      .join(',');
  csvLines.push(
    total('orders', totals.orders.amountCentimes, totals.orders.count),
    total('payments', totals.payments.amountCentimes, totals.payments.count),
    total('refunds', -totals.refunds.amountCentimes, totals.refunds.count),
    total('net', totals.netCentimes, totals.payments.count + totals.refunds.count),
    total('gaps', 0, totals.gaps),
  );
  return { agency: input.agencyCode, date, lines, totals, csv: `${csvLines.join('\r\n')}\r\n` };
}

// Drizzle descriptions of migrations/0300_payments.sql (checked by the schema drift test).
import { bigint, bigserial, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../platform/i18n/locale.ts';
import type { Exemption, FeeLine, TariffRule } from './tariff.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const tariffs = pgTable('tariffs', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id'),
  service: text('service').notNull(),
  version: integer('version').notNull(),
  label: jsonb('label').$type<Localized>().notNull(),
  rule: jsonb('rule').$type<TariffRule>().notNull(),
  exemptions: jsonb('exemptions').$type<Exemption[]>().notNull().default([]),
  legalBasis: jsonb('legal_basis').$type<Localized>(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  supersededAt: tz('superseded_at'),
});
export type TariffRow = typeof tariffs.$inferSelect;

export const paymentCounters = pgTable('payment_counters', {
  agencyId: uuid('agency_id').notNull(),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull(),
});

export type OrderStatus = 'pending' | 'paid' | 'waived' | 'cancelled' | 'refunded';

export const paymentOrders = pgTable('payment_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  caseId: uuid('case_id').notNull(),
  number: text('number').notNull().unique(),
  service: text('service').notNull(),
  tariffId: uuid('tariff_id').notNull(),
  label: jsonb('label').$type<Localized>().notNull(),
  lines: jsonb('lines').$type<FeeLine[]>().notNull(),
  amountCentimes: money('amount_centimes').notNull(),
  currency: text('currency').$type<'MAD'>().notNull().default('MAD'),
  status: text('status').$type<OrderStatus>().notNull(),
  payerUserId: uuid('payer_user_id'),
  payerName: text('payer_name').notNull(),
  payerEmail: text('payer_email'),
  payerLocale: text('payer_locale').$type<'ar' | 'fr' | 'en'>().notNull().default('ar'),
  createdAt: tz('created_at').notNull(),
  paidAt: tz('paid_at'),
  cancelledAt: tz('cancelled_at'),
  refundedCentimes: money('refunded_centimes').notNull().default(0),
});
export type OrderRow = typeof paymentOrders.$inferSelect;

export type Gateway = 'cmi' | 'cmi-sandbox';
export type AttemptStatus = 'initiated' | 'approved' | 'declined' | 'not_captured';

export const paymentAttempts = pgTable('payment_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull(),
  oid: text('oid').notNull().unique(),
  gateway: text('gateway').$type<Gateway>().notNull(),
  amountCentimes: money('amount_centimes').notNull(),
  status: text('status').$type<AttemptStatus>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull(),
  completedAt: tz('completed_at'),
  procReturnCode: text('proc_return_code'),
  response: text('response'),
  transId: text('trans_id'),
  authCode: text('auth_code'),
  mdStatus: text('md_status'),
  errorMessage: text('error_message'),
  maskedPan: text('masked_pan'),
  reply: text('reply'),
  browserReturn: text('browser_return').$type<'ok' | 'fail'>(),
  browserReturnedAt: tz('browser_returned_at'),
});
export type AttemptRow = typeof paymentAttempts.$inferSelect;

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull().unique(),
  attemptId: uuid('attempt_id').notNull().unique(),
  agencyId: uuid('agency_id').notNull(),
  amountCentimes: money('amount_centimes').notNull(),
  gateway: text('gateway').$type<Gateway>().notNull(),
  transId: text('trans_id').notNull(),
  authCode: text('auth_code'),
  paidAt: tz('paid_at').notNull(),
  receiptDocumentId: uuid('receipt_document_id'),
});
export type PaymentRow = typeof payments.$inferSelect;

export const refunds = pgTable('refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  paymentId: uuid('payment_id').notNull(),
  orderId: uuid('order_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  amountCentimes: money('amount_centimes').notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: tz('created_at').notNull(),
});
export type RefundRow = typeof refunds.$inferSelect;

export const paymentCallbacks = pgTable('payment_callbacks', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  receivedAt: tz('received_at').notNull(),
  gateway: text('gateway').notNull(),
  oid: text('oid'),
  attemptId: uuid('attempt_id'),
  outcome: text('outcome').notNull(),
  reply: text('reply').notNull(),
  fields: jsonb('fields').$type<Record<string, string>>().notNull(),
  ip: text('ip'),
  requestId: text('request_id'),
});

// Drizzle descriptions of migrations/0600_complaints.sql (checked by the schema drift test). The
// location column is written and read with raw SQL (ST_MakePoint, ST_X/ST_Y); here it is only described.
import { boolean, customType, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n/locale.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const point = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(Point,4326)',
});

/** Open311 attribute datatypes, which the extra questions map to one for one. */
export type QuestionType = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export type Question = {
  code: string;
  datatype: QuestionType;
  required: boolean;
  label: Localized;
  hint?: Localized;
  values?: { key: string; name: Localized }[];
};

export const complaintCategories = pgTable('complaint_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  code: text('code').notNull(),
  name: jsonb('name').$type<Localized>().notNull(),
  description: jsonb('description').$type<Localized>(),
  groupName: jsonb('group_name').$type<Localized>(),
  keywords: text('keywords').array().notNull().default([]),
  answerDays: integer('answer_days').notNull(),
  isPublic: boolean('is_public').notNull().default(false),
  locationRequired: boolean('location_required').notNull().default(false),
  questions: jsonb('questions').$type<Question[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
export type CategoryRow = typeof complaintCategories.$inferSelect;

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export const complaints = pgTable('complaints', {
  caseId: uuid('case_id').primaryKey(),
  agencyId: uuid('agency_id').notNull(),
  categoryId: uuid('category_id').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
  location: point('location'),
  address: text('address'),
  priority: text('priority').$type<Priority>(),
  unit: text('unit'),
  isPublic: boolean('is_public').notNull(),
  visibilityDecidedBy: uuid('visibility_decided_by'),
  duplicateOf: uuid('duplicate_of'),
  redirectBodyCode: text('redirect_body_code'),
  contactChannel: text('contact_channel').$type<'email' | 'sms'>().notNull(),
  contactPhone: text('contact_phone'),
  trackingSealed: text('tracking_sealed'),
  source: text('source').$type<'web' | 'open311'>().notNull(),
  partnerTokenId: uuid('partner_token_id'),
  mediaUrl: text('media_url'),
  firstAnsweredAt: tz('first_answered_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});
export type ComplaintRow = typeof complaints.$inferSelect;

export const complaintRedactions = pgTable('complaint_redactions', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  target: text('target').notNull(),
  publicText: text('public_text'),
  hidden: boolean('hidden').notNull().default(false),
  reason: text('reason').notNull(),
  redactedBy: uuid('redacted_by').notNull(),
  redactedAt: tz('redacted_at').notNull().defaultNow(),
});
export type RedactionRow = typeof complaintRedactions.$inferSelect;

export type TemplateKind = 'answer' | 'update' | 'not_competent' | 'duplicate';

export const complaintTemplates = pgTable('complaint_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  categoryId: uuid('category_id'),
  locale: text('locale').$type<'ar' | 'fr' | 'en'>().notNull(),
  kind: text('kind').$type<TemplateKind>().notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
export type TemplateRow = typeof complaintTemplates.$inferSelect;

export const complaintVerifications = pgTable('complaint_verifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').$type<'email' | 'sms'>().notNull(),
  destination: text('destination').notNull(),
  locale: text('locale').$type<'ar' | 'fr' | 'en'>().notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  verifiedAt: tz('verified_at'),
  proofHash: text('proof_hash').unique(),
  proofExpiresAt: tz('proof_expires_at'),
  usedAt: tz('used_at'),
  usedFor: uuid('used_for'),
  ip: text('ip'),
});

export const open311Tokens = pgTable('open311_tokens', {
  token: text('token').primaryKey(),
  caseId: uuid('case_id').notNull(),
  apiTokenId: uuid('api_token_id').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

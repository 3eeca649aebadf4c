// Drizzle descriptions of the platform tables created by migrations/0001_platform.sql.
// The SQL migration is the source of truth; test/integration/schema-drift.int.test.ts checks that
// every column described here exists in the migrated database with the same type.
import { bigint, bigserial, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
});

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  regionCode: text('region_code').notNull(),
  kind: text('kind').$type<'prefecture' | 'province'>().notNull(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
});

export type AgencyContact = {
  address: { ar: string; fr: string };
  phones: { service: string; number: string }[];
  email: string;
  website: string;
  social: Partial<Record<'facebook' | 'x' | 'youtube' | 'linkedin' | 'instagram', string>>;
  hours: { ar: string; fr: string };
};

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  seat: jsonb('seat').$type<{ ar: string; fr: string }>().notNull(),
  contact: jsonb('contact').$type<AgencyContact>().notNull(),
  demoFields: text('demo_fields').array().notNull().default([]),
  unverifiedFields: text('unverified_fields').array().notNull().default([]),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const agencyProvinces = pgTable('agency_provinces', {
  provinceCode: text('province_code').primaryKey(),
  agencyId: uuid('agency_id').notNull(),
});

export const communes = pgTable('communes', {
  code: text('code').primaryKey(),
  provinceCode: text('province_code').notNull(),
  kind: text('kind').$type<'urban' | 'rural' | 'arrondissement'>().notNull(),
  parentCode: text('parent_code'),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
});

export const bodies = pgTable('bodies', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
  scopeProvinces: text('scope_provinces').array().notNull().default([]),
});

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'agency' | 'commune' | 'body' | 'ministry' | 'platform'>().notNull(),
  code: text('code').notNull().unique(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  agencyId: uuid('agency_id'),
  communeCode: text('commune_code'),
  bodyCode: text('body_code'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  emailNormalized: text('email_normalized').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  fullName: text('full_name').notNull(),
  phone: text('phone'),
  accountType: text('account_type').$type<'citizen' | 'professional' | 'staff'>().notNull(),
  profession: text('profession').$type<'architect' | 'surveyor' | 'engineering_firm' | 'promoter'>(),
  professionalNumber: text('professional_number'),
  locale: text('locale').$type<'ar' | 'fr' | 'en'>().notNull().default('ar'),
  emailVerifiedAt: tz('email_verified_at'),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabledAt: tz('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: tz('locked_until'),
  disabledAt: tz('disabled_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  revokedAt: tz('revoked_at'),
  revokedBy: uuid('revoked_by'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  stage: text('stage').$type<'password' | 'complete'>().notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
});

export const userTokens = pgTable('user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  purpose: text('purpose').$type<'verify_email' | 'reset_password'>().notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  tokenHash: text('token_hash').notNull(),
  scopes: text('scopes').array().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at'),
  lastUsedAt: tz('last_used_at'),
  revokedAt: tz('revoked_at'),
});

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: tz('window_start').notNull(),
  hits: integer('hits').notNull(),
});

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  lastPosition: bigint('last_position', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chain: text('chain').notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
  occurredAt: tz('occurred_at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  organizationId: uuid('organization_id'),
  agencyId: uuid('agency_id'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
  requestId: text('request_id'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  topic: text('topic').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  dedupeKey: text('dedupe_key').unique(),
  createdAt: tz('created_at').notNull().defaultNow(),
  availableAt: tz('available_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  processedAt: tz('processed_at'),
});

export const sentMails = pgTable('sent_mails', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  outboxId: bigint('outbox_id', { mode: 'number' }),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  template: text('template').notNull(),
  locale: text('locale').notNull(),
  transport: text('transport').notNull(),
  messageId: text('message_id'),
  sentAt: tz('sent_at').notNull().defaultNow(),
});

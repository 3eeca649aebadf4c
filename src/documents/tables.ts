// Drizzle descriptions of migrations/0200_documents.sql (checked by the schema drift test).
import {
  bigint,
  bigserial,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JsonValue } from './render.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type CertificateKind = 'root' | 'issuing_ca' | 'signatory' | 'seal';

export const pkiCertificates = pgTable('pki_certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<CertificateKind>().notNull(),
  agencyId: uuid('agency_id'),
  issuerId: uuid('issuer_id'),
  holder: text('holder').notNull(),
  userId: uuid('user_id'),
  signatoryRole: text('signatory_role'),
  subject: text('subject').notNull(),
  serialNumber: text('serial_number').notNull().unique(),
  certificatePem: text('certificate_pem').notNull(),
  encryptedKeyPem: text('encrypted_key_pem').notNull(),
  notBefore: tz('not_before').notNull(),
  notAfter: tz('not_after').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  retiredAt: tz('retired_at'),
});
export type CertificateRow = typeof pkiCertificates.$inferSelect;

export const documentCounters = pgTable('document_counters', {
  agencyId: uuid('agency_id').notNull(),
  series: text('series').notNull(),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull(),
});

export type DocumentStatus = 'pending' | 'valid' | 'revoked' | 'superseded';

/** Who signs, decided when the document is registered (certificates are looked up at signing time). */
export type PlannedSignatory =
  | { holder: 'seal' }
  | {
      holder: 'user';
      userId: string;
      role: 'instructor' | 'agency-director' | 'commune-president' | 'committee-member';
      nameLatin: string;
      nameArabic: string;
    }
  | {
      holder: 'specimen';
      key: string;
      role: 'instructor' | 'agency-director';
      nameLatin: string;
      nameArabic: string;
    };

/** A signature as applied: shown on the verification page. */
export type SignerRecord = {
  role: string;
  name: string;
  fieldName: string;
  subject: string;
  serialNumber: string;
  signingTime: string;
};

/** A mail to send with the signed PDF attached, once it exists. */
export type Delivery = {
  to: string;
  locale: 'ar' | 'fr' | 'en';
  vars: Record<string, string>;
};

export type LocalizedTitle = { ar: string; fr: string; en: string };

export const issuedDocuments = pgTable('issued_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  caseId: uuid('case_id'),
  type: text('type').notNull(),
  number: text('number').notNull().unique(),
  title: jsonb('title').$type<LocalizedTitle>().notNull(),
  verificationCode: text('verification_code').notNull().unique(),
  sourceKey: text('source_key').notNull().unique(),
  status: text('status').$type<DocumentStatus>().notNull(),
  specimen: boolean('specimen').notNull().default(false),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedAt: tz('issued_at').notNull(),
  template: text('template').notNull(),
  data: jsonb('data').$type<JsonValue>().notNull(),
  plannedSignatures: jsonb('planned_signatures').$type<PlannedSignatory[]>().notNull(),
  signers: jsonb('signers').$type<SignerRecord[]>().notNull().default([]),
  recipientUserId: uuid('recipient_user_id'),
  filename: text('filename').notNull(),
  delivery: jsonb('delivery').$type<Delivery>(),
  sha256: text('sha256'),
  sizeBytes: bigint('size_bytes', { mode: 'number' }),
  renderedAt: tz('rendered_at'),
  supersedesId: uuid('supersedes_id'),
  supersededById: uuid('superseded_by_id'),
  statusChangedAt: tz('status_changed_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});
export type IssuedDocumentRow = typeof issuedDocuments.$inferSelect;

export const documentActs = pgTable('document_acts', {
  id: uuid('id').primaryKey().defaultRandom(),
  documentId: uuid('document_id').notNull(),
  kind: text('kind').$type<'revocation' | 'supersession'>().notNull(),
  reason: text('reason').notNull(),
  replacementId: uuid('replacement_id'),
  actorUserId: uuid('actor_user_id').notNull(),
  certificateId: uuid('certificate_id').notNull(),
  statement: text('statement').notNull(),
  signatureCms: text('signature_cms').notNull(),
  actedAt: tz('acted_at').notNull(),
});
export type DocumentActRow = typeof documentActs.$inferSelect;

export const documentVerifications = pgTable('document_verifications', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: tz('occurred_at').notNull().defaultNow(),
  method: text('method').$type<'code' | 'file'>().notNull(),
  codeGiven: text('code_given'),
  documentId: uuid('document_id'),
  outcome: text('outcome').notNull(),
  fileSha256: text('file_sha256'),
  fileBytes: bigint('file_bytes', { mode: 'number' }),
  fileType: text('file_type'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  requestId: text('request_id'),
});

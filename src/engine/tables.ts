// Drizzle descriptions of migrations/0100_engine.sql (checked by the schema drift test).
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

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const caseCounters = pgTable('case_counters', {
  agencyId: uuid('agency_id').notNull(),
  procedureCode: text('procedure_code').notNull(),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull(),
});

export type ApplicantContact = {
  name: string;
  email?: string;
  phone?: string;
  /** How the applicant wants to hear from us. */
  channels: ('email' | 'sms')[];
  locale: 'ar' | 'fr' | 'en';
  verifiedAt?: string;
};

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  procedureCode: text('procedure_code').notNull(),
  procedureVersion: integer('procedure_version').notNull(),
  reference: text('reference').unique(),
  state: text('state').notNull(),
  phase: text('phase').$type<'draft' | 'open' | 'closed'>().notNull(),
  holder: text('holder').notNull(),
  version: integer('version').notNull().default(1),
  applicantUserId: uuid('applicant_user_id'),
  applicantContact: jsonb('applicant_contact').$type<ApplicantContact>(),
  trackingTokenHash: text('tracking_token_hash').unique(),
  communeCode: text('commune_code'),
  isInvestment: boolean('is_investment').notNull().default(false),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  title: text('title'),
  assignedTo: uuid('assigned_to'),
  assignedAt: tz('assigned_at'),
  stateEnteredAt: tz('state_entered_at').notNull().defaultNow(),
  depositedAt: tz('deposited_at'),
  closedAt: tz('closed_at'),
  missingPiecesRequestedAt: tz('missing_pieces_requested_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
export type CaseRow = typeof cases.$inferSelect;

export type EventVisibility = 'public' | 'applicant' | 'internal';

export const caseEvents = pgTable('case_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull(),
  occurredAt: tz('occurred_at').notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  actorSide: text('actor_side').$type<'applicant' | 'staff' | 'system'>().notNull(),
  kind: text('kind').notNull(),
  transition: text('transition'),
  fromState: text('from_state'),
  toState: text('to_state'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  visibility: text('visibility').$type<EventVisibility>().notNull(),
});

export const caseClocks = pgTable('case_clocks', {
  caseId: uuid('case_id').notNull(),
  clockKey: text('clock_key').notNull(),
  status: text('status').$type<'running' | 'paused' | 'stopped' | 'expired'>().notNull(),
  unit: text('unit').$type<'working' | 'calendar'>().notNull(),
  days: integer('days').notNull(),
  legal: boolean('legal').notNull(),
  startedOn: day('started_on').notNull(),
  deadline: day('deadline').notNull(),
  pausedOn: day('paused_on'),
  pausedDays: integer('paused_days').notNull().default(0),
  actionsDone: text('actions_done').array().notNull().default([]),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
export type ClockRow = typeof caseClocks.$inferSelect;

export const caseRequests = pgTable('case_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').$type<'missing_piece' | 'replacement_document' | 'clarification'>().notNull(),
  checklistCodes: text('checklist_codes').array().notNull().default([]),
  message: text('message').notNull(),
  dueOn: day('due_on').notNull(),
  state: text('state').$type<'open' | 'answered' | 'expired' | 'cancelled'>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  answeredAt: tz('answered_at'),
  answer: text('answer'),
  closedBy: uuid('closed_by'),
});
export type RequestRow = typeof caseRequests.$inferSelect;

export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  checklistCode: text('checklist_code').notNull(),
  blobSha256: text('blob_sha256').notNull(),
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedSide: text('uploaded_side').$type<'applicant' | 'staff'>().notNull(),
  requestId: uuid('request_id'),
  uploadedAt: tz('uploaded_at').notNull().defaultNow(),
  removedAt: tz('removed_at'),
});

export const caseMessages = pgTable('case_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  authorUserId: uuid('author_user_id'),
  authorSide: text('author_side').$type<'applicant' | 'staff'>().notNull(),
  body: text('body').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const caseNotes = pgTable('case_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  authorUserId: uuid('author_user_id').notNull(),
  body: text('body').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  caseId: uuid('case_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  createdAt: tz('created_at').notNull().defaultNow(),
  readAt: tz('read_at'),
});

export const calendarOverrides = pgTable('calendar_overrides', {
  id: uuid('id').primaryKey().defaultRandom(),
  action: text('action').$type<'move' | 'remove' | 'add'>().notNull(),
  holidayKey: text('holiday_key').notNull(),
  year: integer('year').notNull(),
  date: day('date'),
  days: integer('days'),
  name: jsonb('name').$type<{ ar: string; fr: string; en: string }>(),
  reason: text('reason'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
});

// Drizzle descriptions of migrations/0700_e_note.sql (checked by the schema drift test). The parcel
// column is written with raw SQL (ST_GeomFromGeoJSON); here it is only described.
import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Amendments, NoteContent } from './content.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const multiPolygon = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(MultiPolygon,4326)',
});

export const enoteNotes = pgTable('enote_notes', {
  caseId: uuid('case_id').primaryKey(),
  agencyId: uuid('agency_id').notNull(),
  parcelSource: text('parcel_source').$type<'title' | 'drawn' | 'coordinates' | 'file'>().notNull(),
  landTitleKind: text('land_title_kind').$type<'titre_foncier' | 'requisition'>(),
  landTitleNumber: text('land_title_number'),
  landTitleId: uuid('land_title_id'),
  inputCrs: text('input_crs').notNull(),
  parcelInput: jsonb('parcel_input').$type<Record<string, unknown>>().notNull(),
  parcel: multiPolygon('parcel').notNull(),
  areaM2: doublePrecision('area_m2').notNull(),
  swapped: boolean('swapped').notNull().default(false),
  automatic: jsonb('automatic').$type<NoteContent>(),
  automaticSha256: text('automatic_sha256'),
  automaticAt: tz('automatic_at'),
  amendments: jsonb('amendments').$type<Amendments>().notNull(),
  contentSha256: text('content_sha256'),
  editVersion: integer('edit_version').notNull().default(0),
  reviewedSha256: text('reviewed_sha256'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: tz('reviewed_at'),
  signedSha256: text('signed_sha256'),
  signedBy: uuid('signed_by'),
  signedAt: tz('signed_at'),
  documentId: uuid('document_id'),
  issueCount: integer('issue_count').notNull().default(0),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
export type NoteRow = typeof enoteNotes.$inferSelect;

export type RevisionKind = 'automatic' | 'amended' | 'reviewed' | 'signed' | 'reissued';

export const enoteRevisions = pgTable('enote_revisions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').$type<RevisionKind>().notNull(),
  contentSha256: text('content_sha256').notNull(),
  amendments: jsonb('amendments').$type<Amendments>(),
  reason: text('reason'),
  actorUserId: uuid('actor_user_id'),
  at: tz('at').notNull().defaultNow(),
});

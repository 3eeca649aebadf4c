// Drizzle descriptions of the geoportal tables created by migrations/0400_geo_plans.sql (the SQL is
// the source of truth; test/integration/schema-drift.int.test.ts holds the two together).
// Geometry columns are read and written with raw SQL (ST_AsGeoJSON, ST_GeomFromGeoJSON…); here they
// are only described.
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** A PostGIS column; its value is the database's own text form (EWKB hex) when read through drizzle. */
const geometry = (name: string, type: string) =>
  customType<{ data: string; driverData: string }>({ dataType: () => `geometry(${type},4326)` })(name);
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export type PlanKind = 'sdau' | 'plan_amenagement' | 'plan_developpement' | 'plan_restructuration' | 'other';
export type PlanStatus = 'in_study' | 'public_enquiry' | 'approved' | 'expired' | 'replaced';

export const planDocuments = pgTable('plan_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  slug: text('slug').notNull(),
  kind: text('kind').$type<PlanKind>().notNull(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  communeCodes: text('commune_codes').array().notNull().default([]),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const planVersions = pgTable('plan_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  documentId: uuid('document_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  version: integer('version').notNull(),
  status: text('status').$type<PlanStatus>().notNull(),
  enquiryStart: day('enquiry_start'),
  enquiryEnd: day('enquiry_end'),
  decreeRefFr: text('decree_ref_fr'),
  decreeRefAr: text('decree_ref_ar'),
  approvedOn: day('approved_on'),
  effectsUntil: day('effects_until'),
  replacedOn: day('replaced_on'),
  replacedBy: uuid('replaced_by'),
  sourceCrs: text('source_crs').notNull(),
  importId: uuid('import_id'),
  synthetic: boolean('synthetic').notNull().default(false),
  extent: geometry('extent', 'Polygon'),
  createdAt: tz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const planZoneRules = pgTable('plan_zone_rules', {
  versionId: uuid('version_id').notNull(),
  zoneCode: text('zone_code').notNull(),
  labelAr: text('label_ar'),
  labelFr: text('label_fr'),
  family: text('family').notNull(),
  allowedUses: text('allowed_uses').array().notNull().default([]),
  forbiddenUses: text('forbidden_uses').array().notNull().default([]),
  maxHeightM: doublePrecision('max_height_m'),
  maxFloors: integer('max_floors'),
  floorsText: text('floors_text'),
  cos: doublePrecision('cos'),
  ces: doublePrecision('ces'),
  setbackFrontM: doublePrecision('setback_front_m'),
  setbackSideM: doublePrecision('setback_side_m'),
  setbackRearM: doublePrecision('setback_rear_m'),
  minParcelAreaM2: doublePrecision('min_parcel_area_m2'),
  minFrontageM: doublePrecision('min_frontage_m'),
  articleAr: text('article_ar'),
  articleFr: text('article_fr'),
});

export const planZones = pgTable('plan_zones', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  versionId: uuid('version_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  ref: text('ref'),
  zoneCode: text('zone_code').notNull(),
  labelAr: text('label_ar'),
  labelFr: text('label_fr'),
  family: text('family').notNull(),
  maxHeightM: doublePrecision('max_height_m'),
  maxFloors: integer('max_floors'),
  floorsText: text('floors_text'),
  cos: doublePrecision('cos'),
  ces: doublePrecision('ces'),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  geom: geometry('geom', 'MultiPolygon').notNull(),
});

export const planRoads = pgTable('plan_roads', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  versionId: uuid('version_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  ref: text('ref'),
  labelAr: text('label_ar'),
  labelFr: text('label_fr'),
  status: text('status').$type<'existing' | 'planned' | 'widening'>(),
  plannedWidthM: doublePrecision('planned_width_m'),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  geom: geometry('geom', 'Geometry').notNull(),
  rightOfWay: geometry('right_of_way', 'MultiPolygon'),
});

export const planServitudes = pgTable('plan_servitudes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  versionId: uuid('version_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  ref: text('ref'),
  kind: text('kind').notNull(),
  labelAr: text('label_ar'),
  labelFr: text('label_fr'),
  ruleAr: text('rule_ar'),
  ruleFr: text('rule_fr'),
  authority: text('authority'),
  widthM: doublePrecision('width_m'),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  geom: geometry('geom', 'MultiPolygon').notNull(),
});

export const planReservations = pgTable('plan_reservations', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  versionId: uuid('version_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  ref: text('ref'),
  equipmentKind: text('equipment_kind').notNull(),
  labelAr: text('label_ar'),
  labelFr: text('label_fr'),
  beneficiaryAr: text('beneficiary_ar'),
  beneficiaryFr: text('beneficiary_fr'),
  declaredAreaM2: doublePrecision('declared_area_m2'),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  geom: geometry('geom', 'MultiPolygon').notNull(),
});

export type ImportStatus = 'processing' | 'ready' | 'rejected' | 'published' | 'failed';

export const planImports = pgTable('plan_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  createdBy: uuid('created_by'),
  actorLabel: text('actor_label').notNull(),
  fileName: text('file_name').notNull(),
  fileSize: bigint('file_size', { mode: 'number' }).notNull(),
  fileSha256: text('file_sha256').notNull(),
  statedCrs: text('stated_crs'),
  statedLayer: text('stated_layer'),
  status: text('status').$type<ImportStatus>().notNull(),
  progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default({}),
  report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
  errorCode: text('error_code'),
  source: bytea('source'),
  versionId: uuid('version_id'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  publishedAt: tz('published_at'),
});

export const planImportIssues = pgTable('plan_import_issues', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  importId: uuid('import_id').notNull(),
  layer: text('layer').notNull(),
  featureIndex: integer('feature_index'),
  featureRef: text('feature_ref'),
  severity: text('severity').$type<'error' | 'warning'>().notNull(),
  code: text('code').notNull(),
  field: text('field'),
  message: text('message').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});

export const landTitles = pgTable('land_titles', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  kind: text('kind').$type<'titre_foncier' | 'requisition'>().notNull(),
  number: text('number').notNull(),
  refFr: text('ref_fr').notNull(),
  refAr: text('ref_ar').notNull(),
  propertyNameFr: text('property_name_fr'),
  propertyNameAr: text('property_name_ar'),
  conservation: text('conservation'),
  areaM2: doublePrecision('area_m2'),
  sourceCrs: text('source_crs').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  geom: geometry('geom', 'MultiPolygon').notNull(),
});

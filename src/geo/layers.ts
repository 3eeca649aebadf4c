// The four published layers as the OGC API and the vector tiles serve them: their table, geometry
// column and the properties each feature carries (with its plan). `t` is the layer table, `v` the
// plan version, `d` the document, `a` the agency.
import { type SQL, sql } from 'drizzle-orm';
import type { LayerKind } from './map-attributes.ts';

export type PublishedLayer = {
  id: LayerKind;
  table: string;
  title: { ar: string; fr: string; en: string };
  description: string;
  /** JSON object of the feature's properties (the OGC API). */
  properties: SQL;
  /** Columns for the vector tiles (small: what the map styles and the click need). */
  tileColumns: SQL;
};

const planProperties = sql`'planId', v.document_id, 'planVersionId', v.id, 'plan', d.slug, 'planNameFr', d.name_fr,
  'planNameAr', d.name_ar, 'planVersion', v.version, 'planState', state, 'agency', a.code,
  'decreeRefFr', v.decree_ref_fr, 'decreeRefAr', v.decree_ref_ar, 'approvedOn', v.approved_on`;

export const PUBLISHED_LAYERS: Readonly<Record<LayerKind, PublishedLayer>> = {
  zones: {
    id: 'zones',
    table: 'plan_zones',
    title: { ar: 'مناطق التهيئة', fr: "Zones des plans d'aménagement", en: 'Zoning' },
    description:
      'Zones of the approved planning documents (and those under public enquiry) with their main rules: height, floors, COS, CES.',
    properties: sql`jsonb_build_object('ref', t.ref, 'zoneCode', t.zone_code, 'labelFr', t.label_fr, 'labelAr', t.label_ar,
      'family', t.family, 'maxHeightM', t.max_height_m, 'maxFloorsAboveGround', t.max_floors, 'floors', t.floors_text,
      'cos', t.cos, 'ces', t.ces, ${planProperties})`,
    tileColumns: sql`t.zone_code as code, t.family, t.label_fr as "labelFr", t.label_ar as "labelAr", state`,
  },
  roads: {
    id: 'roads',
    table: 'plan_roads',
    title: { ar: 'الطرق وتصفيفها', fr: 'Voirie et alignements', en: 'Roads and alignments' },
    description:
      'Planned roads (centre lines) with their planned width and status (existing, to widen, planned).',
    properties: sql`jsonb_build_object('ref', t.ref, 'labelFr', t.label_fr, 'labelAr', t.label_ar, 'status', t.status,
      'plannedWidthM', t.planned_width_m, ${planProperties})`,
    tileColumns: sql`t.status, t.planned_width_m as "widthM", t.label_fr as "labelFr", t.label_ar as "labelAr", state`,
  },
  servitudes: {
    id: 'servitudes',
    table: 'plan_servitudes',
    title: { ar: 'الارتفاقات', fr: 'Servitudes', en: 'Servitudes (easements)' },
    description: 'Servitudes: power-line corridors, non aedificandi strips, watercourses, heritage…',
    properties: sql`jsonb_build_object('ref', t.ref, 'kind', t.kind, 'labelFr', t.label_fr, 'labelAr', t.label_ar,
      'ruleFr', t.rule_fr, 'ruleAr', t.rule_ar, 'authority', t.authority, 'widthM', t.width_m, ${planProperties})`,
    tileColumns: sql`t.kind, t.label_fr as "labelFr", t.label_ar as "labelAr", state`,
  },
  reservations: {
    id: 'reservations',
    table: 'plan_reservations',
    title: {
      ar: 'الأراضي المخصصة للتجهيزات',
      fr: 'Réserves pour équipements publics',
      en: 'Land reserved for equipment',
    },
    description:
      'Land reserved for public equipment: schools, health centres, mosques, green spaces, administration…',
    properties: sql`jsonb_build_object('ref', t.ref, 'equipmentKind', t.equipment_kind, 'labelFr', t.label_fr,
      'labelAr', t.label_ar, 'beneficiaryFr', t.beneficiary_fr, 'beneficiaryAr', t.beneficiary_ar, ${planProperties})`,
    tileColumns: sql`t.ref, t.equipment_kind as kind, t.label_fr as "labelFr", t.label_ar as "labelAr", state`,
  },
};

export const isPublishedLayer = (id: string): id is LayerKind => Object.hasOwn(PUBLISHED_LAYERS, id);

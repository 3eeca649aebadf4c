-- Geoportal: planning documents (plans d'aménagement…), their versions and layers, imports with
-- per-feature reports, land titles. Geometries are stored in WGS 84 (EPSG:4326) whatever the source
-- projection; areas are computed in the plane of the Lambert zone (docs/adr/0012-geo-storage-srid.md).
-- One dialect for both drivers: PostgreSQL 15 + PostGIS 3.3 and PGlite (PostgreSQL 18 + PostGIS 3.6).

-- A planning document of an agency: the same document goes through several versions (revisions).
CREATE TABLE plan_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- Stable name within the agency, e.g. 'pa-temara-centre'.
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
  kind text NOT NULL CHECK (
    kind IN ('sdau', 'plan_amenagement', 'plan_developpement', 'plan_restructuration', 'other')
  ),
  name_ar text NOT NULL,
  name_fr text NOT NULL,
  commune_codes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, slug)
);
CREATE INDEX plan_documents_communes_idx ON plan_documents USING gin (commune_codes);

-- One version of a document with its lifecycle. Versions are never deleted: a new approved version
-- marks the one it replaces ('replaced', replaced_on), and both keep their layers.
CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES plan_documents (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('in_study', 'public_enquiry', 'approved', 'expired', 'replaced')),
  enquiry_start date,
  enquiry_end date,
  decree_ref_fr text,
  decree_ref_ar text,
  approved_on date,
  -- The plan's effects end (loi 12-90: ten years after publication of the approving decree).
  effects_until date,
  replaced_on date,
  replaced_by uuid REFERENCES plan_versions (id),
  -- The projection the layers came in (EPSG:26191…), for exports and areas.
  source_crs text NOT NULL,
  import_id uuid,
  synthetic boolean NOT NULL DEFAULT false,
  extent geometry(Polygon, 4326),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  UNIQUE (document_id, version),
  CHECK (status NOT IN ('approved', 'expired') OR approved_on IS NOT NULL),
  CHECK (status <> 'public_enquiry' OR enquiry_start IS NOT NULL)
);
CREATE INDEX plan_versions_agency_idx ON plan_versions (agency_id, status);
CREATE INDEX plan_versions_extent_idx ON plan_versions USING gist (extent);

-- The regulation of each zone code of a version: structured, not only a PDF.
CREATE TABLE plan_zone_rules (
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  zone_code text NOT NULL,
  label_ar text,
  label_fr text,
  family text NOT NULL,
  allowed_uses text[] NOT NULL DEFAULT '{}',
  forbidden_uses text[] NOT NULL DEFAULT '{}',
  max_height_m double precision,
  max_floors integer,
  floors_text text,
  cos double precision,
  ces double precision,
  setback_front_m double precision,
  setback_side_m double precision,
  setback_rear_m double precision,
  min_parcel_area_m2 double precision,
  min_frontage_m double precision,
  article_ar text,
  article_fr text,
  PRIMARY KEY (version_id, zone_code)
);

CREATE TABLE plan_zones (
  id bigserial PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- The feature's own identifier in the source file, when it has one ('B6-116').
  ref text,
  zone_code text NOT NULL,
  label_ar text,
  label_fr text,
  family text NOT NULL,
  max_height_m double precision,
  max_floors integer,
  floors_text text,
  cos double precision,
  ces double precision,
  -- Source columns no field uses, kept as they were.
  extra jsonb NOT NULL DEFAULT '{}',
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX plan_zones_geom_idx ON plan_zones USING gist (geom);
CREATE INDEX plan_zones_version_idx ON plan_zones (version_id);

-- Roads and alignments: the centre line (or the polygon drawn) and the planned right-of-way.
CREATE TABLE plan_roads (
  id bigserial PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  ref text,
  label_ar text,
  label_fr text,
  status text CHECK (status IN ('existing', 'planned', 'widening')),
  planned_width_m double precision,
  extra jsonb NOT NULL DEFAULT '{}',
  geom geometry(Geometry, 4326) NOT NULL,
  right_of_way geometry(MultiPolygon, 4326)
);
CREATE INDEX plan_roads_geom_idx ON plan_roads USING gist (geom);
CREATE INDEX plan_roads_row_idx ON plan_roads USING gist (right_of_way);
CREATE INDEX plan_roads_version_idx ON plan_roads (version_id);

CREATE TABLE plan_servitudes (
  id bigserial PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  ref text,
  kind text NOT NULL,
  label_ar text,
  label_fr text,
  rule_ar text,
  rule_fr text,
  authority text,
  width_m double precision,
  extra jsonb NOT NULL DEFAULT '{}',
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX plan_servitudes_geom_idx ON plan_servitudes USING gist (geom);
CREATE INDEX plan_servitudes_version_idx ON plan_servitudes (version_id);

-- Land reserved for public equipment (school, health centre, mosque, green space…).
CREATE TABLE plan_reservations (
  id bigserial PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  ref text,
  equipment_kind text NOT NULL,
  label_ar text,
  label_fr text,
  beneficiary_ar text,
  beneficiary_fr text,
  declared_area_m2 double precision,
  extra jsonb NOT NULL DEFAULT '{}',
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX plan_reservations_geom_idx ON plan_reservations USING gist (geom);
CREATE INDEX plan_reservations_version_idx ON plan_reservations (version_id);

-- An uploaded planning file: its dry-run report, then the version it was published as.
CREATE TABLE plan_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  created_by uuid REFERENCES users (id),
  actor_label text NOT NULL,
  file_name text NOT NULL,
  file_size bigint NOT NULL,
  file_sha256 text NOT NULL,
  stated_crs text,
  stated_layer text,
  status text NOT NULL CHECK (status IN ('processing', 'ready', 'rejected', 'published', 'failed')),
  progress jsonb NOT NULL DEFAULT '{}',
  report jsonb NOT NULL DEFAULT '{}',
  error_code text,
  -- The file itself, kept until it is published or rejected (publishing re-reads it).
  source bytea,
  version_id uuid REFERENCES plan_versions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX plan_imports_agency_idx ON plan_imports (agency_id, created_at DESC);

CREATE TABLE plan_import_issues (
  id bigserial PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES plan_imports (id),
  layer text NOT NULL,
  -- null for a problem of the whole layer or file
  feature_index integer,
  feature_ref text,
  severity text NOT NULL CHECK (severity IN ('error', 'warning')),
  code text NOT NULL,
  field text,
  message text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX plan_import_issues_import_idx ON plan_import_issues (import_id, id);

-- Land titles (titres fonciers) and requisitions, to find a parcel by its number. Demo data only
-- for now: the national land registry (ANCFCC) is not connected.
CREATE TABLE land_titles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  kind text NOT NULL CHECK (kind IN ('titre_foncier', 'requisition')),
  -- Normalised "number/suffix", e.g. '31457/C'.
  number text NOT NULL,
  ref_fr text NOT NULL,
  ref_ar text NOT NULL,
  property_name_fr text,
  property_name_ar text,
  conservation text,
  area_m2 double precision,
  source_crs text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  UNIQUE (kind, number)
);
CREATE INDEX land_titles_number_idx ON land_titles (number);
CREATE INDEX land_titles_geom_idx ON land_titles USING gist (geom);

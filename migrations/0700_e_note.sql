-- E-note (مذكرة المعلومات التعميرية, note de renseignements urbanistiques): the parcel of each note
-- request, the automatic draft computed from the plans in force, the instructor's amendments, and the
-- hashes that tie what was reviewed to what is signed (docs/adr/0021-e-note-integrity.md).

-- One row per note case (procedure NRU): what the engine's case does not know.
CREATE TABLE enote_notes (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- How the parcel was given: a title of the agency's register, drawn on the map, typed or pasted
  -- coordinates, or a small file of vertices.
  parcel_source text NOT NULL CHECK (parcel_source IN ('title', 'drawn', 'coordinates', 'file')),
  land_title_kind text CHECK (land_title_kind IN ('titre_foncier', 'requisition')),
  land_title_number text CHECK (land_title_number ~ '^[0-9]{1,7}/[A-Z0-9]{1,3}$'),
  land_title_id uuid REFERENCES land_titles (id),
  -- The geometry as the applicant gave it (GeoJSON in input_crs), and the same in WGS 84.
  input_crs text NOT NULL CHECK (input_crs ~ '^EPSG:[0-9]{4,5}$'),
  parcel_input jsonb NOT NULL,
  parcel geometry(MultiPolygon, 4326) NOT NULL,
  -- Planar area in the Lambert zone of the parcel, checked when given (10 m² to 500 ha).
  area_m2 double precision NOT NULL CHECK (area_m2 >= 10 AND area_m2 <= 5000000),
  -- The applicant wrote latitude (or northing) first; the numbers were read the other way round.
  swapped boolean NOT NULL DEFAULT false,
  -- The automatic draft: the overlay of the parcel on the plans in force, as note content
  -- (src/services/e-note/content.ts), its SHA-256 (canonical JSON) and when it was computed.
  automatic jsonb,
  automatic_sha256 text CHECK (automatic_sha256 ~ '^[0-9a-f]{64}$'),
  automatic_at timestamptz,
  -- What agents changed: corrections of values and observations. The note's content is the
  -- automatic draft with these applied; content_sha256 is its SHA-256.
  amendments jsonb NOT NULL DEFAULT '{"corrections": [], "observations": []}',
  content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  edit_version integer NOT NULL DEFAULT 0,
  -- The content the instructor submitted for signature, and the content the director signed: a
  -- signature is refused unless the three hashes agree (current, reviewed, shown to the director).
  reviewed_sha256 text CHECK (reviewed_sha256 ~ '^[0-9a-f]{64}$'),
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  signed_sha256 text CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
  signed_by uuid REFERENCES users (id),
  signed_at timestamptz,
  -- The note in force (a re-issue points to the replacement; the registry keeps the chain).
  document_id uuid REFERENCES issued_documents (id),
  issue_count integer NOT NULL DEFAULT 0 CHECK (issue_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (signed_sha256 IS NULL OR reviewed_sha256 IS NOT NULL)
);
CREATE INDEX enote_notes_agency_idx ON enote_notes (agency_id);
CREATE INDEX enote_notes_parcel_idx ON enote_notes USING gist (parcel);
CREATE INDEX enote_notes_title_idx ON enote_notes (land_title_number);

-- Every state of a note's content, append-only: the automatic draft, each amendment, the review, the
-- signature and the re-issues, with the SHA-256 of the content at that moment.
CREATE TABLE enote_revisions (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES enote_notes (case_id),
  kind text NOT NULL CHECK (kind IN ('automatic', 'amended', 'reviewed', 'signed', 'reissued')),
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  amendments jsonb,
  reason text CHECK (length(reason) <= 1000),
  actor_user_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enote_revisions_case_idx ON enote_revisions (case_id, id);

CREATE FUNCTION enote_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'enote_revisions is append-only';
END;
$$;
CREATE TRIGGER enote_revisions_no_update BEFORE UPDATE OR DELETE ON enote_revisions
  FOR EACH ROW EXECUTE FUNCTION enote_revisions_append_only();

-- E-complaints (الشكايات الإلكترونية): categories per agency with their extra questions, the complaint
-- beside its case (category, location, triage, duplicates, redirection), public-view redactions,
-- response templates, contact verification for visitors without an account, and Open311 tokens.

-- Categories an agency receives complaints in; each is an Open311 service (code = service_code).
CREATE TABLE complaint_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name jsonb NOT NULL,
  description jsonb,
  -- Open311 `group` and `keywords`.
  group_name jsonb,
  keywords text[] NOT NULL DEFAULT '{}',
  -- Working days to answer; never above the Law 55-19 maximum (checked by the application too).
  answer_days integer NOT NULL CHECK (answer_days BETWEEN 1 AND 40),
  -- Public categories show their description, location and answers on public views (after moderation).
  is_public boolean NOT NULL DEFAULT false,
  location_required boolean NOT NULL DEFAULT false,
  -- Extra questions: Open311 attributes (code, datatype, required, labels, values).
  questions jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, code)
);

-- One row per complaint case (procedure RECL): what the engine's case does not know.
CREATE TABLE complaints (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  category_id uuid NOT NULL REFERENCES complaint_categories (id),
  -- Answers to the category's extra questions, by question code.
  answers jsonb NOT NULL DEFAULT '{}',
  location geometry(Point, 4326),
  address text CHECK (length(address) <= 300),
  priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  unit text CHECK (length(unit) <= 120),
  -- Shown on public views (the category's default; moderation may withdraw or grant it).
  is_public boolean NOT NULL,
  visibility_decided_by uuid REFERENCES users (id),
  duplicate_of uuid REFERENCES cases (id),
  redirect_body_code text REFERENCES bodies (code),
  -- How the complainant wants to hear from us, and an SMS number for signed-in filers.
  contact_channel text NOT NULL CHECK (contact_channel IN ('email', 'sms')),
  contact_phone text,
  -- The private tracking link's token of complainants without an account, sealed (AES-GCM under
  -- SECRET_KEY) so every later message can carry the link again; the engine keeps only its hash.
  tracking_sealed text,
  source text NOT NULL CHECK (source IN ('web', 'open311')),
  partner_token_id uuid REFERENCES api_tokens (id),
  -- Open311: a media_url given by the partner (kept as a link, never fetched).
  media_url text CHECK (length(media_url) <= 500),
  first_answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (duplicate_of IS NULL OR duplicate_of <> case_id)
);
CREATE INDEX complaints_agency_idx ON complaints (agency_id, category_id);
CREATE INDEX complaints_location_idx ON complaints USING gist (location);
CREATE INDEX complaints_duplicate_idx ON complaints (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Moderation as data: the text public views show instead of the original (which stays in the record),
-- with who replaced it, when and why. The latest row per target wins; `hidden` removes it entirely.
CREATE TABLE complaint_redactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- 'description', 'address', 'location', or 'event:<case_events.id>' (an answer or a public update).
  target text NOT NULL CHECK (target ~ '^(description|address|location|event:[0-9]+)$'),
  public_text text CHECK (length(public_text) <= 10000),
  hidden boolean NOT NULL DEFAULT false,
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  redacted_by uuid NOT NULL REFERENCES users (id),
  redacted_at timestamptz NOT NULL DEFAULT now(),
  CHECK (hidden OR public_text IS NOT NULL)
);
CREATE INDEX complaint_redactions_case_idx ON complaint_redactions (case_id, target, redacted_at);

-- Response templates per agency, category (null: any category) and language.
CREATE TABLE complaint_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  category_id uuid REFERENCES complaint_categories (id),
  locale text NOT NULL CHECK (locale IN ('ar', 'fr', 'en')),
  kind text NOT NULL CHECK (kind IN ('answer', 'update', 'not_competent', 'duplicate')),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 120),
  body text NOT NULL CHECK (length(body) BETWEEN 10 AND 10000),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_templates_agency_idx ON complaint_templates (agency_id, locale) WHERE active;

-- Visitors without an account prove they own an e-mail address or a phone number with a code.
-- Only hashes are kept; attempts are bounded; the proof is used once, to file one complaint.
CREATE TABLE complaint_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  destination text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('ar', 'fr', 'en')),
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  verified_at timestamptz,
  proof_hash text UNIQUE,
  proof_expires_at timestamptz,
  used_at timestamptz,
  used_for uuid REFERENCES cases (id),
  ip text
);
CREATE INDEX complaint_verifications_destination_idx ON complaint_verifications (destination, created_at);

-- Open311 GeoReport v2 tokens (GET tokens/{id}): one per request a partner system filed.
CREATE TABLE open311_tokens (
  token text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  case_id uuid NOT NULL REFERENCES cases (id),
  api_token_id uuid NOT NULL REFERENCES api_tokens (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open311_tokens_case_idx ON open311_tokens (case_id);

-- Platform foundation: extensions, reference data, organisations, accounts, sessions, audit chain, outbox.
-- One dialect for both drivers: this file must run on PGlite (PostgreSQL 18) and on PostgreSQL 15.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Reference data ------------------------------------------------------------------------------

CREATE TABLE regions (
  code text PRIMARY KEY,
  name_ar text NOT NULL,
  name_fr text NOT NULL
);

CREATE TABLE provinces (
  code text PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  kind text NOT NULL CHECK (kind IN ('prefecture', 'province')),
  name_ar text NOT NULL,
  name_fr text NOT NULL
);

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name_ar text NOT NULL,
  name_fr text NOT NULL,
  seat jsonb NOT NULL,
  contact jsonb NOT NULL,
  demo_fields text[] NOT NULL DEFAULT '{}',
  unverified_fields text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A province is covered by exactly one urban agency.
CREATE TABLE agency_provinces (
  province_code text PRIMARY KEY REFERENCES provinces (code),
  agency_id uuid NOT NULL REFERENCES agencies (id)
);
CREATE INDEX agency_provinces_agency_idx ON agency_provinces (agency_id);

CREATE TABLE communes (
  code text PRIMARY KEY,
  province_code text NOT NULL REFERENCES provinces (code),
  kind text NOT NULL CHECK (kind IN ('urban', 'rural', 'arrondissement')),
  parent_code text REFERENCES communes (code),
  name_ar text NOT NULL,
  name_fr text NOT NULL
);
CREATE INDEX communes_province_idx ON communes (province_code);

CREATE TABLE bodies (
  code text PRIMARY KEY,
  kind text NOT NULL,
  name_ar text NOT NULL,
  name_fr text NOT NULL,
  name_en text NOT NULL,
  scope_provinces text[] NOT NULL DEFAULT '{}'
);

-- Organisations: every staff member belongs to one or more of them --------------------------

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('agency', 'commune', 'body', 'ministry', 'platform')),
  code text NOT NULL UNIQUE,
  name_ar text NOT NULL,
  name_fr text NOT NULL,
  -- The tenant the organisation works for: an agency itself, or the agency covering a commune.
  agency_id uuid REFERENCES agencies (id),
  commune_code text REFERENCES communes (code),
  body_code text REFERENCES bodies (code),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'agency' OR agency_id IS NOT NULL),
  CHECK (kind <> 'commune' OR commune_code IS NOT NULL)
);
CREATE INDEX organizations_agency_idx ON organizations (agency_id);

-- Accounts ------------------------------------------------------------------------------------

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  email_normalized text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  full_name text NOT NULL,
  phone text,
  account_type text NOT NULL CHECK (account_type IN ('citizen', 'professional', 'staff')),
  profession text CHECK (profession IN ('architect', 'surveyor', 'engineering_firm', 'promoter')),
  professional_number text,
  locale text NOT NULL DEFAULT 'ar' CHECK (locale IN ('ar', 'fr', 'en')),
  email_verified_at timestamptz,
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((account_type = 'professional') = (profession IS NOT NULL)),
  CHECK (account_type <> 'professional' OR professional_number IS NOT NULL)
);

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX memberships_active_uq ON memberships (user_id, organization_id, role) WHERE revoked_at IS NULL;
CREATE INDEX memberships_org_idx ON memberships (organization_id) WHERE revoked_at IS NULL;

CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie token: the token itself is never stored
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('password', 'complete')),
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  prefix text NOT NULL UNIQUE,
  token_hash text NOT NULL,
  scopes text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Fixed-window counters shared by every app process (sign-in, sign-up, resets...).
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

-- Audit trail: append-only, hash-chained per chain (one chain per agency, plus 'platform') ------

CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  last_position bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  chain text NOT NULL,
  position bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  organization_id uuid,
  agency_id uuid,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text,
  summary jsonb NOT NULL DEFAULT '{}',
  ip text,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain, position)
);
CREATE INDEX audit_events_object_idx ON audit_events (object_type, object_id);
CREATE INDEX audit_events_agency_idx ON audit_events (agency_id, occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Transactional outbox: side effects committed with the change that causes them ---------------

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  processed_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE processed_at IS NULL;

CREATE TABLE sent_mails (
  id bigserial PRIMARY KEY,
  outbox_id bigint REFERENCES outbox (id),
  recipient text NOT NULL,
  subject text NOT NULL,
  template text NOT NULL,
  locale text NOT NULL,
  transport text NOT NULL,
  message_id text,
  sent_at timestamptz NOT NULL DEFAULT now()
);

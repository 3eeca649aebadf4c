-- Case engine: cases moving through procedures, their timeline, clocks, typed requests to the
-- applicant, documents (uploads), messages, internal notes, in-app notifications, and the
-- calendar overrides that move Islamic holidays.

-- Content-addressed blobs: the bytes live in the blob store (DATA_DIR/blobs or S3), keyed by SHA-256.
CREATE TABLE blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  media_type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Reference numbers are gap-free per agency, procedure and year: the counter row is locked by the
-- transaction that takes a number, and rolled back with it.
CREATE TABLE case_counters (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  procedure_code text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (agency_id, procedure_code, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  procedure_code text NOT NULL,
  procedure_version integer NOT NULL,
  reference text UNIQUE,
  state text NOT NULL,
  phase text NOT NULL CHECK (phase IN ('draft', 'open', 'closed')),
  holder text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  applicant_user_id uuid REFERENCES users (id),
  -- Applicants without an account (anonymous complaints): verified contact and a private tracking link.
  applicant_contact jsonb,
  tracking_token_hash text UNIQUE,
  commune_code text REFERENCES communes (code),
  is_investment boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL DEFAULT '{}',
  title text,
  assigned_to uuid REFERENCES users (id),
  assigned_at timestamptz,
  state_entered_at timestamptz NOT NULL DEFAULT now(),
  deposited_at timestamptz,
  closed_at timestamptz,
  missing_pieces_requested_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (applicant_user_id IS NOT NULL OR applicant_contact IS NOT NULL)
);
CREATE INDEX cases_queue_idx ON cases (agency_id, procedure_code, phase, state);
CREATE INDEX cases_applicant_idx ON cases (applicant_user_id, updated_at DESC);
CREATE INDEX cases_assignee_idx ON cases (assigned_to) WHERE phase = 'open';

-- The timeline: every transition, assignment, upload, request and answer, with who may see it.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users (id),
  actor_side text NOT NULL CHECK (actor_side IN ('applicant', 'staff', 'system')),
  kind text NOT NULL,
  transition text,
  from_state text,
  to_state text,
  payload jsonb NOT NULL DEFAULT '{}',
  visibility text NOT NULL CHECK (visibility IN ('public', 'applicant', 'internal'))
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

CREATE TABLE case_clocks (
  case_id uuid NOT NULL REFERENCES cases (id),
  clock_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped', 'expired')),
  unit text NOT NULL CHECK (unit IN ('working', 'calendar')),
  days integer NOT NULL,
  legal boolean NOT NULL,
  started_on date NOT NULL,
  deadline date NOT NULL,
  paused_on date,
  paused_days integer NOT NULL DEFAULT 0,
  -- Expiry actions already carried out (reminders, escalation, automatic transition): never twice.
  actions_done text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, clock_key)
);
CREATE INDEX case_clocks_due_idx ON case_clocks (deadline) WHERE status = 'running';

-- Typed requests to the applicant (missing piece, replacement document, clarification).
CREATE TABLE case_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('missing_piece', 'replacement_document', 'clarification')),
  checklist_codes text[] NOT NULL DEFAULT '{}',
  message text NOT NULL,
  due_on date NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'answered', 'expired', 'cancelled')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  answer text,
  closed_by uuid REFERENCES users (id)
);
CREATE INDEX case_requests_case_idx ON case_requests (case_id);
CREATE INDEX case_requests_due_idx ON case_requests (due_on) WHERE state = 'open';

CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  checklist_code text NOT NULL,
  blob_sha256 text NOT NULL REFERENCES blobs (sha256),
  filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  uploaded_side text NOT NULL CHECK (uploaded_side IN ('applicant', 'staff')),
  request_id uuid REFERENCES case_requests (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id) WHERE removed_at IS NULL;

CREATE TABLE case_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_user_id uuid REFERENCES users (id),
  author_side text NOT NULL CHECK (author_side IN ('applicant', 'staff')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_messages_case_idx ON case_messages (case_id, created_at);

CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_user_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  case_id uuid REFERENCES cases (id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

CREATE TABLE calendar_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action text NOT NULL CHECK (action IN ('move', 'remove', 'add')),
  holiday_key text NOT NULL,
  year integer NOT NULL,
  date date,
  days integer,
  name jsonb,
  reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

-- Documents registry: the internal PKI (certificates, private keys encrypted at rest), issued documents
-- (number, verification code, SHA-256 of the signed bytes, signers, status), the signed acts that revoke
-- or supersede them, and the log of public verification attempts. Nothing here is ever deleted.

-- PKI: the platform root, an issuing CA per agency, and end-entity certificates (signatories, seals).
-- `holder` names what a certificate is for: 'root', 'issuing-ca', 'seal', 'user:<uuid>:<role>',
-- 'specimen:<role>'. One active certificate per agency and holder; renewed ones are retired, not deleted.
CREATE TABLE pki_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('root', 'issuing_ca', 'signatory', 'seal')),
  agency_id uuid REFERENCES agencies (id),
  issuer_id uuid REFERENCES pki_certificates (id),
  holder text NOT NULL,
  user_id uuid REFERENCES users (id),
  signatory_role text,
  subject text NOT NULL,
  serial_number text NOT NULL UNIQUE,
  certificate_pem text NOT NULL CHECK (certificate_pem LIKE '-----BEGIN CERTIFICATE-----%'),
  -- Only encrypted PKCS#8 is accepted: a plain key can never be stored by mistake.
  encrypted_key_pem text NOT NULL CHECK (encrypted_key_pem LIKE '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK ((kind = 'root') = (agency_id IS NULL)),
  CHECK ((kind = 'root') = (issuer_id IS NULL))
);
CREATE UNIQUE INDEX pki_certificates_active_uq
  ON pki_certificates (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid), holder)
  WHERE retired_at IS NULL;

-- Document numbers are gap-free per agency, series and year (same scheme as case references).
CREATE TABLE document_counters (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  series text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (agency_id, series, year)
);

CREATE TABLE issued_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  case_id uuid REFERENCES cases (id),
  type text NOT NULL,
  number text NOT NULL UNIQUE,
  title jsonb NOT NULL,
  verification_code text NOT NULL UNIQUE
    CHECK (verification_code ~ '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'),
  -- What produced it (`case:<id>:deposit_receipt`, `payment:<id>:receipt`…): registering twice is a no-op.
  source_key text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'valid', 'revoked', 'superseded')),
  specimen boolean NOT NULL DEFAULT false,
  issued_on date NOT NULL,
  issued_at timestamptz NOT NULL,
  template text NOT NULL,
  -- The template's data, fixed when the document is registered, so rendering after commit is reproducible.
  data jsonb NOT NULL,
  planned_signatures jsonb NOT NULL,
  signers jsonb NOT NULL DEFAULT '[]',
  recipient_user_id uuid REFERENCES users (id),
  filename text NOT NULL,
  delivery jsonb,
  sha256 text REFERENCES blobs (sha256),
  size_bytes bigint,
  rendered_at timestamptz,
  supersedes_id uuid REFERENCES issued_documents (id),
  superseded_by_id uuid REFERENCES issued_documents (id),
  status_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'pending') = (sha256 IS NULL))
);
CREATE UNIQUE INDEX issued_documents_sha256_uq ON issued_documents (sha256) WHERE sha256 IS NOT NULL;
CREATE INDEX issued_documents_case_idx ON issued_documents (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX issued_documents_agency_idx ON issued_documents (agency_id, issued_on);
CREATE INDEX issued_documents_recipient_idx ON issued_documents (recipient_user_id);

-- Revocation and supersession: signed statements by a staff certificate, once per document.
CREATE TABLE document_acts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES issued_documents (id),
  kind text NOT NULL CHECK (kind IN ('revocation', 'supersession')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 2000),
  replacement_id uuid REFERENCES issued_documents (id),
  actor_user_id uuid NOT NULL REFERENCES users (id),
  certificate_id uuid NOT NULL REFERENCES pki_certificates (id),
  -- The exact UTF-8 text that was signed (canonical JSON) and its CAdES detached signature (base64 DER).
  statement text NOT NULL,
  signature_cms text NOT NULL,
  acted_at timestamptz NOT NULL,
  CHECK ((kind = 'supersession') = (replacement_id IS NOT NULL))
);
CREATE UNIQUE INDEX document_acts_once_uq ON document_acts (document_id);

-- Every public verification attempt (by code or by file), whatever its outcome.
CREATE TABLE document_verifications (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('code', 'file')),
  code_given text,
  document_id uuid REFERENCES issued_documents (id),
  outcome text NOT NULL,
  file_sha256 text,
  file_bytes bigint,
  file_type text,
  ip text,
  user_agent text,
  request_id text
);
CREATE INDEX document_verifications_document_idx ON document_verifications (document_id, occurred_at);

CREATE FUNCTION documents_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER issued_documents_no_delete BEFORE DELETE ON issued_documents
  FOR EACH ROW EXECUTE FUNCTION documents_no_delete();
CREATE TRIGGER pki_certificates_no_delete BEFORE DELETE ON pki_certificates
  FOR EACH ROW EXECUTE FUNCTION documents_no_delete();
CREATE TRIGGER document_acts_append_only BEFORE UPDATE OR DELETE ON document_acts
  FOR EACH ROW EXECUTE FUNCTION documents_no_delete();
CREATE TRIGGER document_verifications_append_only BEFORE UPDATE OR DELETE ON document_verifications
  FOR EACH ROW EXECUTE FUNCTION documents_no_delete();

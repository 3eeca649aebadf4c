-- Payments: tariffs as data, payment orders attached to cases, CMI card payment attempts and their
-- server-to-server callbacks, payments (an order is paid once), refunds. Amounts are integer centimes of
-- MAD. Nothing is deleted: refunds and callbacks are append-only, tariffs are superseded by versions.

-- Tariffs per agency and service; agency_id NULL is the national default used where an agency has none.
-- `rule` and `exemptions` are typed in src/payments/tariff.ts (fixed, per unit of a case field, bands,
-- choice on a case field; exemptions by case field).
CREATE TABLE tariffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid REFERENCES agencies (id),
  service text NOT NULL CHECK (service ~ '^[a-z][a-z0-9_]{1,40}$'),
  version integer NOT NULL CHECK (version >= 1),
  label jsonb NOT NULL,
  rule jsonb NOT NULL,
  exemptions jsonb NOT NULL DEFAULT '[]',
  legal_basis jsonb,
  valid_from date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  superseded_at timestamptz
);
CREATE UNIQUE INDEX tariffs_current_uq
  ON tariffs (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid), service)
  WHERE superseded_at IS NULL;

CREATE TABLE payment_counters (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- Ordre de paiement: what a case owes for one service, computed from the tariff in force.
CREATE TABLE payment_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  number text NOT NULL UNIQUE,
  service text NOT NULL,
  tariff_id uuid NOT NULL REFERENCES tariffs (id),
  label jsonb NOT NULL,
  lines jsonb NOT NULL,
  amount_centimes bigint NOT NULL CHECK (amount_centimes >= 0),
  currency text NOT NULL DEFAULT 'MAD' CHECK (currency = 'MAD'),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'waived', 'cancelled', 'refunded')),
  payer_user_id uuid REFERENCES users (id),
  payer_name text NOT NULL,
  payer_email text,
  payer_locale text NOT NULL DEFAULT 'ar',
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  cancelled_at timestamptz,
  refunded_centimes bigint NOT NULL DEFAULT 0 CHECK (refunded_centimes >= 0),
  CHECK (refunded_centimes <= amount_centimes)
);
-- One live order per case and service: the fee hook can run twice without charging twice.
CREATE UNIQUE INDEX payment_orders_case_service_uq ON payment_orders (case_id, service) WHERE status <> 'cancelled';
CREATE INDEX payment_orders_agency_idx ON payment_orders (agency_id, created_at);
CREATE INDEX payment_orders_payer_idx ON payment_orders (payer_user_id, created_at DESC);

-- One trip to the gateway: its own `oid` (the CMI order id), the amount sent, and what came back.
CREATE TABLE payment_attempts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES payment_orders (id),
  oid text NOT NULL UNIQUE,
  gateway text NOT NULL CHECK (gateway IN ('cmi', 'cmi-sandbox')),
  amount_centimes bigint NOT NULL CHECK (amount_centimes > 0),
  status text NOT NULL CHECK (status IN ('initiated', 'approved', 'declined', 'not_captured')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  proc_return_code text,
  response text,
  trans_id text,
  auth_code text,
  md_status text,
  error_message text,
  masked_pan text,
  reply text,
  browser_return text CHECK (browser_return IN ('ok', 'fail')),
  browser_returned_at timestamptz
);
CREATE INDEX payment_attempts_order_idx ON payment_attempts (order_id, created_at);

-- A captured payment. UNIQUE (order_id): an order is paid once, whatever the gateway says twice.
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL UNIQUE REFERENCES payment_orders (id),
  attempt_id uuid NOT NULL UNIQUE REFERENCES payment_attempts (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  amount_centimes bigint NOT NULL CHECK (amount_centimes > 0),
  gateway text NOT NULL,
  trans_id text NOT NULL,
  auth_code text,
  paid_at timestamptz NOT NULL,
  receipt_document_id uuid REFERENCES issued_documents (id)
);
CREATE INDEX payments_agency_idx ON payments (agency_id, paid_at);

CREATE TABLE refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL REFERENCES payments (id),
  order_id uuid NOT NULL REFERENCES payment_orders (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  amount_centimes bigint NOT NULL CHECK (amount_centimes > 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 2000),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX refunds_agency_idx ON refunds (agency_id, created_at);

-- Every server-to-server callback received, verified or not (card numbers never stored).
CREATE TABLE payment_callbacks (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL,
  gateway text NOT NULL,
  oid text,
  attempt_id uuid REFERENCES payment_attempts (id),
  outcome text NOT NULL,
  reply text NOT NULL,
  fields jsonb NOT NULL,
  ip text,
  request_id text
);
CREATE INDEX payment_callbacks_oid_idx ON payment_callbacks (oid);

CREATE FUNCTION payments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER refunds_append_only BEFORE UPDATE OR DELETE ON refunds
  FOR EACH ROW EXECUTE FUNCTION payments_append_only();
CREATE TRIGGER payment_callbacks_append_only BEFORE UPDATE OR DELETE ON payment_callbacks
  FOR EACH ROW EXECUTE FUNCTION payments_append_only();
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_append_only();
CREATE TRIGGER payment_orders_no_delete BEFORE DELETE ON payment_orders
  FOR EACH ROW EXECUTE FUNCTION payments_append_only();

-- National default tariffs. Each agency's board sets its own prices (Dahir 1-93-51 art. 9, decree
-- 2-93-67 art. 4); an agency tariff replaces the default for that agency. The amounts below follow
-- published examples (AU Fès note 250 MAD; AU Berrechid 3.00 MAD per m²) or are placeholders.
INSERT INTO tariffs (agency_id, service, version, label, rule, exemptions, legal_basis, valid_from) VALUES
(NULL, 'e_document', 1,
 '{"ar":"طلب وثائق الوكالة","fr":"Commande de documents de l''agence","en":"Agency documents order"}',
 '{"kind":"choice","field":"document_kind","options":{
    "regulation_extract":{"label":{"ar":"نسخة مصادق عليها من مقتطف نظام التهيئة","fr":"Copie certifiée d''un extrait du règlement d''aménagement","en":"Certified copy of a zoning regulation extract"},
      "rule":{"kind":"per_unit","basis":"copies","unit":"copy","centimesPerUnit":10000}},
    "plan_print":{"label":{"ar":"سحب تصميم التهيئة المصادق عليه","fr":"Tirage du plan d''aménagement homologué","en":"Print of the approved zoning plan"},
      "rule":{"kind":"per_unit","basis":"copies","unit":"copy","centimesPerUnit":25000}}}}',
 '[{"code":"public_body","label":{"ar":"إدارة عمومية أو جماعة ترابية","fr":"Administration publique ou collectivité territoriale","en":"Public administration or local authority"},"when":{"field":"requester_kind","equals":"public_body"},"percent":100}]',
 '{"ar":"الظهير رقم 1.93.51، المادة 9؛ المرسوم رقم 2.93.67، المادة 4","fr":"Dahir n° 1-93-51, art. 9 ; décret n° 2-93-67, art. 4","en":"Dahir 1-93-51, art. 9; decree 2-93-67, art. 4"}',
 '2026-01-01'),
(NULL, 'urban_note', 1,
 '{"ar":"مذكرة المعلومات التعميرية","fr":"Note de renseignements urbanistiques","en":"Urban planning information note"}',
 '{"kind":"fixed","amountCentimes":25000}',
 '[]',
 '{"ar":"الظهير رقم 1.93.51، المادة 9","fr":"Dahir n° 1-93-51, art. 9","en":"Dahir 1-93-51, art. 9"}',
 '2026-01-01'),
(NULL, 'project_review', 1,
 '{"ar":"دراسة مشروع بناء","fr":"Examen d''un projet de construction","en":"Building project review"}',
 '{"kind":"per_unit","basis":"floor_area_m2","unit":"m2","centimesPerUnit":300}',
 '[{"code":"public_body","label":{"ar":"إدارة عمومية أو جماعة ترابية","fr":"Administration publique ou collectivité territoriale","en":"Public administration or local authority"},"when":{"field":"requester_kind","equals":"public_body"},"percent":100}]',
 '{"ar":"الظهير رقم 1.93.51، المادة 9","fr":"Dahir n° 1-93-51, art. 9","en":"Dahir 1-93-51, art. 9"}',
 '2026-01-01'),
(NULL, 'subdivision_review', 1,
 '{"ar":"دراسة مشروع تجزئة","fr":"Examen d''un projet de lotissement","en":"Subdivision project review"}',
 '{"kind":"per_unit","basis":"land_area_m2","unit":"m2","centimesPerUnit":300}',
 '[]',
 '{"ar":"الظهير رقم 1.93.51، المادة 9","fr":"Dahir n° 1-93-51, art. 9","en":"Dahir 1-93-51, art. 9"}',
 '2026-01-01'),
(NULL, 'parcel_division', 1,
 '{"ar":"دراسة ملف تقسيم عقار","fr":"Examen d''un dossier de morcellement","en":"Parcel division review"}',
 '{"kind":"bands","basis":"land_area_m2","unit":"m2","bands":[
    {"upTo":1000,"amountCentimes":100000},{"upTo":5000,"amountCentimes":250000},
    {"upTo":10000,"amountCentimes":400000},{"upTo":null,"amountCentimes":600000}]}',
 '[]',
 '{"ar":"الظهير رقم 1.93.51، المادة 9","fr":"Dahir n° 1-93-51, art. 9","en":"Dahir 1-93-51, art. 9"}',
 '2026-01-01');

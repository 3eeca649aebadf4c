// The registry of issued documents. A document is *registered* inside the transaction of the act that
// issues it (a deposit, a payment, a delivery): number, verification code, template data and planned
// signatures are fixed there, with an outbox job. After commit the job *renders and signs* it, stores
// the bytes in the blob store, records their SHA-256 and the signers, and mails it. The job is
// idempotent: a document is rendered once, whatever the number of runs.
import { and, eq, sql } from 'drizzle-orm';
import { blobs, notifications } from '../engine/tables.ts';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import type { BlobStore } from '../platform/blobs/blob-store.ts';
import type { Platform } from '../platform/context.ts';
import type { Orm } from '../platform/db/database.ts';
import { users } from '../platform/db/tables.ts';
import { isLocale } from '../platform/i18n/locale.ts';
import { queueMail } from '../platform/mail/mailer.ts';
import { enqueue, type OutboxJob } from '../platform/outbox/outbox.ts';
import { type LoadedAgency, loadAgency } from './agency.ts';
import { generateVerificationCode } from './fingerprint.ts';
import { moroccanCalendarDate } from './format.ts';
import { issueDocument, type PlannedSignature, type Verification } from './issue-document.ts';
import { DocumentIssuedMail } from './mails.ts';
import { type AgencyIdentity, ROLE_TITLES, type SignatoryView } from './official.ts';
import { PkiStore, type SignerProvider } from './pki-store.ts';
import { verificationUrl } from './qr.ts';
import { DocumentRenderer, type JsonValue } from './render.ts';
import {
  type Delivery,
  documentCounters,
  type IssuedDocumentRow,
  issuedDocuments,
  type LocalizedTitle,
  type PlannedSignatory,
  type SignerRecord,
} from './tables.ts';

export const RENDER_TOPIC = 'documents.render';

/** What documents need from the platform, built once per process (runtime.ts). */
export type DocumentService = {
  readonly platform: Platform;
  readonly blobs: BlobStore;
  readonly signers: SignerProvider;
  /** One Typst compiler per process, created on first use. */
  renderer(): DocumentRenderer;
};

let processRenderer: DocumentRenderer | undefined;

export function createDocumentService(options: {
  platform: Platform;
  blobs: BlobStore;
  signers?: SignerProvider;
  renderer?: DocumentRenderer;
}): DocumentService {
  const signers =
    options.signers ??
    new PkiStore({
      db: options.platform.db,
      masterPassphrase: options.platform.config.secrets.signingKeyPassphrase,
      now: options.platform.now,
    });
  return {
    platform: options.platform,
    blobs: options.blobs,
    signers,
    renderer: () => {
      if (options.renderer) return options.renderer;
      processRenderer ??= DocumentRenderer.create();
      return processRenderer;
    },
  };
}

/** Gap-free numbers per agency, series and year: `AUST-RCP-2026-000042`. */
export async function nextDocumentNumber(
  tx: Orm,
  input: { agencyId: string; agencyCode: string; series: string; year: number },
): Promise<string> {
  const [counter] = await tx
    .insert(documentCounters)
    .values({ agencyId: input.agencyId, series: input.series, year: input.year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.series, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ n: documentCounters.lastNumber });
  return `${input.agencyCode}-${input.series}-${input.year}-${String(counter!.n).padStart(6, '0')}`;
}

/** The box of the signature panel for a planned signatory. */
export function signatoryView(agency: AgencyIdentity, signatory: PlannedSignatory): SignatoryView {
  if (signatory.holder === 'seal') {
    return {
      roleFr: ROLE_TITLES.seal.fr,
      roleAr: ROLE_TITLES.seal.ar,
      nameFr: agency.nameFr,
      nameAr: agency.nameAr,
    };
  }
  const title = ROLE_TITLES[signatory.role];
  return { roleFr: title.fr, roleAr: title.ar, nameFr: signatory.nameLatin, nameAr: signatory.nameArabic };
}

export type DocumentContext = {
  agency: AgencyIdentity;
  number: string;
  issuedOn: string;
  issuedAt: Date;
  verification: Verification;
  signatories: SignatoryView[];
  specimen: boolean;
  /** Number of the document this one replaces, if any. */
  supersedes?: string;
};

export type DocumentSpec = {
  /** `deposit_receipt`, `payment_receipt`, `certified_document`, `specimen_note`… */
  type: string;
  /** Number series: `RCP`, `RECU`, `DOC`, `SPEC`. */
  series: string;
  title: LocalizedTitle;
  template: string;
  agencyId: string;
  caseId?: string | null;
  recipientUserId?: string | null;
  /** Idempotency key of what produces the document. */
  sourceKey: string;
  specimen?: boolean;
  signatories: PlannedSignatory[];
  /** The template's data; every template's data has the official header in `doc`. */
  data: (context: DocumentContext) => JsonValue;
  delivery?: Delivery | null;
  supersedes?: { id: string; number: string } | null;
};

/**
 * Registers a document in the caller's transaction and queues its rendering. Registering the same
 * `sourceKey` again returns the existing document.
 */
export async function registerDocument(
  tx: Orm,
  platform: Platform,
  audit: AuditContext,
  spec: DocumentSpec,
): Promise<{ document: IssuedDocumentRow; created: boolean }> {
  const [existing] = await tx
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.sourceKey, spec.sourceKey));
  if (existing) return { document: existing, created: false };
  const { identity } = await loadAgency(tx, { id: spec.agencyId });
  const now = platform.now();
  const issuedOn = moroccanCalendarDate(now);
  const number = await nextDocumentNumber(tx, {
    agencyId: spec.agencyId,
    agencyCode: identity.code,
    series: spec.series,
    year: Number(issuedOn.slice(0, 4)),
  });
  const code = generateVerificationCode();
  const verification = { code, url: verificationUrl(platform.config.http.publicUrl, code) };
  const specimen = spec.specimen ?? false;
  const data = spec.data({
    agency: identity,
    number,
    issuedOn,
    issuedAt: now,
    verification,
    signatories: spec.signatories.map((s) => signatoryView(identity, s)),
    specimen,
    ...(spec.supersedes ? { supersedes: spec.supersedes.number } : {}),
  });
  const [document] = await tx
    .insert(issuedDocuments)
    .values({
      agencyId: spec.agencyId,
      caseId: spec.caseId ?? null,
      type: spec.type,
      number,
      title: spec.title,
      verificationCode: code,
      sourceKey: spec.sourceKey,
      status: 'pending',
      specimen,
      issuedOn,
      issuedAt: now,
      template: spec.template,
      data,
      plannedSignatures: spec.signatories,
      recipientUserId: spec.recipientUserId ?? null,
      filename: `${number}.pdf`,
      delivery: spec.delivery ?? null,
      supersedesId: spec.supersedes?.id ?? null,
      createdAt: now,
    })
    .returning();
  await enqueue(tx, {
    topic: RENDER_TOPIC,
    payload: { documentId: document!.id },
    dedupeKey: `document:${document!.id}:render`,
  });
  await appendAudit(
    tx,
    audit,
    {
      action: 'document.registered',
      objectType: 'document',
      objectId: document!.id,
      agencyId: spec.agencyId,
      summary: { number, type: spec.type, caseId: spec.caseId ?? null, code },
    },
    now,
  );
  return { document: document!, created: true };
}

/** The stored data with the verification block of its official header set (URL, code). */
const withVerification = (data: JsonValue, verification: Verification): JsonValue => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const doc = data.doc;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return data;
  const current = doc.verification;
  const block = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
  return {
    ...data,
    doc: { ...doc, verification: { ...block, url: verification.url, code: verification.code } },
  };
};

const FIELD_NAMES: Record<string, string> = {
  seal: 'cachet-agence',
  instructor: 'instructeur',
  'agency-director': 'directeur',
  'commune-president': 'president-commune',
  'committee-member': 'membre-commission',
};

const signerName = (agency: LoadedAgency, s: PlannedSignatory) =>
  s.holder === 'seal' ? agency.names.nameFr : s.nameLatin;

async function plannedSignatures(
  service: DocumentService,
  agency: LoadedAgency,
  document: IssuedDocumentRow,
  signingTime: Date,
): Promise<{ planned: PlannedSignature[]; names: string[] }> {
  const used = new Map<string, number>();
  const planned: PlannedSignature[] = [];
  const names: string[] = [];
  for (const signatory of document.plannedSignatures) {
    const role = signatory.holder === 'seal' ? 'seal' : signatory.role;
    const base = FIELD_NAMES[role] ?? 'signature';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const resolved = await service.signers.signerFor({ agency: agency.names, signatory });
    const name = signerName(agency, signatory);
    names.push(name);
    planned.push({
      role,
      signer: resolved.signer,
      options: {
        fieldName: n === 1 ? base : `${base}-${n}`,
        name,
        reason: `${document.title.fr} ${document.number} / ${document.title.ar}`,
        location: agency.identity.cityFr,
        contactInfo: agency.identity.website,
        signingTime,
      },
    });
  }
  return { planned, names };
}

/**
 * Renders and signs a registered document, stores it and marks it valid (the outbox job). Returns the
 * document as it is afterwards; does nothing to a document already rendered.
 */
export async function renderRegisteredDocument(
  service: DocumentService,
  documentId: string,
): Promise<IssuedDocumentRow | undefined> {
  const { platform } = service;
  const db = platform.db;
  const [document] = await db.orm.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
  if (document?.status !== 'pending') return document;
  const agency = await loadAgency(db.orm, { id: document.agencyId });
  const signingTime = platform.now();
  const { planned, names } = await plannedSignatures(service, agency, document, signingTime);
  const issued = await issueDocument({
    renderer: service.renderer(),
    template: document.template,
    publicUrl: platform.config.http.publicUrl,
    code: document.verificationCode,
    data: (verification) => withVerification(document.data, verification),
    signatures: planned,
    creationDate: signingTime,
  });
  const sha256 = await service.blobs.put(issued.pdf);
  const signers: SignerRecord[] = issued.signers.map((s, i) => ({
    role: s.role,
    name: names[i] ?? '',
    fieldName: s.fieldName,
    subject: s.subject,
    serialNumber: s.serialNumber,
    signingTime: s.signingTime,
  }));
  return db.transaction(async (tx) => {
    await tx
      .insert(blobs)
      .values({ sha256, sizeBytes: issued.pdf.length, mediaType: 'application/pdf' })
      .onConflictDoNothing();
    const [updated] = await tx
      .update(issuedDocuments)
      .set({ status: 'valid', sha256, sizeBytes: issued.pdf.length, signers, renderedAt: platform.now() })
      .where(and(eq(issuedDocuments.id, document.id), eq(issuedDocuments.status, 'pending')))
      .returning();
    if (!updated) {
      const [current] = await tx.select().from(issuedDocuments).where(eq(issuedDocuments.id, document.id));
      return current;
    }
    await appendAudit(
      tx,
      { actor: { kind: 'system', label: 'documents' } },
      {
        action: 'document.signed',
        objectType: 'document',
        objectId: document.id,
        agencyId: document.agencyId,
        summary: { number: document.number, sha256, signers: signers.map((s) => s.serialNumber) },
      },
      platform.now(),
    );
    await deliver(tx, platform, updated);
    return updated;
  });
}

/** The mail with the signed PDF attached, and the in-app notification of its recipient. */
async function deliver(tx: Orm, platform: Platform, document: IssuedDocumentRow): Promise<void> {
  const delivery = document.delivery;
  const caseUrl = document.caseId
    ? `${platform.config.http.publicUrl}/my-space/cases/${document.caseId}`
    : `${platform.config.http.publicUrl}/verify/${document.verificationCode}`;
  if (delivery && document.sha256) {
    await queueMail(
      tx,
      {
        to: delivery.to,
        template: DocumentIssuedMail.key,
        locale: delivery.locale,
        vars: {
          ...delivery.vars,
          titleText: document.title[delivery.locale],
          number: document.number,
          verifyUrl: verificationUrl(platform.config.http.publicUrl, document.verificationCode),
          url: caseUrl,
        },
        attachments: [
          { filename: document.filename, blobKey: document.sha256, contentType: 'application/pdf' },
        ],
      },
      `document:${document.id}:mail`,
    );
  }
  if (document.recipientUserId) {
    const [user] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, document.recipientUserId));
    const locale = isLocale(user?.locale) ? user.locale : 'ar';
    await tx.insert(notifications).values({
      userId: document.recipientUserId,
      caseId: document.caseId,
      kind: 'document.issued',
      title: `${document.title[locale]} — ${document.number}`,
      body: document.title[locale],
      link: document.caseId ? `/my-space/cases/${document.caseId}` : `/verify/${document.verificationCode}`,
    });
  }
}

export const renderHandler =
  (service: DocumentService) =>
  async (job: OutboxJob): Promise<void> => {
    const documentId = job.payload.documentId;
    if (typeof documentId !== 'string') throw new Error('documents.render job without documentId');
    await renderRegisteredDocument(service, documentId);
  };

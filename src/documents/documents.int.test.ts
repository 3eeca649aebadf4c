// The documents registry through the HTTP API: the deposit receipt every procedure issues, the
// persisted PKI, public verification by code and by file (exact, one byte off, not a PDF, unknown),
// and revocation and supersession as the director's signed, audited acts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInCitizen, signedInStaff } from '../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { auditEvents } from '../platform/db/tables.ts';
import { documentActs, documentVerifications, issuedDocuments, pkiCertificates } from './tables.ts';
import { pdfsig, pdftotext, signatureReports, zbarPdfPage } from './test-tools.ts';

let ctx: TestContext;
let citizen: Person;
let director: Person;
let instructor: Person;
let foreignDirector: Person;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5e40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** PDFs written for people to look at (`pdftoppm -png -r 70 …`). */
const OUT = path.resolve('test-results/documents');

type Summary = {
  id: string;
  type: string;
  number: string;
  verificationCode: string;
  ready: boolean;
  status: string;
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-03-16T09:30:00Z');
  citizen = await signedInCitizen(ctx, { locale: 'fr' });
  director = await signedInStaff(ctx, 'AUST', 'director');
  instructor = await signedInStaff(ctx, 'AUST', 'instructor');
  foreignDirector = await signedInStaff(ctx, 'AUC', 'director');
  mkdirSync(OUT, { recursive: true });
}, 180_000);
afterAll(async () => ctx?.close());

async function depositInfo(): Promise<string> {
  const created = await citizen.client.post('/api/cases', {
    procedure: 'INFO',
    agencyCode: 'AUST',
    data: {
      subject: 'Hauteur autorisée',
      topic: 'zoning',
      question: 'Quelle hauteur au 12 rue des Orangers ?',
    },
  });
  const id = created.json().id as string;
  await citizen.client.upload(
    `/api/cases/${id}/documents`,
    { checklistCode: 'supporting_document' },
    { filename: 'plan-situation.pdf', bytes: PDF },
  );
  const version = (await citizen.client.get(`/api/cases/${id}`)).json().version;
  const res = await citizen.client.post(`/api/cases/${id}/transitions/deposit`, { version, input: {} });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

const receiptOf = async (caseId: string): Promise<Summary> => {
  const docs = (await citizen.client.get(`/api/cases/${caseId}/issued-documents`)).json() as Summary[];
  const receipt = docs.find((d) => d.type === 'deposit_receipt');
  expect(receipt).toBeDefined();
  return receipt!;
};

const download = async (id: string) => {
  const res = await citizen.client.get(`/api/documents/${id}/file`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};

const verifyFile = (bytes: Buffer, filename = 'document.pdf', code?: string) =>
  ctx
    .client()
    .upload(
      `/api/verify${code ? `?code=${code}` : ''}`,
      {},
      { filename, bytes, contentType: 'application/pdf' },
    );

describe('the deposit receipt (récépissé)', () => {
  let caseId: string;
  let receipt: Summary;
  let pdf: Buffer;

  it('is registered with the deposit, then signed after commit and mailed to the applicant', async () => {
    caseId = await depositInfo();
    receipt = await receiptOf(caseId);
    expect(receipt).toMatchObject({ status: 'pending', ready: false });
    expect(receipt.number).toMatch(/^AUST-RCP-2026-\d{6}$/);
    expect((await citizen.client.get(`/api/documents/${receipt.id}/file`)).json().code).toBe(
      'documents.not_ready',
    );
    await ctx.drain();
    receipt = await receiptOf(caseId);
    expect(receipt).toMatchObject({ status: 'valid', ready: true });
    pdf = await download(receipt.id);
    writeFileSync(path.join(OUT, 'deposit-receipt.pdf'), pdf);
    const mail = ctx.mails.find((m) => m.to === citizen.email && m.subject.includes(receipt.number));
    expect(mail?.attachments?.[0]?.content.equals(pdf)).toBe(true);
    // Running the job again changes nothing (idempotent).
    const [row] = await ctx.platform.db.orm
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, receipt.id));
    const { renderRegisteredDocument } = await import('./registry.ts');
    const { createDocumentService } = await import('./registry.ts');
    const again = await renderRegisteredDocument(
      createDocumentService({ platform: ctx.platform, blobs: ctx.engine.blobs }),
      receipt.id,
    );
    expect(again?.sha256).toBe(row!.sha256);
  });

  it('is a bilingual PDF whose Arabic extracts in logical order, with the case and the legal delay', async () => {
    const text = pdftotext(pdf);
    const view = (await citizen.client.get(`/api/cases/${caseId}`)).json();
    expect(text).toContain('وصل الإيداع');
    expect(text).toContain('Récépissé de dépôt');
    expect(text).toContain(view.reference);
    expect(text).toContain('plan-situation.pdf');
    expect(text).toContain('20 jours ouvrables');
    expect(text).toContain('طلب معلومات عامة');
    expect(text).toContain(receipt.verificationCode);
  });

  it('carries a seal signature that pdfsig validates and trusts with the published root', async () => {
    const root = await ctx.client().get('/api/documents/trust-anchor.pem');
    expect(root.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const reports = signatureReports(pdfsig(pdf, { trustedRootPem: root.body }));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('Signature Validation: Signature is Valid.');
    expect(reports[0]).toContain('Certificate Validation: Certificate is Trusted.');
    expect(reports[0]).toContain('Signature Field Name: cachet-agence');
    expect(zbarPdfPage(pdf)).toEqual([`http://taamir.test/verify/${receipt.verificationCode}`]);
  });

  it('keeps the PKI in the database: one root, one CA for the agency, keys only encrypted', async () => {
    const certificates = await ctx.platform.db.orm.select().from(pkiCertificates);
    expect(certificates.filter((c) => c.kind === 'root')).toHaveLength(1);
    expect(certificates.filter((c) => c.kind === 'issuing_ca').map((c) => c.subject)).toEqual([
      expect.stringContaining('AUST - Autorité de certification Taamir'),
    ]);
    for (const c of certificates) expect(c.encryptedKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    // The database itself refuses a plain key.
    const plain = ctx.platform.db.orm.insert(pkiCertificates).values({
      ...certificates[0]!,
      id: undefined as never,
      serialNumber: 'FF',
      holder: 'probe',
      encryptedKeyPem: '-----BEGIN PRIVATE KEY-----\n…',
    });
    await expect(plain).rejects.toThrow();
  });

  it('is verified by code (as typed: any case, spaces) and by file; every attempt is logged', async () => {
    const typed = receipt.verificationCode.toLowerCase().replaceAll('-', ' ');
    const byCode = await ctx.client().get(`/api/verify/${encodeURIComponent(typed)}`);
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json()).toMatchObject({
      status: 'valid',
      number: receipt.number,
      type: 'deposit_receipt',
      agency: { code: 'AUST' },
      issuedOn: '2026-03-16',
    });
    expect(byCode.json().sha256).toBe(
      (await ctx.platform.db.orm.select().from(issuedDocuments).where(eq(issuedDocuments.id, receipt.id)))[0]!
        .sha256,
    );
    expect(byCode.json().signers[0]).toMatchObject({
      role: 'seal',
      serialNumber: expect.stringMatching(/^[0-9A-F]+$/),
    });

    expect((await ctx.client().get('/api/verify/ABCD-EFGH-JKLM')).statusCode).toBe(404);
    const malformed = await ctx.client({ locale: 'ar' }).get('/api/verify/not-a-code');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().title).toBe('رمز التحقق غير صالح');

    const exact = await verifyFile(pdf);
    expect(exact.statusCode, exact.body).toBe(200);
    expect(exact.json()).toMatchObject({
      result: 'match',
      document: { number: receipt.number, status: 'valid' },
    });

    // One byte different (inside the page content): refused, and said to differ from the issued file.
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('stream\n', 1000) + 30;
    altered[at] = altered[at]! ^ 0x01;
    const differs = await verifyFile(altered);
    expect(differs.json()).toMatchObject({ result: 'mismatch', document: { number: receipt.number } });
    expect(differs.json().sha256).not.toBe(exact.json().sha256);

    const notPdf = await ctx
      .client({ locale: 'fr' })
      .upload('/api/verify', {}, { filename: 'recu.pdf', bytes: PNG });
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json()).toMatchObject({
      code: 'documents.not_a_pdf',
      title: "Ce fichier n'est pas un PDF",
    });
    expect(notPdf.json().detail).toContain('image/png');

    const unknown = await verifyFile(PDF);
    expect(unknown.json()).toMatchObject({ result: 'unknown', document: null });

    const logged = await ctx.platform.db.orm.select().from(documentVerifications);
    expect(logged.map((l) => l.outcome)).toEqual(
      expect.arrayContaining([
        'valid',
        'unknown_code',
        'invalid_code',
        'match',
        'mismatch',
        'not_pdf',
        'unknown',
      ]),
    );
    const mismatchAudit = await ctx.platform.db.orm
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'document.verification_mismatch'), eq(auditEvents.objectId, receipt.id)),
      );
    expect(mismatchAudit).toHaveLength(1);
  });

  it('is revoked by a signed act of the director, never deleted; the verification says so', async () => {
    const url = `/api/staff/documents/${receipt.id}/revoke`;
    const reason = { reason: 'Dépôt enregistré par erreur sur un autre dossier.' };
    expect((await instructor.client.post(url, reason)).json().code).toBe('documents.act_forbidden');
    expect((await foreignDirector.client.post(url, reason)).statusCode).toBe(404);
    const revoked = await director.client.post(url, reason);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await director.client.post(url, reason)).json().code).toBe('documents.not_revocable');

    const page = (await ctx.client().get(`/api/verify/${receipt.verificationCode}`)).json();
    expect(page).toMatchObject({ status: 'revoked', revocation: { reason: reason.reason } });
    expect((await verifyFile(pdf)).json()).toMatchObject({
      result: 'match',
      document: { status: 'revoked' },
    });

    // The act: a statement signed with the director's certificate, which OpenSSL verifies.
    const [act] = await ctx.platform.db.orm
      .select()
      .from(documentActs)
      .where(eq(documentActs.documentId, receipt.id));
    expect(JSON.parse(act!.statement)).toMatchObject({
      act: 'revocation',
      document: { number: receipt.number },
    });
    const [certificate] = await ctx.platform.db.orm
      .select()
      .from(pkiCertificates)
      .where(eq(pkiCertificates.id, act!.certificateId));
    expect(certificate).toMatchObject({
      kind: 'signatory',
      userId: director.userId,
      signatoryRole: 'agency-director',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'taamir-act-'));
    try {
      writeFileSync(path.join(dir, 'statement.json'), act!.statement);
      writeFileSync(path.join(dir, 'act.der'), Buffer.from(act!.signatureCms, 'base64'));
      writeFileSync(
        path.join(dir, 'root.pem'),
        (await ctx.client().get('/api/documents/trust-anchor.pem')).body,
      );
      const out = execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          path.join(dir, 'act.der'),
          '-content',
          path.join(dir, 'statement.json'),
          '-CAfile',
          path.join(dir, 'root.pem'),
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const audit = await ctx.platform.db.orm
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'document.revoked'), eq(auditEvents.objectId, receipt.id)));
    expect(audit).toHaveLength(1);
    await expect(
      ctx.platform.db.orm.delete(issuedDocuments).where(eq(issuedDocuments.id, receipt.id)),
    ).rejects.toThrow();
  });

  it('is superseded by a new issue that names the one it replaces', async () => {
    const other = await depositInfo();
    await ctx.drain();
    const original = await receiptOf(other);
    const res = await director.client.post(`/api/staff/documents/${original.id}/supersede`, {
      reason: 'Nom du déposant corrigé à sa demande.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { superseded, replacement } = res.json() as { superseded: Summary; replacement: Summary };
    expect(superseded.status).toBe('superseded');
    expect(replacement.number).not.toBe(original.number);
    await ctx.drain();
    const old = (await ctx.client().get(`/api/verify/${original.verificationCode}`)).json();
    expect(old).toMatchObject({
      status: 'superseded',
      supersededBy: { code: replacement.verificationCode, number: replacement.number },
    });
    const fresh = (await ctx.client().get(`/api/verify/${replacement.verificationCode}`)).json();
    expect(fresh).toMatchObject({ status: 'valid', supersedes: { number: original.number } });
    const bytes = await download(replacement.id);
    writeFileSync(path.join(OUT, 'deposit-receipt-replacement.pdf'), bytes);
    expect(pdftotext(bytes)).toContain(`Remplace le document n° ${original.number}`);
    // Staff list the registry of their agency only.
    const mine = (await director.client.get(`/api/staff/documents?caseId=${other}`)).json() as Summary[];
    expect(mine.map((d) => d.number).sort()).toEqual([original.number, replacement.number].sort());
    expect((await foreignDirector.client.get(`/api/staff/documents?caseId=${other}`)).json()).toEqual([]);
  });
});

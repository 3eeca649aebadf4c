import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCadesSignedData, certificateParts, OID } from './cades.ts';
import { children, objectIdentifier, readElement } from './der.ts';
import { createSpecimenPki, type SpecimenPki } from './issue-specimen.ts';
import { decryptPrivateKey, type KeyMaterial } from './pki.ts';
import { qrSvg, verificationUrl } from './qr.ts';
import { DocumentRenderer } from './render.ts';
import { pdfTextString, signPdf } from './sign.ts';
import { type CmsSigner, LocalKeySigner } from './signer.ts';
import { specimenUrbanNoteInput } from './specimen-data.ts';
import { urbanNoteView } from './specimen-note.ts';
import { pdfsig, signatureReports } from './test-tools.ts';

/**
 * Integration-style: real Typst output, real signatures, validated by poppler's `pdfsig` (NSS).
 * No database and no network, so these run in the unit project.
 */

let pki: SpecimenPki;
let unsigned: Buffer;

const signerFor = (material: KeyMaterial) =>
  LocalKeySigner.fromEncryptedKey({
    certificateChainPem: [material.certificatePem, pki.issuingCa.certificatePem],
    encryptedKeyPem: material.encryptedKeyPem,
    masterPassphrase: pki.masterPassphrase,
  });

const common = { location: 'Casablanca', contactInfo: 'taamir.example.ma' };

beforeAll(async () => {
  pki = createSpecimenPki();
  const code = 'K7QF-2MZD-9XWA';
  const url = verificationUrl('https://taamir.example.ma', code);
  unsigned = await DocumentRenderer.create().render({
    template: 'specimen-note',
    data: urbanNoteView(
      specimenUrbanNoteInput({
        reference: 'NRU-AUC-2026-000123',
        issuedOn: '2026-11-22',
        verification: { url, code },
      }),
    ),
    files: { 'qr.svg': qrSvg(url) },
  });
}, 60_000);

const signThree = async (): Promise<Buffer> => {
  let pdf = unsigned;
  pdf = await signPdf(pdf, signerFor(pki.instructor), {
    ...common,
    fieldName: 'instructeur',
    name: 'Salma Bennani',
    reason: 'Instruction du dossier / دراسة الملف',
  });
  pdf = await signPdf(pdf, signerFor(pki.director), {
    ...common,
    fieldName: 'directeur',
    name: 'Youssef El Amrani',
    reason: 'Délivrance',
  });
  return signPdf(pdf, signerFor(pki.seal), {
    ...common,
    fieldName: 'cachet-agence',
    name: 'Agence Urbaine de Casablanca',
    reason: "Cachet électronique de l'Agence",
  });
};

describe('signPdf (PAdES, checked by pdfsig)', () => {
  let signed: Buffer;

  beforeAll(async () => {
    signed = await signThree();
  }, 60_000);

  it('adds three valid ETSI.CAdES.detached signatures; the last covers the whole file', () => {
    const reports = signatureReports(pdfsig(signed));
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => /Signature Field Name: (.*)/.exec(r)?.[1])).toEqual([
      'instructeur',
      'directeur',
      'cachet-agence',
    ]);
    for (const report of reports) {
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
    }
    expect(reports[0]).toContain('Not total document signed');
    expect(reports[1]).toContain('Not total document signed');
    expect(reports[2]).toContain('Total document signed');
    expect(reports[0]).toContain('Signer Certificate Common Name: Salma Bennani');
    expect(reports[2]).toContain(
      'Signer Certificate Common Name: Agence Urbaine de Casablanca - Cachet électronique',
    );
  });

  it('chains every signer to the root once the root is trusted (NSS database)', () => {
    const untrusted = signatureReports(pdfsig(signed));
    for (const report of untrusted) expect(report).not.toContain('Certificate is Trusted.');
    const trusted = signatureReports(pdfsig(signed, { trustedRootPem: pki.root.certificatePem }));
    expect(trusted).toHaveLength(3);
    for (const report of trusted) expect(report).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('detects a flipped byte inside the signed ranges', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('stream\n', 2000) + 40; // inside the first page's content stream
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const reports = signatureReports(pdfsig(tampered));
    expect(reports).toHaveLength(3);
    for (const report of reports) expect(report).toContain('Signature Validation: Digest Mismatch.');
  });

  it('leaves the earlier signatures untouched: the first signature alone is a valid whole document', () => {
    const firstRange = /\/ByteRange \[0 (\d+) (\d+) (\d+)/.exec(signed.toString('latin1'));
    expect(firstRange).not.toBeNull();
    const end = Number(firstRange?.[2]) + Number(firstRange?.[3]);
    const [report] = signatureReports(pdfsig(signed.subarray(0, end)));
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('writes non-ASCII signature texts as UTF-16BE', () => {
    expect(pdfTextString('Délivrance')).toBe('<FEFF004400E9006C0069007600720061006E00630065>');
    expect(pdfTextString('Cachet (AUC)')).toBe('(Cachet \\(AUC\\))');
    expect(signed.toString('latin1')).toContain(
      `/Reason ${pdfTextString('Instruction du dossier / دراسة الملف')}`,
    );
  });

  it('puts content-type, message-digest and signing-certificate-v2 in the CMS, and no signing-time', () => {
    const text = signed.toString('latin1');
    const contents = [...text.matchAll(/\/Contents <([0-9a-f]+)>/g)].map((m) =>
      Buffer.from(m[1] ?? '', 'hex'),
    );
    expect(contents).toHaveLength(3);
    const cms = readElement(contents[2] ?? Buffer.alloc(0)); // the seal's, zero padding ignored
    const [contentType, content] = children(cms);
    expect(contentType?.bytes).toEqual(objectIdentifier(OID.signedData));
    const signedData = children(children(content!)[0]!);
    const certificates = children(signedData[3]!);
    const sealCertificate = certificateParts(pki.seal.certificatePem);
    expect(certificates.map((c) => c.bytes)).toEqual([
      sealCertificate.der,
      certificateParts(pki.issuingCa.certificatePem).der,
    ]);
    const signerInfo = children(children(signedData[4]!)[0]!);
    const signedAttributes = signerInfo[3]!;
    const attributes = new Map(
      children(signedAttributes).map((a) => [children(a)[0]!.bytes.toString('hex'), a]),
    );
    expect(attributes.has(objectIdentifier(OID.contentType).toString('hex'))).toBe(true);
    expect(attributes.has(objectIdentifier(OID.messageDigest).toString('hex'))).toBe(true);
    expect(attributes.has(objectIdentifier(OID.signingTime).toString('hex'))).toBe(false);
    const essAttribute = attributes.get(objectIdentifier(OID.signingCertificateV2).toString('hex'));
    expect(essAttribute).toBeDefined();
    const certHash = createHash('sha256').update(sealCertificate.der).digest();
    expect(essAttribute?.bytes.includes(certHash)).toBe(true);
    expect(essAttribute?.bytes.includes(sealCertificate.serialNumber)).toBe(true);
    // The signature covers the DER SET OF the signed attributes (tag 0x31 instead of [0]).
    const toBeVerified = Buffer.concat([Buffer.from([0x31]), signedAttributes.bytes.subarray(1)]);
    const signature = signerInfo[5]!.content;
    expect(
      verifySignature(
        'sha256',
        toBeVerified,
        new X509Certificate(pki.seal.certificatePem).publicKey,
        signature,
      ),
    ).toBe(true);
  });
});

describe('pluggable signers', () => {
  it('accepts a remote signer that returns the whole CMS from the document digest only', async () => {
    const local = signerFor(pki.director);
    const seen: Buffer[] = [];
    const remote: CmsSigner = {
      kind: 'cms',
      certificateChainPem: local.certificateChainPem,
      async signDocumentDigest({ digest }) {
        seen.push(digest);
        return buildCadesSignedData({
          documentDigest: digest,
          certificateChainPem: local.certificateChainPem,
          signatureAlgorithm: local.signatureAlgorithm,
          sign: (input) => local.sign(input),
        });
      },
    };
    const pdf = await signPdf(unsigned, remote, {
      ...common,
      fieldName: 'remote',
      name: 'Remote',
      reason: 'Test',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(32);
    const [report] = signatureReports(pdfsig(pdf));
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('ETSI.CAdES.detached');
  });

  it('refuses a duplicate field name and a signer whose key does not match its certificate', async () => {
    const once = await signPdf(unsigned, signerFor(pki.instructor), {
      ...common,
      fieldName: 'instructeur',
      name: 'x',
      reason: 'x',
    });
    await expect(
      signPdf(once, signerFor(pki.director), { ...common, fieldName: 'instructeur', name: 'x', reason: 'x' }),
    ).rejects.toThrow(/already present/);
    await expect(
      signPdf(once, signerFor(pki.director), { ...common, fieldName: 'bad name', name: 'x', reason: 'x' }),
    ).rejects.toThrow(/documents.invalid_input/);
    const sealKey = decryptPrivateKey({ ...pki.seal, masterPassphrase: pki.masterPassphrase });
    expect(
      () => new LocalKeySigner({ certificateChainPem: [pki.director.certificatePem], privateKey: sealKey }),
    ).toThrow(/does not match/);
  });

  it('reports a signer failure with a stable code', async () => {
    const failing: CmsSigner = {
      kind: 'cms',
      certificateChainPem: [pki.seal.certificatePem],
      maxCmsLength: 8192,
      async signDocumentDigest() {
        throw new Error('provider unavailable');
      },
    };
    await expect(
      signPdf(unsigned, failing, { ...common, fieldName: 'x', name: 'x', reason: 'x' }),
    ).rejects.toThrow(/documents.signer_failed/);
  });
});

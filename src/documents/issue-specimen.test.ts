import { beforeAll, describe, expect, it } from 'vitest';
import { isVerificationCode, sha256Hex } from './fingerprint.ts';
import { type IssueSpecimenOptions, issueSpecimen } from './issue-specimen.ts';
import { pdfsig, pdftotext, signatureReports, zbarPdfPage } from './test-tools.ts';

type Issued = Awaited<ReturnType<typeof issueSpecimen>>;
let issued: Issued;
const options: IssueSpecimenOptions = {
  publicUrl: 'https://taamir.example.ma/',
  issuedAt: new Date('2026-11-22T10:00:00Z'),
};

beforeAll(async () => {
  issued = await issueSpecimen(options);
}, 60_000);

describe('issueSpecimen', () => {
  it('returns the signed PDF, its SHA-256, the verification code and the three signers', () => {
    expect(issued.sha256).toBe(sha256Hex(issued.pdf));
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(isVerificationCode(issued.code)).toBe(true);
    expect(issued.verificationUrl).toBe(`https://taamir.example.ma/verify/${issued.code}`);
    expect(issued.signers.map((s) => [s.role, s.fieldName])).toEqual([
      ['instructor', 'instructeur'],
      ['agency-director', 'directeur'],
      ['seal', 'cachet-agence'],
    ]);
    expect(issued.signers[0]?.subject).toContain('CN=Salma Bennani');
    expect(issued.signers[0]?.subject).toContain('name=سلمى بناني');
  });

  it('is a PAdES document every signature of which pdfsig validates and trusts', () => {
    const reports = signatureReports(pdfsig(issued.pdf, { trustedRootPem: issued.pki.root.certificatePem }));
    expect(reports).toHaveLength(3);
    for (const report of reports) {
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    }
    expect(reports[2]).toContain('Total document signed');
  });

  it('prints a QR code that decodes (page scanned at 150 dpi) to the verification URL', () => {
    expect(zbarPdfPage(issued.pdf, { page: 1, dpi: 150 })).toEqual([issued.verificationUrl]);
    expect(zbarPdfPage(issued.pdf, { page: 2, dpi: 150 })).toEqual([issued.verificationUrl]);
  });

  it('prints the code, the URL and the issue date; Arabic stays readable after signing', () => {
    const text = pdftotext(issued.pdf);
    expect(text).toContain(issued.verificationUrl);
    expect(text).toContain(issued.code);
    expect(text).toContain('NRU-AUC-2026-000123');
    expect(text).toContain('Casablanca, le 22 novembre 2026');
    expect(text).toContain('مذكرة المعلومات التعميرية');
    expect(text).toContain('12345/C');
  });

  it('reuses a PKI and gives every issue its own code and bytes', async () => {
    const again = await issueSpecimen({ ...options, pki: issued.pki });
    expect(again.code).not.toBe(issued.code);
    expect(again.sha256).not.toBe(issued.sha256);
    expect(again.signers[2]?.serialNumber).toBe(issued.signers[2]?.serialNumber);
  }, 30_000);
});

import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createIssuingCa,
  createRootCa,
  decryptPrivateKey,
  issueSealCertificate,
  issueSignatoryCertificate,
  type KeyMaterial,
} from './pki.ts';
import { SPECIMEN_AGENCY } from './specimen-data.ts';

const masterPassphrase = 'test master passphrase — not a secret';
const now = new Date('2026-11-22T10:00:00Z');
let root: KeyMaterial;
let issuingCa: KeyMaterial;
let director: KeyMaterial;
let seal: KeyMaterial;

beforeAll(() => {
  root = createRootCa({ masterPassphrase, now });
  issuingCa = createIssuingCa({ masterPassphrase, now, root, agency: SPECIMEN_AGENCY });
  director = issueSignatoryCertificate({
    masterPassphrase,
    now,
    issuer: issuingCa,
    agency: SPECIMEN_AGENCY,
    signatory: { nameLatin: 'Youssef El Amrani', nameArabic: 'يوسف العمراني', role: 'agency-director' },
  });
  seal = issueSealCertificate({ masterPassphrase, now, issuer: issuingCa, agency: SPECIMEN_AGENCY });
}, 60_000);

const x509 = (material: KeyMaterial) => new X509Certificate(material.certificatePem);
const keyUsage = (material: KeyMaterial) =>
  forge.pki.certificateFromPem(material.certificatePem).getExtension('keyUsage') as Record<string, boolean>;
const basicConstraints = (material: KeyMaterial) =>
  forge.pki.certificateFromPem(material.certificatePem).getExtension('basicConstraints') as {
    cA: boolean;
    pathLenConstraint?: number;
    critical: boolean;
  };

describe('internal PKI', () => {
  it('chains root → agency CA → end entities, each signature verified by OpenSSL', () => {
    expect(x509(root).verify(x509(root).publicKey)).toBe(true);
    expect(x509(issuingCa).checkIssued(x509(root))).toBe(true);
    expect(x509(issuingCa).verify(x509(root).publicKey)).toBe(true);
    for (const leaf of [director, seal]) {
      expect(x509(leaf).checkIssued(x509(issuingCa))).toBe(true);
      expect(x509(leaf).verify(x509(issuingCa).publicKey)).toBe(true);
    }
  });

  it('uses RSA-3072 and SHA-256', () => {
    for (const material of [root, issuingCa, director, seal]) {
      expect(x509(material).publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
      expect(forge.pki.certificateFromPem(material.certificatePem).siginfo.algorithmOid).toBe(
        forge.pki.oids.sha256WithRSAEncryption,
      );
    }
  });

  it('gives CAs and signing certificates the right constraints and key usages', () => {
    expect(basicConstraints(root)).toMatchObject({ cA: true, pathLenConstraint: 1, critical: true });
    expect(basicConstraints(issuingCa)).toMatchObject({ cA: true, pathLenConstraint: 0, critical: true });
    expect(keyUsage(issuingCa)).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    for (const leaf of [director, seal]) {
      expect(basicConstraints(leaf)).toMatchObject({ cA: false, critical: true });
      expect(keyUsage(leaf)).toMatchObject({
        critical: true,
        digitalSignature: true,
        nonRepudiation: true,
        keyCertSign: false,
      });
    }
  });

  it('names people and organisations in both scripts (UTF8String)', () => {
    expect(x509(director).subject.split('\n')).toEqual([
      'C=MA',
      'O=Agence Urbaine de Casablanca',
      "title=Directeur de l'Agence urbaine",
      'CN=Youssef El Amrani',
      'name=يوسف العمراني',
    ]);
    expect(x509(seal).subject).toContain('CN=Agence Urbaine de Casablanca - Cachet électronique');
    expect(x509(seal).subject).toContain('name=الوكالة الحضرية للدار البيضاء');
    // The issuer name is copied byte for byte from the CA certificate.
    expect(x509(director).issuer).toBe(x509(issuingCa).subject);
  });

  it('has random positive serials and validities inside the issuer', () => {
    const serials = [root, issuingCa, director, seal].map((m) => x509(m).serialNumber);
    expect(new Set(serials).size).toBe(4);
    for (const serial of serials) expect(serial).toMatch(/^[4-7][0-9A-F]{31}$/);
    expect(new Date(x509(director).validTo).getTime() - now.getTime()).toBeCloseTo(730 * 86_400_000, -5);
    expect(new Date(x509(seal).validTo) <= new Date(x509(issuingCa).validTo)).toBe(true);
    expect(new Date(x509(root).validTo).getUTCFullYear()).toBe(2046);
  });

  it('stores keys encrypted; only the master passphrase opens them', () => {
    for (const material of [root, issuingCa, director, seal]) {
      expect(material.encryptedKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
      expect(material.encryptedKeyPem).not.toContain('BEGIN PRIVATE KEY');
    }
    const key = decryptPrivateKey({ ...director, masterPassphrase });
    expect(key.type).toBe('private');
    expect(x509(director).checkPrivateKey(key)).toBe(true);
    expect(() =>
      decryptPrivateKey({ ...director, masterPassphrase: 'another passphrase, same length' }),
    ).toThrow(/documents.key_decryption_failed/);
    // Each key has its own derived passphrase: a key under another certificate does not open.
    expect(() =>
      decryptPrivateKey({
        encryptedKeyPem: director.encryptedKeyPem,
        certificatePem: seal.certificatePem,
        masterPassphrase,
      }),
    ).toThrow(/documents.key_decryption_failed/);
  });

  it('refuses a short master passphrase and a non-CA issuer', () => {
    expect(() => createRootCa({ masterPassphrase: 'short', keyBits: 2048 })).toThrow(
      /documents.invalid_input/,
    );
    expect(() =>
      issueSealCertificate({ masterPassphrase, issuer: director, agency: SPECIMEN_AGENCY, keyBits: 2048 }),
    ).toThrow(/not a CA/);
  });
});

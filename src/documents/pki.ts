import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  scryptSync,
  sign as signBytes,
  X509Certificate,
} from 'node:crypto';
import forge from 'node-forge';
import { DocumentError } from './errors.ts';
import type { AgencyIdentity, SignatoryRole } from './official.ts';
import { ROLE_TITLES } from './official.ts';

/**
 * Taamir's internal PKI: a platform root CA → one issuing CA per agency → end-entity certificates
 * for signatories (people) and for each agency's electronic seal (the organisation itself).
 *
 * Pure functions: they take the issuer's material and return new material; storing it is the
 * caller's job. Private keys only ever leave this module as encrypted PKCS#8 PEM
 * (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, PBES2 / PBKDF2-SHA256 / AES-256-CBC, done by OpenSSL
 * through node:crypto). Each key file has its own passphrase, derived from the platform's master
 * passphrase (config `SIGNING_KEY_PASSPHRASE`) and the key's own public key with scrypt, so:
 * - one derived passphrase, if leaked, opens one key only;
 * - a stolen key file costs an attacker one scrypt (N=2^15, ~80 ms) per master-passphrase guess;
 * - renewing a certificate for the same key keeps the same passphrase (it is bound to the key).
 *
 * Key generation uses node:crypto (OpenSSL, native): RSA-3072 takes ~0.4–1.2 s here, RSA-2048
 * ~0.1–0.45 s. Signing costs well under 2 ms for both, so 3072 is the default everywhere (it is
 * what current guidance asks of keys used beyond 2030, and the root lives 20 years).
 * node-forge only assembles the X.509 structures; every signature is made by node:crypto.
 */

export type KeyMaterial = {
  certificatePem: string;
  /** Encrypted PKCS#8 PEM. Decrypt with `decryptPrivateKey`. */
  encryptedKeyPem: string;
};

export type RsaKeyBits = 2048 | 3072 | 4096;

type AgencyNames = Pick<AgencyIdentity, 'code' | 'nameFr' | 'nameAr'>;

type CommonOptions = {
  /** The platform master passphrase (`SIGNING_KEY_PASSPHRASE`). */
  masterPassphrase: string;
  /** Issue time (default: now). */
  now?: Date;
  keyBits?: RsaKeyBits;
};

const DEFAULT_KEY_BITS: RsaKeyBits = 3072;
const CLOCK_SKEW_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** X.520 `name` (2.5.4.41): carries the Arabic name next to the Latin CN. */
const OID_NAME = '2.5.4.41';
const UTF8 = forge.asn1.Type.UTF8;
/** Present in node-forge (x509.js) but missing from @types/node-forge. */
const getTbsCertificate = (
  forge.pki as unknown as { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 }
).getTBSCertificate;

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const PASSPHRASE_CONTEXT = 'taamir/documents/signing-key/v1';

// --- key protection ------------------------------------------------------------------------

const spkiDer = (publicKey: KeyObject): Buffer => publicKey.export({ type: 'spki', format: 'der' });

/** The passphrase of one key file: scrypt(master, context ‖ SHA-256(SubjectPublicKeyInfo)). */
const assertMasterPassphrase = (masterPassphrase: string): void => {
  if (masterPassphrase.length < 16) {
    throw new DocumentError(
      'documents.invalid_input',
      'the signing master passphrase must have at least 16 characters',
    );
  }
};

export const deriveKeyPassphrase = (masterPassphrase: string, publicKey: KeyObject): string => {
  assertMasterPassphrase(masterPassphrase);
  const keyId = createHash('sha256').update(spkiDer(publicKey)).digest('hex');
  return scryptSync(masterPassphrase, `${PASSPHRASE_CONTEXT}/${keyId}`, 32, SCRYPT).toString('base64url');
};

const encryptPrivateKey = (privateKey: KeyObject, publicKey: KeyObject, masterPassphrase: string): string =>
  privateKey
    .export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: deriveKeyPassphrase(masterPassphrase, publicKey),
    })
    .toString();

/** Opens an encrypted key of this PKI. The key stays in memory only (a KeyObject). */
export const decryptPrivateKey = (input: {
  encryptedKeyPem: string;
  certificatePem: string;
  masterPassphrase: string;
}): KeyObject => {
  const certificate = new X509Certificate(input.certificatePem);
  const passphrase = deriveKeyPassphrase(input.masterPassphrase, certificate.publicKey);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: input.encryptedKeyPem, format: 'pem', passphrase });
  } catch (cause) {
    throw new DocumentError('documents.key_decryption_failed', 'cannot decrypt the private key', { cause });
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new DocumentError(
      'documents.key_decryption_failed',
      'the private key does not match the certificate',
    );
  }
  return key;
};

// --- certificate assembly ------------------------------------------------------------------

type Attribute = { name?: string; type?: string; value: string; valueTagClass?: number };

const utf8 = (attribute: Omit<Attribute, 'valueTagClass'>): Attribute => ({
  ...attribute,
  valueTagClass: UTF8,
});

/** Positive, 127-bit random serial (RFC 5280: ≤ 20 octets, unpredictable). */
const randomSerialHex = (): string => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
};

const addYears = (date: Date, years: number): Date => {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
};

type Issuer = {
  certificate: X509Certificate;
  key: KeyObject;
  subjectAsn1: forge.asn1.Asn1;
  skiBytes: string;
};

/** The issuer's subject exactly as encoded in its certificate (never re-encoded by forge). */
const subjectAsn1Of = (certificateDer: Buffer): forge.asn1.Asn1 => {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(certificateDer.toString('binary')));
  const tbs = (asn1.value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  // tbsCertificate: [0] version, serialNumber, signature, issuer, validity, subject, ...
  const offset = fields[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return fields[offset + 4]!;
};

const openIssuer = (material: KeyMaterial, masterPassphrase: string): Issuer => {
  const certificate = new X509Certificate(material.certificatePem);
  if (!certificate.ca)
    throw new DocumentError('documents.invalid_input', 'the issuer certificate is not a CA');
  const forgeCert = forge.pki.certificateFromPem(material.certificatePem);
  const ski = forgeCert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
  if (!ski?.subjectKeyIdentifier)
    throw new DocumentError('documents.invalid_input', 'the issuer has no key identifier');
  return {
    certificate,
    key: decryptPrivateKey({ ...material, masterPassphrase }),
    subjectAsn1: subjectAsn1Of(Buffer.from(certificate.raw)),
    skiBytes: forge.util.hexToBytes(ski.subjectKeyIdentifier),
  };
};

type Profile = {
  subject: Attribute[];
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
};

/** Builds, signs (with node:crypto) and PEM-encodes a certificate; returns it with its encrypted key. */
const makeCertificate = (input: {
  profile: Profile;
  issuer: Issuer | 'self';
  keyBits: RsaKeyBits;
  masterPassphrase: string;
}): KeyMaterial => {
  assertMasterPassphrase(input.masterPassphrase);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: input.keyBits });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = input.profile.notBefore;
  cert.validity.notAfter = input.profile.notAfter;
  cert.setSubject(input.profile.subject);
  cert.setIssuer(input.profile.subject); // replaced below by the issuer's exact encoding
  const authorityKeyId =
    input.issuer === 'self'
      ? { name: 'authorityKeyIdentifier', keyIdentifier: true }
      : { name: 'authorityKeyIdentifier', keyIdentifier: input.issuer.skiBytes };
  cert.setExtensions([...input.profile.extensions, { name: 'subjectKeyIdentifier' }, authorityKeyId]);

  cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption!;
  cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  const tbs = getTbsCertificate(cert);
  if (input.issuer !== 'self') {
    const fields = tbs.value as forge.asn1.Asn1[];
    fields[3] = input.issuer.subjectAsn1; // [0] version, serial, signature, issuer
  }
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  const signingKey = input.issuer === 'self' ? privateKey : input.issuer.key;
  cert.tbsCertificate = tbs;
  cert.signature = signBytes('sha256', tbsDer, signingKey).toString('binary');
  const certificatePem = forge.pki.certificateToPem(cert);

  // Self-check with OpenSSL: the issuer's key really verifies what we produced.
  const produced = new X509Certificate(certificatePem);
  const verifier = input.issuer === 'self' ? produced : input.issuer.certificate;
  if (!produced.verify(verifier.publicKey)) {
    throw new DocumentError('documents.invalid_input', 'certificate self-check failed');
  }
  return {
    certificatePem,
    encryptedKeyPem: encryptPrivateKey(privateKey, publicKey, input.masterPassphrase),
  };
};

/** A certificate never outlives its issuer. */
const capToIssuer = (notAfter: Date, issuer?: Issuer): Date => {
  if (!issuer) return notAfter;
  const issuerEnd = new Date(issuer.certificate.validTo);
  return issuerEnd < notAfter ? issuerEnd : notAfter;
};

const validity = (now: Date, years: number, issuer?: Issuer): { notBefore: Date; notAfter: Date } => ({
  notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
  notAfter: capToIssuer(addYears(now, years), issuer),
});

const caExtensions = (pathLength: number) => [
  { name: 'basicConstraints', cA: true, pathLenConstraint: pathLength, critical: true },
  { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
];

const signingExtensions = () => [
  { name: 'basicConstraints', cA: false, critical: true },
  // digitalSignature + nonRepudiation (contentCommitment): the profile for signing documents.
  { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
];

// --- public API ----------------------------------------------------------------------------

/** The platform root CA (20 years, path length 1: root → agency CA → end entity). */
export const createRootCa = (
  input: CommonOptions & { commonName?: string; nameAr?: string; validityYears?: number },
): KeyMaterial => {
  const now = input.now ?? new Date();
  return makeCertificate({
    profile: {
      subject: [
        { name: 'countryName', value: 'MA' },
        utf8({ name: 'organizationName', value: 'Taamir' }),
        utf8({ name: 'commonName', value: input.commonName ?? 'Taamir Root CA' }),
        utf8({ type: OID_NAME, value: input.nameAr ?? 'سلطة التصديق الجذرية لمنصة تعمير' }),
      ],
      ...validity(now, input.validityYears ?? 20),
      extensions: caExtensions(1),
    },
    issuer: 'self',
    keyBits: input.keyBits ?? DEFAULT_KEY_BITS,
    masterPassphrase: input.masterPassphrase,
  });
};

/** An agency's issuing CA (10 years, can only issue end-entity certificates). */
export const createIssuingCa = (
  input: CommonOptions & { root: KeyMaterial; agency: AgencyNames; validityYears?: number },
): KeyMaterial => {
  const now = input.now ?? new Date();
  const issuer = openIssuer(input.root, input.masterPassphrase);
  return makeCertificate({
    profile: {
      subject: [
        { name: 'countryName', value: 'MA' },
        utf8({ name: 'organizationName', value: input.agency.nameFr }),
        utf8({ name: 'organizationalUnitName', value: 'Taamir' }),
        utf8({ name: 'commonName', value: `${input.agency.code} - Autorité de certification Taamir` }),
        utf8({ type: OID_NAME, value: `سلطة التصديق - ${input.agency.nameAr}` }),
      ],
      ...validity(now, input.validityYears ?? 10, issuer),
      extensions: caExtensions(0),
    },
    issuer,
    keyBits: input.keyBits ?? DEFAULT_KEY_BITS,
    masterPassphrase: input.masterPassphrase,
  });
};

export type Signatory = {
  /** Latin-script full name, the certificate's CN: `Salma Bennani`. */
  nameLatin: string;
  /** Arabic-script full name, in the `name` (2.5.4.41) attribute: `سلمى بناني`. */
  nameArabic: string;
  role: SignatoryRole;
  /** Organisation when it is not the agency (a commune president): French and Arabic. */
  organization?: { fr: string; ar: string };
  email?: string;
};

/** A person's signing certificate (2 years by default, like professional qualified certificates). */
export const issueSignatoryCertificate = (
  input: CommonOptions & {
    issuer: KeyMaterial;
    agency: AgencyNames;
    signatory: Signatory;
    validityDays?: number;
  },
): KeyMaterial => {
  const now = input.now ?? new Date();
  const issuer = openIssuer(input.issuer, input.masterPassphrase);
  const { signatory } = input;
  const organization = signatory.organization ?? { fr: input.agency.nameFr, ar: input.agency.nameAr };
  const extensions: object[] = signingExtensions();
  if (signatory.email)
    extensions.push({ name: 'subjectAltName', altNames: [{ type: 1, value: signatory.email }] });
  return makeCertificate({
    profile: {
      subject: [
        { name: 'countryName', value: 'MA' },
        utf8({ name: 'organizationName', value: organization.fr }),
        utf8({ name: 'title', value: ROLE_TITLES[signatory.role].fr }),
        utf8({ name: 'commonName', value: signatory.nameLatin }),
        utf8({ type: OID_NAME, value: signatory.nameArabic }),
      ],
      notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
      notAfter: capToIssuer(new Date(now.getTime() + (input.validityDays ?? 730) * DAY_MS), issuer),
      extensions,
    },
    issuer,
    keyBits: input.keyBits ?? DEFAULT_KEY_BITS,
    masterPassphrase: input.masterPassphrase,
  });
};

/** The agency's electronic seal: the organisation itself is the subject (3 years by default). */
export const issueSealCertificate = (
  input: CommonOptions & { issuer: KeyMaterial; agency: AgencyNames; validityYears?: number },
): KeyMaterial => {
  const now = input.now ?? new Date();
  const issuer = openIssuer(input.issuer, input.masterPassphrase);
  return makeCertificate({
    profile: {
      subject: [
        { name: 'countryName', value: 'MA' },
        utf8({ name: 'organizationName', value: input.agency.nameFr }),
        utf8({ name: 'commonName', value: `${input.agency.nameFr} - Cachet électronique` }),
        utf8({ type: OID_NAME, value: input.agency.nameAr }),
      ],
      ...validity(now, input.validityYears ?? 3, issuer),
      extensions: signingExtensions(),
    },
    issuer,
    keyBits: input.keyBits ?? DEFAULT_KEY_BITS,
    masterPassphrase: input.masterPassphrase,
  });
};

import { createHash, X509Certificate } from 'node:crypto';
import {
  children,
  nullValue,
  objectIdentifier,
  octetString,
  readElement,
  sequence,
  setOf,
  smallInteger,
  TAG,
  tlv,
} from './der.ts';
import { DocumentError } from './errors.ts';
import type { SignatureAlgorithm, ToBeSigned } from './signer.ts';

/**
 * CMS SignedData (RFC 5652) in the CAdES baseline-B form that PAdES (ETSI EN 319 142-1,
 * SubFilter `ETSI.CAdES.detached`) requires:
 *   - detached: no encapsulated content, the PDF byte ranges are the content;
 *   - signed attributes: content-type (id-data), message-digest, ESS signing-certificate-v2
 *     (RFC 5035: SHA-256 of the signer certificate, plus its issuer and serial number);
 *   - no signing-time attribute (PAdES puts the claimed time in the signature dictionary's /M);
 *   - the signer certificate and its chain in `certificates`.
 * @signpdf's P12Signer (node-forge PKCS#7) cannot add signing-certificate-v2, hence this builder.
 * Certificates, issuer names and serial numbers are copied byte for byte (der.ts), never re-encoded.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** sha256 AlgorithmIdentifier, parameters absent (RFC 5754). */
const sha256Algorithm = (): Buffer => sequence(objectIdentifier(OID.sha256));

const signatureAlgorithmIdentifier = (algorithm: SignatureAlgorithm): Buffer =>
  algorithm === 'rsa-pkcs1v15-sha256'
    ? sequence(objectIdentifier(OID.rsaEncryption), nullValue())
    : sequence(objectIdentifier(OID.ecdsaWithSha256));

type CertificateParts = { der: Buffer; issuer: Buffer; serialNumber: Buffer };

/** DER of the certificate, and its issuer Name and serial INTEGER exactly as encoded (any key type). */
export const certificateParts = (pem: string): CertificateParts => {
  const certificateDer = Buffer.from(new X509Certificate(pem).raw);
  const [tbs] = children(readElement(certificateDer));
  if (!tbs) throw new DocumentError('documents.invalid_input', 'malformed certificate');
  const fields = children(tbs);
  const offset = fields[0]?.tag === TAG.context0 ? 1 : 0; // [0] EXPLICIT version
  const serialNumber = fields[offset];
  const issuer = fields[offset + 2];
  if (serialNumber?.tag !== TAG.integer || issuer?.tag !== TAG.sequence) {
    throw new DocumentError('documents.invalid_input', 'malformed certificate');
  }
  return { der: certificateDer, issuer: issuer.bytes, serialNumber: serialNumber.bytes };
};

const attribute = (type: string, value: Buffer): Buffer => sequence(objectIdentifier(type), setOf(value));

/**
 * The CAdES signed attributes for a document digest, DER-encoded as the SET OF that gets signed
 * (tag 0x31). In the SignerInfo the same content is tagged [0] IMPLICIT.
 */
export const cadesSignedAttributes = (input: {
  documentDigest: Buffer;
  signerCertificatePem: string;
}): Buffer => {
  const signer = certificateParts(input.signerCertificatePem);
  const certHash = createHash('sha256').update(signer.der).digest();
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so omitted in DER), certHash,
  //   issuerSerial IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber } }
  // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] EXPLICIT Name.
  const issuerSerial = sequence(sequence(tlv(TAG.context4, signer.issuer)), signer.serialNumber);
  const signingCertificateV2 = sequence(sequence(sequence(octetString(certHash), issuerSerial)));
  return setOf(
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.messageDigest, octetString(input.documentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  );
};

/** Assembles the CMS ContentInfo(SignedData) around signed attributes and their signature. */
export const assembleCadesSignedData = (input: {
  certificateChainPem: readonly string[];
  signedAttributes: Buffer;
  signatureAlgorithm: SignatureAlgorithm;
  signature: Buffer;
}): Buffer => {
  const [leafPem] = input.certificateChainPem;
  if (!leafPem) throw new DocumentError('documents.invalid_input', 'empty certificate chain');
  const signer = certificateParts(leafPem);
  const signerInfo = sequence(
    smallInteger(1), // version 1: sid is issuerAndSerialNumber
    sequence(signer.issuer, signer.serialNumber),
    sha256Algorithm(),
    tlv(TAG.context0, readElement(input.signedAttributes).content), // signedAttrs [0] IMPLICIT
    signatureAlgorithmIdentifier(input.signatureAlgorithm),
    octetString(input.signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(sha256Algorithm()),
    sequence(objectIdentifier(OID.data)), // encapContentInfo without eContent: detached
    tlv(TAG.context0, Buffer.concat(input.certificateChainPem.map((pem) => certificateParts(pem).der))),
    setOf(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), tlv(TAG.context0, signedData));
};

/** Signed attributes → signature by the signer → CMS DER. */
export const buildCadesSignedData = async (input: {
  documentDigest: Buffer;
  certificateChainPem: readonly string[];
  signatureAlgorithm: SignatureAlgorithm;
  sign: (toBeSigned: ToBeSigned) => Promise<Buffer>;
}): Promise<Buffer> => {
  const [leafPem] = input.certificateChainPem;
  if (!leafPem) throw new DocumentError('documents.invalid_input', 'empty certificate chain');
  const signedAttributes = cadesSignedAttributes({
    documentDigest: input.documentDigest,
    signerCertificatePem: leafPem,
  });
  const digest = createHash('sha256').update(signedAttributes).digest();
  const signature = await input.sign({ data: signedAttributes, digest, digestAlgorithm: 'sha256' });
  return assembleCadesSignedData({
    certificateChainPem: input.certificateChainPem,
    signedAttributes,
    signatureAlgorithm: input.signatureAlgorithm,
    signature,
  });
};

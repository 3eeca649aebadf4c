import { type KeyObject, sign as signBytes, X509Certificate } from 'node:crypto';
import { DocumentError } from './errors.ts';
import { decryptPrivateKey } from './pki.ts';

/**
 * Who signs. The PDF layer (sign.ts) never sees a private key: it asks a `Signer`.
 *
 * - `RawSigner`: signs the bytes the PDF layer hands it (the DER of the CMS signed attributes);
 *   sign.ts builds the CAdES CMS around the signature. Fits a local key, an HSM (PKCS#11
 *   `CKM_SHA256_RSA_PKCS` on `data`, or `CKM_RSA_PKCS` on a DigestInfo of `digest`), a cloud KMS
 *   (sign-digest APIs take `digest`).
 * - `CmsSigner`: a remote provider that returns the whole CMS itself (a qualified trust service
 *   such as Barid eSign typically does). It receives the document digest only, never the PDF.
 */

export type SignatureAlgorithm = 'rsa-pkcs1v15-sha256' | 'ecdsa-sha256';

/** What a raw signer signs: `data` (the DER of the CMS signed attributes) and its SHA-256. */
export type ToBeSigned = { data: Buffer; digest: Buffer; digestAlgorithm: 'sha256' };

export type RawSigner = {
  kind: 'raw';
  /** PEM certificates: the signer's first, then its issuing CA(s); the root may be left out. */
  certificateChainPem: readonly string[];
  signatureAlgorithm: SignatureAlgorithm;
  /** RSA: the PKCS#1 v1.5 signature. ECDSA: the DER `ECDSA-Sig-Value`. */
  sign(input: ToBeSigned): Promise<Buffer>;
};

export type CmsSigner = {
  kind: 'cms';
  certificateChainPem: readonly string[];
  /**
   * Returns a DER CMS `ContentInfo(SignedData)`, detached, CAdES baseline B: content-type,
   * message-digest (= `digest`) and signing-certificate-v2 signed attributes, no signing-time.
   */
  signDocumentDigest(input: { digest: Buffer; digestAlgorithm: 'sha256' }): Promise<Buffer>;
  /** Bytes to reserve in the PDF for that CMS (remote CMS may embed timestamps, OCSP…). */
  maxCmsLength?: number;
};

export type Signer = RawSigner | CmsSigner;

const algorithmOf = (key: KeyObject): SignatureAlgorithm => {
  if (key.asymmetricKeyType === 'rsa') return 'rsa-pkcs1v15-sha256';
  if (key.asymmetricKeyType === 'ec') return 'ecdsa-sha256';
  throw new DocumentError('documents.unsupported_key', `unsupported key type: ${key.asymmetricKeyType}`);
};

/**
 * A signer whose key is held by this process: decrypted once from the PKI's encrypted PKCS#8 and
 * kept as a non-exportable-by-accident `KeyObject` in memory. Signing is native (node:crypto).
 */
export class LocalKeySigner implements RawSigner {
  readonly kind = 'raw';
  readonly certificateChainPem: readonly string[];
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly #key: KeyObject;

  constructor(input: { certificateChainPem: readonly string[]; privateKey: KeyObject }) {
    const [leafPem] = input.certificateChainPem;
    if (!leafPem) throw new DocumentError('documents.invalid_input', 'empty certificate chain');
    if (input.privateKey.type !== 'private') {
      throw new DocumentError('documents.invalid_input', 'a private key is required');
    }
    if (!new X509Certificate(leafPem).checkPrivateKey(input.privateKey)) {
      throw new DocumentError(
        'documents.invalid_input',
        'the private key does not match the signer certificate',
      );
    }
    this.certificateChainPem = [...input.certificateChainPem];
    this.signatureAlgorithm = algorithmOf(input.privateKey);
    this.#key = input.privateKey;
  }

  /** From this PKI's material: the encrypted key and the master passphrase (`SIGNING_KEY_PASSPHRASE`). */
  static fromEncryptedKey(input: {
    certificateChainPem: readonly string[];
    encryptedKeyPem: string;
    masterPassphrase: string;
  }): LocalKeySigner {
    const [certificatePem] = input.certificateChainPem;
    if (!certificatePem) throw new DocumentError('documents.invalid_input', 'empty certificate chain');
    const privateKey = decryptPrivateKey({
      encryptedKeyPem: input.encryptedKeyPem,
      certificatePem,
      masterPassphrase: input.masterPassphrase,
    });
    return new LocalKeySigner({ certificateChainPem: input.certificateChainPem, privateKey });
  }

  async sign(input: ToBeSigned): Promise<Buffer> {
    return signBytes('sha256', input.data, this.#key);
  }
}

import { X509Certificate } from 'node:crypto';
import { generateVerificationCode, sha256Hex } from './fingerprint.ts';
import { QR_FILE } from './official.ts';
import { qrSvg, verificationUrl } from './qr.ts';
import type { DocumentRenderer, JsonValue } from './render.ts';
import { type SignPdfOptions, signPdf } from './sign.ts';
import type { Signer } from './signer.ts';

/**
 * The generic issuing pipeline: verification code → URL → QR → render → sign in order → SHA-256.
 * Pure with respect to storage: the caller records the result (document row, blob, audit event)
 * in the transaction that issues the document.
 */

export type Verification = { url: string; code: string };

export type PlannedSignature = {
  signer: Signer;
  /** Free label kept in the result (`instructor`, `agency-director`, `seal`…). */
  role: string;
  options: SignPdfOptions;
};

export type IssuedSignature = {
  role: string;
  fieldName: string;
  /** Subject of the signer certificate, as OpenSSL prints it. */
  subject: string;
  serialNumber: string;
  signingTime: string;
};

export type IssuedDocument = {
  /** The final signed PDF: the bytes to store and serve, unchanged. */
  pdf: Buffer;
  /** SHA-256 (hex) of `pdf`, shown on the public verification page. */
  sha256: string;
  code: string;
  verificationUrl: string;
  signers: IssuedSignature[];
};

export const issueDocument = async (input: {
  renderer: DocumentRenderer;
  template: string;
  /** The platform's public base URL (`PUBLIC_URL`). */
  publicUrl: string;
  /** Default: a fresh random code. */
  code?: string;
  /** Template data, built once the verification URL and code are known. */
  data: (verification: Verification) => JsonValue;
  signatures: readonly PlannedSignature[];
  creationDate?: Date;
}): Promise<IssuedDocument> => {
  const code = input.code ?? generateVerificationCode();
  const url = verificationUrl(input.publicUrl, code);
  let pdf = await input.renderer.render({
    template: input.template,
    data: input.data({ url, code }),
    files: { [QR_FILE]: qrSvg(url) },
    creationDate: input.creationDate,
  });
  const signers: IssuedSignature[] = [];
  for (const planned of input.signatures) {
    const signingTime = planned.options.signingTime ?? new Date();
    pdf = await signPdf(pdf, planned.signer, { ...planned.options, signingTime });
    const [leafPem = ''] = planned.signer.certificateChainPem;
    const certificate = new X509Certificate(leafPem);
    signers.push({
      role: planned.role,
      fieldName: planned.options.fieldName,
      subject: certificate.subject.replaceAll('\n', ', '),
      serialNumber: certificate.serialNumber,
      signingTime: signingTime.toISOString(),
    });
  }
  return { pdf, sha256: sha256Hex(pdf), code, verificationUrl: url, signers };
};

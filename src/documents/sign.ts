import { createHash, randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignpdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { buildCadesSignedData, certificateParts } from './cades.ts';
import { DocumentError } from './errors.ts';
import type { Signer } from './signer.ts';

/**
 * PAdES baseline-B signatures (SubFilter `ETSI.CAdES.detached`) added as incremental updates:
 * each call appends a signature field, its widget and dictionary after the existing bytes, so
 * earlier signatures stay valid. Sign in order (instructor → director → agency seal); the last
 * signature covers the whole file.
 *
 * The placeholder is @signpdf/placeholder-plain's. Two of its limits are fixed on the appended
 * section before signing: it names fields `SignatureN` (we write `fieldName`), and it writes
 * non-ASCII text strings (é, Arabic) as UTF-8 bytes where PDF expects UTF-16BE (we write
 * `<FEFF…>` hex strings). The cross-reference offsets of the appended section are recomputed.
 */

export type SignPdfOptions = {
  /** Why: `Instruction du dossier`, `Délivrance`, `Cachet de l'Agence`… */
  reason: string;
  /** Signer's name as shown by viewers (the certificate stays authoritative). */
  name: string;
  location: string;
  contactInfo: string;
  /** Unique within the document; letters, digits, `-` and `_` only: `instructeur`, `directeur`. */
  fieldName: string;
  /** Claimed signing time, written in /M (default: now). */
  signingTime?: Date;
  /** Bytes reserved for the CMS; the default fits the chain plus a margin. */
  signatureLength?: number;
};

const FIELD_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** PDF text string: literal when ASCII, otherwise UTF-16BE with BOM as a hex string. */
export const pdfTextString = (text: string): string => {
  if (ASCII_PRINTABLE.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return `<${utf16le.swap16().toString('hex').toUpperCase()}>`;
};

const cmsLengthFor = (signer: Signer): number => {
  if (signer.kind === 'cms' && signer.maxCmsLength) return signer.maxCmsLength;
  const chainBytes = signer.certificateChainPem.reduce(
    (sum, pem) => sum + certificateParts(pem).der.length,
    0,
  );
  // Signed attributes + SignerInfo + a 4096-bit signature fit in 1.5 KB; remote CMS may add a
  // timestamp token and revocation data, so reserve more for them.
  const margin = signer.kind === 'raw' ? 2048 : 16384;
  return Math.ceil((chainBytes + margin) / 1024) * 1024;
};

/** Adapts our `Signer` to @signpdf's: it receives the bytes covered by the ByteRange. */
class CadesSignpdfSigner extends SignpdfSigner {
  readonly #signer: Signer;

  constructor(signer: Signer) {
    super();
    this.#signer = signer;
  }

  override async sign(covered: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(covered).digest();
    const signer = this.#signer;
    try {
      if (signer.kind === 'cms')
        return await signer.signDocumentDigest({ digest, digestAlgorithm: 'sha256' });
      return await buildCadesSignedData({
        documentDigest: digest,
        certificateChainPem: signer.certificateChainPem,
        signatureAlgorithm: signer.signatureAlgorithm,
        sign: (input) => signer.sign(input),
      });
    } catch (cause) {
      if (cause instanceof DocumentError) throw cause;
      throw new DocumentError('documents.signer_failed', 'the signer failed', { cause });
    }
  }
}

const withoutTrailingEol = (pdf: Buffer): Buffer => {
  let end = pdf.length;
  while (end > 0 && (pdf[end - 1] === 0x0a || pdf[end - 1] === 0x0d)) end -= 1;
  return pdf.subarray(0, end);
};

/**
 * Rewrites text in the section appended by plainAddPlaceholder (everything from `start`), then
 * recomputes that section's xref offsets and startxref. Bytes before `start` are never touched.
 */
const rewriteAppendedSection = (pdf: Buffer, start: number, replacements: [string, string][]): Buffer => {
  let tail = pdf.subarray(start).toString('latin1');
  for (const [from, to] of replacements) {
    const at = tail.indexOf(from);
    if (at === -1 || tail.indexOf(from, at + 1) !== -1) {
      throw new DocumentError('documents.invalid_pdf', `placeholder text not found exactly once: ${from}`);
    }
    tail = tail.slice(0, at) + to + tail.slice(at + from.length);
  }
  const xrefAt = tail.lastIndexOf('\nxref\n') + 1;
  const trailerAt = tail.indexOf('trailer', xrefAt);
  if (xrefAt === 0 || trailerAt === -1)
    throw new DocumentError('documents.invalid_pdf', 'no xref in the update');
  const table = tail
    .slice(xrefAt, trailerAt)
    .replace(/^(\d+) 1\n\d{10}( \d{5} n )/gm, (_match, index: string, rest: string) => {
      const objectAt = tail.indexOf(`\n${index} 0 obj\n`);
      if (objectAt === -1)
        throw new DocumentError('documents.invalid_pdf', `object ${index} not found in the update`);
      return `${index} 1\n${String(start + objectAt + 1).padStart(10, '0')}${rest}`;
    });
  const trailer = tail.slice(trailerAt).replace(/startxref\n\d+\n/, `startxref\n${start + xrefAt}\n`);
  return Buffer.concat([
    pdf.subarray(0, start),
    Buffer.from(tail.slice(0, xrefAt) + table + trailer, 'latin1'),
  ]);
};

/**
 * Signs `pdf` (a Typst output or an already signed PDF) with one more PAdES signature.
 * The signer receives only digests; see signer.ts.
 */
export const signPdf = async (pdf: Buffer, signer: Signer, options: SignPdfOptions): Promise<Buffer> => {
  if (!FIELD_NAME.test(options.fieldName)) {
    throw new DocumentError('documents.invalid_input', `invalid signature field name: ${options.fieldName}`);
  }
  if (pdf.includes(`/T (${options.fieldName})`)) {
    throw new DocumentError(
      'documents.invalid_input',
      `signature field already present: ${options.fieldName}`,
    );
  }
  const base = withoutTrailingEol(pdf);
  const nonce = randomBytes(6).toString('hex');
  const token = (what: string): string => `Taamir${what}${nonce}`;
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: base,
      reason: token('Reason'),
      name: token('Name'),
      location: token('Location'),
      contactInfo: token('Contact'),
      signingTime: options.signingTime ?? new Date(),
      signatureLength: options.signatureLength ?? cmsLengthFor(signer),
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      widgetRect: [0, 0, 0, 0],
      appName: 'Taamir',
    });
  } catch (cause) {
    throw new DocumentError('documents.invalid_pdf', 'cannot add a signature placeholder', { cause });
  }
  const appended = prepared.subarray(base.length).toString('latin1');
  const generatedField = /\/T \((Signature\d+)\)/.exec(appended)?.[0];
  if (!generatedField)
    throw new DocumentError('documents.invalid_pdf', 'signature field not found in the update');
  const fixed = rewriteAppendedSection(prepared, base.length, [
    [generatedField, `/T ${pdfTextString(options.fieldName)}`],
    [`(${token('Reason')})`, pdfTextString(options.reason)],
    [`(${token('Name')})`, pdfTextString(options.name)],
    [`(${token('Location')})`, pdfTextString(options.location)],
    [`(${token('Contact')})`, pdfTextString(options.contactInfo)],
  ]);
  try {
    return await new SignPdf().sign(fixed, new CadesSignpdfSigner(signer));
  } catch (cause) {
    if (cause instanceof DocumentError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (message.includes('exceeds placeholder')) {
      throw new DocumentError('documents.signature_too_large', message, { cause });
    }
    throw new DocumentError('documents.invalid_pdf', message, { cause });
  }
};

/**
 * Official documents: bilingual (ar/fr) PDF rendering with Typst, internal PKI, PAdES signatures,
 * QR verification codes. A pure library: no database, no HTTP. See README.md in this folder.
 */
export { assembleCadesSignedData, buildCadesSignedData, cadesSignedAttributes } from './cades.ts';
export { DocumentError, type DocumentErrorCode } from './errors.ts';
export {
  generateVerificationCode,
  isVerificationCode,
  normalizeVerificationCode,
  sha256Hex,
  VERIFICATION_CODE_ALPHABET,
} from './fingerprint.ts';
export {
  formatDecimal,
  formatMad,
  formatPercent,
  ltr,
  moroccanCalendarDate,
  type OfficialDate,
  officialDate,
  officialDateTime,
  stripBidiControls,
} from './format.ts';
export {
  type IssuedDocument,
  type IssuedSignature,
  issueDocument,
  type PlannedSignature,
  type Verification,
} from './issue-document.ts';
export {
  createSpecimenPki,
  type IssueSpecimenOptions,
  issueSpecimen,
  type SpecimenPki,
} from './issue-specimen.ts';
export {
  type AgencyIdentity,
  type Bilingual,
  type OfficialDocumentView,
  officialDocumentView,
  QR_FILE,
  ROLE_TITLES,
  type SignatoryRole,
  type SignatoryView,
} from './official.ts';
export {
  createIssuingCa,
  createRootCa,
  decryptPrivateKey,
  deriveKeyPassphrase,
  issueSealCertificate,
  issueSignatoryCertificate,
  type KeyMaterial,
  type RsaKeyBits,
  type Signatory,
} from './pki.ts';
export { qrSvg, verificationUrl } from './qr.ts';
export { RECEIPT_TITLE, type ReceiptInput, type ReceiptView, receiptView } from './receipt.ts';
export { DocumentRenderer, FONTS_DIR, type JsonValue, type RenderInput, TEMPLATES_DIR } from './render.ts';
export { pdfTextString, type SignPdfOptions, signPdf } from './sign.ts';
export {
  type CmsSigner,
  LocalKeySigner,
  type RawSigner,
  type SignatureAlgorithm,
  type Signer,
  type ToBeSigned,
} from './signer.ts';
export { SPECIMEN_AGENCY, specimenReceiptInput, specimenUrbanNoteInput } from './specimen-data.ts';
export {
  type SpecimenNoteView,
  URBAN_NOTE_TITLE,
  type UrbanNoteInput,
  urbanNoteView,
  type ZoneInput,
} from './specimen-note.ts';

import {
  type AgencyIdentity,
  type Bilingual,
  type OfficialDocumentView,
  officialDocumentView,
  type SignatoryView,
} from './official.ts';

/**
 * A document an agency certifies and delivers on a case (e-document service: certified extract of a
 * zoning regulation, print of an approved plan…): labelled values, an optional certified text, the
 * files delivered with it identified by their SHA-256. Laid out by templates/certified-document.typ.
 */

export type CertifiedField = { label: Bilingual } & (
  | { value: string }
  | { valueFr: string; valueAr: string }
);

export type CertifiedDocumentInput = {
  agency: AgencyIdentity;
  reference: string;
  issuedOn: string;
  verification: { url: string; code: string };
  specimen: boolean;
  supersedes?: string;
  title: Bilingual;
  fields: CertifiedField[];
  /** The certified text (an extract of a regulation…), in the language it was written in. */
  text: { heading: Bilingual; body: string } | null;
  attachments: { filename: string; sha256: string }[];
  notes: Bilingual[];
  signatories: SignatoryView[];
};

export type CertifiedDocumentView = {
  doc: OfficialDocumentView;
  fields: ({ labelFr: string; labelAr: string } & (
    | { value: string }
    | { valueFr: string; valueAr: string }
  ))[];
  text: { headingFr: string; headingAr: string; paragraphs: string[]; rtl: boolean } | null;
  attachments: { filename: string; sha256: string }[];
  notes: Bilingual[];
  signatories: SignatoryView[];
};

const ARABIC_LETTER = /[\u0600-\u06FF]/g;
const LATIN_LETTER = /[A-Za-zÀ-ÿ]/g;

/** A text is set right to left when it has more Arabic than Latin letters. */
export const isMostlyArabic = (text: string): boolean =>
  (text.match(ARABIC_LETTER)?.length ?? 0) > (text.match(LATIN_LETTER)?.length ?? 0);

export const certifiedDocumentView = (input: CertifiedDocumentInput): CertifiedDocumentView => ({
  doc: {
    ...officialDocumentView({
      agency: input.agency,
      title: input.title,
      reference: input.reference,
      issuedOn: input.issuedOn,
      verification: input.verification,
      specimen: input.specimen,
    }),
    ...(input.supersedes ? { supersedes: input.supersedes } : {}),
  },
  fields: input.fields.map((f) => {
    const { label, ...value } = f;
    return { labelFr: label.fr, labelAr: label.ar, ...value };
  }),
  text: input.text
    ? {
        headingFr: input.text.heading.fr,
        headingAr: input.text.heading.ar,
        paragraphs: input.text.body
          .split(/\n\s*\n|\r?\n/)
          .map((p) => p.trim())
          .filter(Boolean),
        rtl: isMostlyArabic(input.text.body),
      }
    : null,
  attachments: input.attachments,
  notes: input.notes,
  signatories: input.signatories,
});

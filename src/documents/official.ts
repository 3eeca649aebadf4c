import { type OfficialDate, officialDate } from './format.ts';

/** A text in both languages of the official documents. */
export type Bilingual = { fr: string; ar: string };

/** What the letterhead and footer of `_official.typ` print about the issuing body. */
export type AgencyIdentity = {
  /** Short code, used in certificate names and file names: `AUC`. */
  code: string;
  nameFr: string;
  nameAr: string;
  ministryFr: string;
  ministryAr: string;
  /** Where documents are issued ("Casablanca, le …" / "حرر بالدار البيضاء في …"). */
  cityFr: string;
  cityAr: string;
  /** Footer contact line. */
  addressFr: string;
  addressAr: string;
  /** Printed as one left-to-right unit in both languages: `+212 5 22 00 00 00`. */
  phone: string;
  website: string;
};

export type SignatoryRole = 'instructor' | 'agency-director' | 'commune-president' | 'committee-member';

/** Default role titles; a document can print others (e.g. a feminine form) in `SignatoryView`. */
export const ROLE_TITLES: Readonly<Record<SignatoryRole | 'seal', Bilingual>> = {
  instructor: { fr: "Chargé de l'instruction du dossier", ar: 'المكلف بدراسة الملف' },
  'agency-director': { fr: "Directeur de l'Agence urbaine", ar: 'مدير الوكالة الحضرية' },
  'commune-president': { fr: 'Président du conseil communal', ar: 'رئيس المجلس الجماعي' },
  'committee-member': { fr: 'Membre de la commission', ar: 'عضو اللجنة' },
  seal: { fr: "Cachet électronique de l'Agence", ar: 'الخاتم الإلكتروني للوكالة' },
};

/** One box of the signature panel. */
export type SignatoryView = { roleFr: string; roleAr: string; nameFr: string; nameAr: string };

/** The part of every template's data that `_official.typ` reads (`data.doc`). */
export type OfficialDocumentView = {
  agency: AgencyIdentity;
  title: Bilingual;
  reference: string;
  issued: OfficialDate;
  verification: { url: string; code: string; qrFile: string };
  specimen: boolean;
  /** Number of the document this one replaces (supersession), printed under the reference. */
  supersedes?: string;
};

export const QR_FILE = 'qr.svg';

export const officialDocumentView = (input: {
  agency: AgencyIdentity;
  title: Bilingual;
  reference: string;
  /** Calendar date of issue, `YYYY-MM-DD`. */
  issuedOn: string;
  verification: { url: string; code: string };
  specimen?: boolean;
}): OfficialDocumentView => ({
  agency: input.agency,
  title: input.title,
  reference: input.reference,
  issued: officialDate(input.issuedOn),
  verification: { ...input.verification, qrFile: QR_FILE },
  specimen: input.specimen ?? false,
});

import { formatDecimal, ltr, officialDate, officialDateTime } from './format.ts';
import {
  type AgencyIdentity,
  type Bilingual,
  type OfficialDocumentView,
  officialDocumentView,
  type SignatoryView,
} from './official.ts';

/**
 * Récépissé de dépôt / وصل الإيداع: what every procedure hands the applicant when a file is deposited
 * (Law 55-19: the receipt proves the date the legal delay starts from). Typed input and the view
 * templates/deposit-receipt.typ lays out.
 */

export type DepositReceiptInput = {
  agency: AgencyIdentity;
  /** The receipt's own number: `AUST-RCP-2026-000042`. */
  reference: string;
  issuedOn: string;
  verification: { url: string; code: string };
  specimen: boolean;
  supersedes?: string;
  caseReference: string;
  procedure: Bilingual;
  applicant: string;
  depositedAt: Date;
  pieces: { label: Bilingual; filename: string }[];
  /** The legal delay that started with the deposit, when the procedure has one. */
  deadline: { label: Bilingual; days: number; unit: 'working' | 'calendar'; date: string } | null;
  signatories: SignatoryView[];
};

export type DepositReceiptView = {
  doc: OfficialDocumentView;
  caseReference: string;
  procedure: Bilingual;
  applicant: string;
  depositedAt: Bilingual;
  pieces: { labelFr: string; labelAr: string; filename: string }[];
  deadline: {
    labelFr: string;
    labelAr: string;
    delayFr: string;
    delayAr: string;
    dateFr: string;
    dateAr: string;
  } | null;
  notes: Bilingual[];
  signatories: SignatoryView[];
};

export const DEPOSIT_RECEIPT_TITLE: Bilingual & { en: string } = {
  fr: 'Récépissé de dépôt',
  ar: 'وصل الإيداع',
  en: 'Deposit receipt',
};

const days = (n: number, unit: 'working' | 'calendar'): Bilingual => {
  const count = formatDecimal(n, 0);
  return unit === 'working'
    ? { fr: `${count} jours ouvrables`, ar: `${count} يوم عمل` }
    : { fr: `${count} jours calendaires`, ar: `${count} يوماً` };
};

export const depositReceiptView = (input: DepositReceiptInput): DepositReceiptView => {
  const deadline = input.deadline;
  const due = deadline ? officialDate(deadline.date) : null;
  const delay = deadline ? days(deadline.days, deadline.unit) : null;
  return {
    doc: {
      ...officialDocumentView({
        agency: input.agency,
        title: DEPOSIT_RECEIPT_TITLE,
        reference: input.reference,
        issuedOn: input.issuedOn,
        verification: input.verification,
        specimen: input.specimen,
      }),
      ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    },
    caseReference: input.caseReference,
    procedure: input.procedure,
    applicant: input.applicant,
    depositedAt: officialDateTime(input.depositedAt),
    pieces: input.pieces.map((p) => ({ labelFr: p.label.fr, labelAr: p.label.ar, filename: p.filename })),
    deadline:
      deadline && due && delay
        ? {
            labelFr: deadline.label.fr,
            labelAr: deadline.label.ar,
            delayFr: delay.fr,
            delayAr: delay.ar,
            dateFr: due.gregorianFr,
            dateAr: due.gregorianAr,
          }
        : null,
    notes: [
      {
        fr: 'Le présent récépissé est délivré en application de la loi n° 55-19 relative à la simplification des procédures et formalités administratives. Il atteste la date du dépôt, point de départ du délai de traitement.',
        ar: `سلم هذا الوصل تطبيقا للقانون رقم ${ltr('55.19')} المتعلق بتبسيط المساطر والإجراءات الإدارية، وهو يثبت تاريخ الإيداع الذي يبتدئ منه أجل معالجة الملف.`,
      },
      {
        fr: "Conservez-le : le numéro du dossier permet d'en suivre l'avancement dans votre espace.",
        ar: 'احتفظوا به: يمكنكم رقم الملف من تتبع مآله في فضائكم.',
      },
    ],
    signatories: input.signatories,
  };
};

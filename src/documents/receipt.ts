import { formatMad, moroccanCalendarDate, officialDateTime } from './format.ts';
import {
  type AgencyIdentity,
  type Bilingual,
  type OfficialDocumentView,
  officialDocumentView,
  type SignatoryView,
} from './official.ts';

/** Reçu de paiement / وصل الأداء: typed input and the view templates/receipt.typ lays out. */

export type ReceiptInput = {
  agency: AgencyIdentity;
  /** Receipt number: `REC-AUC-2026-000042`. */
  reference: string;
  paidAt: Date;
  verification: { url: string; code: string };
  specimen: boolean;
  payer: Bilingual & { idNumber: string };
  service: Bilingual;
  amountCentimes: number;
  orderNumber: string;
  transactionId: string;
  caseReference: string;
  method: Bilingual;
  notes: Bilingual[];
  signatories: SignatoryView[];
};

export type ReceiptView = {
  doc: OfficialDocumentView;
  payer: { nameFr: string; nameAr: string; idNumber: string };
  service: Bilingual;
  amount: Bilingual;
  orderNumber: string;
  transactionId: string;
  caseReference: string;
  method: Bilingual;
  paidAt: Bilingual;
  notes: Bilingual[];
  signatories: SignatoryView[];
};

export const RECEIPT_TITLE: Bilingual = { fr: 'Reçu de paiement', ar: 'وصل الأداء' };

export const receiptView = (input: ReceiptInput): ReceiptView => {
  const amount = formatMad(input.amountCentimes);
  return {
    doc: officialDocumentView({
      agency: input.agency,
      title: RECEIPT_TITLE,
      reference: input.reference,
      issuedOn: moroccanCalendarDate(input.paidAt),
      verification: input.verification,
      specimen: input.specimen,
    }),
    payer: { nameFr: input.payer.fr, nameAr: input.payer.ar, idNumber: input.payer.idNumber },
    service: input.service,
    amount: { fr: amount.fr, ar: amount.ar },
    orderNumber: input.orderNumber,
    transactionId: input.transactionId,
    caseReference: input.caseReference,
    method: input.method,
    paidAt: officialDateTime(input.paidAt),
    notes: input.notes,
    signatories: input.signatories,
  };
};

// The document the e-document service delivers: certified by the staff member who delivers it and
// sealed by the agency, with the files attached by the agency identified by their SHA-256.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { certifiedDocumentView } from '../../documents/certified-document.ts';
import { applicantOf, type DocumentProducer } from '../../documents/hooks.ts';
import type { PlannedSignatory } from '../../documents/tables.ts';
import { caseDocuments } from '../../engine/tables.ts';
import { rolesInAgency } from '../../platform/tenancy/actor.ts';
import { DOCUMENT_KINDS } from './procedure.ts';

const TITLES = {
  regulation_extract: {
    fr: "Extrait certifié conforme du règlement d'aménagement",
    ar: 'مستخرج مصادق على مطابقته من نظام التهيئة',
    en: 'Certified extract of the zoning regulation',
  },
  plan_print: {
    fr: "Tirage certifié du plan d'aménagement",
    ar: 'نسخة مصادق عليها من تصميم التهيئة',
    en: 'Certified print of the zoning plan',
  },
} as const;

type Kind = keyof typeof TITLES;

export const eDocumentProducer: DocumentProducer = async (event) => {
  const { tx, after: c, audit, input } = event;
  const actor = audit.actor;
  if (actor.kind !== 'user') return null;
  const kind: Kind = c.data.document_kind === 'plan_print' ? 'plan_print' : 'regulation_extract';
  const applicant = await applicantOf(event);
  const files = await tx
    .select({ filename: caseDocuments.filename, sha256: caseDocuments.blobSha256 })
    .from(caseDocuments)
    .where(
      and(
        eq(caseDocuments.caseId, c.id),
        eq(caseDocuments.checklistCode, 'delivered_file'),
        isNull(caseDocuments.removedAt),
      ),
    )
    .orderBy(asc(caseDocuments.uploadedAt));
  const signer: PlannedSignatory = {
    holder: 'user',
    userId: actor.userId,
    role: rolesInAgency(actor, c.agencyId).has('director') ? 'agency-director' : 'instructor',
    nameLatin: actor.fullName,
    nameArabic: actor.fullName,
  };
  const text = typeof input.text === 'string' && input.text.trim() ? input.text.trim() : null;
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
  const copies = typeof c.data.copies === 'number' ? String(c.data.copies) : '1';
  const landTitle = typeof c.data.land_title === 'string' ? c.data.land_title.trim() : '';
  return {
    type: 'certified_document',
    series: 'DOC',
    title: TITLES[kind],
    template: 'certified-document',
    agencyId: c.agencyId,
    caseId: c.id,
    recipientUserId: applicant.userId,
    sourceKey: `case:${c.id}:e_document`,
    signatories: [signer, { holder: 'seal' }],
    data: (context) =>
      certifiedDocumentView({
        agency: context.agency,
        reference: context.number,
        issuedOn: context.issuedOn,
        verification: context.verification,
        specimen: context.specimen,
        title: TITLES[kind],
        fields: [
          { label: { fr: 'Numéro du dossier', ar: 'رقم الملف' }, value: c.reference ?? '' },
          {
            label: { fr: 'Document demandé', ar: 'الوثيقة المطلوبة' },
            valueFr: DOCUMENT_KINDS[kind].fr,
            valueAr: DOCUMENT_KINDS[kind].ar,
          },
          {
            label: { fr: "Document d'urbanisme", ar: 'وثيقة التعمير' },
            value: String(c.data.plan_reference ?? ''),
          },
          ...(landTitle ? [{ label: { fr: 'Titre foncier', ar: 'الرسم العقاري' }, value: landTitle }] : []),
          { label: { fr: "Nombre d'exemplaires", ar: 'عدد النسخ' }, value: copies },
          { label: { fr: 'Demandeur', ar: 'الطالب' }, value: applicant.name },
        ],
        text: text
          ? { heading: { fr: 'Texte certifié conforme', ar: 'النص المصادق على مطابقته' }, body: text }
          : null,
        attachments: files,
        notes: [
          {
            fr: "Document certifié conforme à l'original détenu par l'agence, délivré sous forme électronique et signé. Son authenticité se vérifie par le code QR ci-dessous.",
            ar: 'وثيقة مصادق على مطابقتها للأصل المحفوظ لدى الوكالة، مسلمة في شكل إلكتروني وموقعة. يمكن التحقق من صحتها عبر رمز QR أسفله.',
          },
          ...(note ? [{ fr: note, ar: note }] : []),
        ],
        signatories: context.signatories,
      }),
    delivery: applicant.email
      ? { to: applicant.email, locale: applicant.locale, vars: { name: applicant.name } }
      : null,
  };
};

// "Urban planning information note" (مذكرة المعلومات التعميرية, note de renseignements urbanistiques,
// e-note): what the plans in force allow on a parcel. Deposit (receipt, payment order) → payment →
// automatic draft from the plans (overlay of the parcel) → review by an instructor, who may ask once
// for a missing piece → signature by the director → delivered (signed PDF, QR, mail). Refusals carry
// their reasons and may be appealed; the applicant may withdraw before paying.
import Type from 'typebox';
import { LAW_55_19_MAXIMUM, type ProcedureDefinition } from '../../engine/definition.ts';

const MB = 1_048_576;
const SCANS = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const Sha256 = Type.String({
  pattern: '^[0-9a-f]{64}$',
  'x-label': { ar: 'بصمة المضمون', fr: 'Empreinte du contenu', en: 'Content fingerprint' },
});

export const NOTE_DOCUMENT = 'information_note';

export const E_NOTE: ProcedureDefinition = {
  code: 'NRU',
  version: 1,
  name: {
    ar: 'مذكرة المعلومات التعميرية',
    fr: 'Note de renseignements urbanistiques',
    en: 'Planning information note',
  },
  description: {
    ar: 'ما تسمح به وثائق التعمير السارية على قطعتكم: المنطقة وضوابطها، الارتفاقات، التخصيصات، تصفيف الطرق ومساحاتها. حددوا القطعة، أدوا الواجب عبر الإنترنت، وتوصلوا بمذكرة موقعة إلكترونيا يمكن لأي شخص التحقق منها.',
    fr: "Ce que les documents d'urbanisme en vigueur permettent sur votre parcelle : zones et règles, servitudes, réserves, alignements, avec leurs surfaces. Identifiez la parcelle, payez en ligne et recevez une note signée électroniquement, vérifiable par tous.",
    en: 'What the planning documents in force allow on your parcel: zones and rules, servitudes, reservations, road alignments and their areas. Identify the parcel, pay online and receive an electronically signed note anyone can verify.',
  },
  handledBy: 'agency',
  applicants: ['citizen', 'professional'],
  initialState: 'draft',
  states: {
    draft: { label: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' }, holder: 'applicant', phase: 'draft' },
    awaiting_payment: {
      label: { ar: 'في انتظار الأداء', fr: 'En attente de paiement', en: 'Waiting for payment' },
      description: {
        ar: 'أودع الطلب وصدر وصل الإيداع. أدوا مبلغ الأمر بالأداء داخل أجل 30 يوما، وإلا أُلغي الطلب.',
        fr: "La demande est déposée et son récépissé délivré. Payez l'ordre de paiement dans les 30 jours ; passé ce délai, la demande est annulée.",
        en: 'The request is filed and its receipt issued. Pay the payment order within 30 days; after that the request is cancelled.',
      },
      holder: 'applicant',
      phase: 'open',
    },
    paid: {
      label: { ar: 'تم الأداء', fr: 'Payée', en: 'Paid' },
      description: {
        ar: 'توصلت الوكالة بأدائكم؛ تُعد النسخة الأولية للمذكرة آليا انطلاقا من تصاميم التهيئة.',
        fr: "L'agence a reçu votre paiement ; la version automatique de la note est préparée à partir des plans.",
        en: 'The agency received your payment; the automatic draft of the note is being prepared from the plans.',
      },
      holder: 'agency',
      phase: 'open',
    },
    review: {
      label: { ar: 'قيد الدراسة', fr: "En cours d'instruction", en: 'Being reviewed' },
      description: {
        ar: 'يراجع مكلف بالدراسة النسخة الأولية الآلية للمذكرة.',
        fr: 'Un instructeur vérifie la version automatique de la note.',
        en: 'An instructor is reviewing the automatic draft of the note.',
      },
      holder: 'agency',
      phase: 'open',
    },
    awaiting_pieces: {
      label: {
        ar: 'في انتظار وثيقة منكم',
        fr: "En attente d'une pièce de votre part",
        en: 'Waiting for a document from you',
      },
      description: {
        ar: 'الأجل متوقف إلى أن تدلوا بالوثيقة المطلوبة.',
        fr: "Le délai est suspendu jusqu'à ce que vous fournissiez la pièce demandée.",
        en: 'The delay is suspended until you provide the requested document.',
      },
      holder: 'applicant',
      phase: 'open',
    },
    signature: {
      label: { ar: 'في انتظار التوقيع', fr: 'À la signature', en: 'Awaiting signature' },
      description: {
        ar: 'روجعت المذكرة وهي لدى مدير الوكالة للتوقيع.',
        fr: "La note est vérifiée et attend la signature du directeur de l'agence.",
        en: "The note is reviewed and awaits the agency director's signature.",
      },
      holder: 'agency',
      phase: 'open',
    },
    delivered: {
      label: { ar: 'سُلّمت المذكرة', fr: 'Note délivrée', en: 'Note delivered' },
      description: {
        ar: 'المذكرة الموقعة متاحة في فضائكم وأرسلت إليكم عبر البريد الإلكتروني.',
        fr: 'La note signée est dans votre espace et vous a été envoyée par courriel.',
        en: 'The signed note is in your space and was sent to you by e-mail.',
      },
      holder: 'none',
      phase: 'closed',
    },
    rejected: {
      label: { ar: 'مرفوض', fr: 'Rejetée', en: 'Rejected' },
      description: {
        ar: 'رُفض الطلب بقرار معلل. يمكنكم تقديم تظلم إداري.',
        fr: 'La demande est rejetée par une décision motivée. Vous pouvez former un recours administratif.',
        en: 'The request was rejected with reasons. You may file an administrative appeal.',
      },
      holder: 'applicant',
      phase: 'closed',
    },
    cancelled: {
      label: { ar: 'ملغى', fr: 'Annulée', en: 'Cancelled' },
      description: {
        ar: 'لم يتم الأداء داخل الأجل.',
        fr: "Le paiement n'a pas été effectué dans le délai.",
        en: 'The payment was not made in time.',
      },
      holder: 'none',
      phase: 'closed',
    },
    withdrawn: { label: { ar: 'مسحوب', fr: 'Retirée', en: 'Withdrawn' }, holder: 'none', phase: 'closed' },
  },
  transitions: [
    {
      key: 'deposit',
      kind: 'deposit',
      from: ['draft'],
      to: 'awaiting_payment',
      label: { ar: 'إيداع الطلب', fr: 'Déposer la demande', en: 'File the request' },
      by: ['applicant'],
      guards: ['checklist_complete'],
    },
    {
      key: 'payment_received',
      from: ['awaiting_payment'],
      to: 'paid',
      label: { ar: 'تم الأداء', fr: 'Paiement reçu', en: 'Payment received' },
      by: ['system'],
      guards: ['fee_paid'],
      notifyApplicant: true,
    },
    {
      key: 'draft_ready',
      from: ['paid'],
      to: 'review',
      label: {
        ar: 'النسخة الأولية الآلية جاهزة',
        fr: 'Version automatique prête',
        en: 'Automatic draft ready',
      },
      by: ['system'],
      notifyRoles: ['instructor'],
    },
    {
      key: 'request_piece',
      kind: 'request_missing_pieces',
      from: ['review'],
      to: 'awaiting_pieces',
      label: { ar: 'طلب وثيقة ناقصة', fr: 'Demander une pièce manquante', en: 'Request a missing document' },
      by: ['instructor', 'director'],
      input: Type.Object(
        {
          message: Type.String({
            minLength: 5,
            maxLength: 2000,
            'x-label': { ar: 'الرسالة', fr: 'Message', en: 'Message' },
          }),
          checklistCodes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), {
            minItems: 1,
            maxItems: 6,
            'x-label': { ar: 'الوثائق المطلوبة', fr: 'Pièces demandées', en: 'Documents requested' },
          }),
          dueInDays: Type.Optional(
            Type.Integer({
              minimum: 5,
              maximum: 30,
              'x-label': {
                ar: 'الأجل (أيام عمل)',
                fr: 'Délai (jours ouvrables)',
                en: 'Delay (working days)',
              },
            }),
          ),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: true,
    },
    {
      key: 'provide_piece',
      kind: 'answer_missing_pieces',
      from: ['awaiting_pieces'],
      to: 'review',
      label: {
        ar: 'إرسال الوثيقة المطلوبة',
        fr: 'Envoyer la pièce demandée',
        en: 'Send the requested document',
      },
      by: ['applicant'],
      input: Type.Object(
        {
          answer: Type.Optional(
            Type.String({ maxLength: 2000, 'x-label': { ar: 'تعليق', fr: 'Commentaire', en: 'Comment' } }),
          ),
        },
        { additionalProperties: false },
      ),
      notifyRoles: ['instructor'],
    },
    {
      key: 'submit',
      from: ['review'],
      to: 'signature',
      label: { ar: 'إحالة للتوقيع', fr: 'Transmettre à la signature', en: 'Send for signature' },
      by: ['instructor', 'director'],
      input: Type.Object({ contentSha256: Sha256 }, { additionalProperties: false }),
      notifyRoles: ['director'],
      visibleToApplicant: true,
    },
    {
      key: 'return_to_review',
      from: ['signature'],
      to: 'review',
      label: { ar: 'إرجاع للمراجعة', fr: "Renvoyer à l'instruction", en: 'Send back for review' },
      by: ['director'],
      input: Type.Object(
        {
          comment: Type.String({
            minLength: 5,
            maxLength: 2000,
            'x-label': { ar: 'ما يجب مراجعته', fr: 'Ce qui est à revoir', en: 'What to review' },
          }),
        },
        { additionalProperties: false },
      ),
      notifyRoles: ['instructor'],
      visibleToApplicant: false,
    },
    {
      key: 'sign',
      from: ['signature'],
      to: 'delivered',
      label: {
        ar: 'توقيع وتسليم المذكرة',
        fr: 'Signer et délivrer la note',
        en: 'Sign and deliver the note',
      },
      by: ['director'],
      input: Type.Object({ contentSha256: Sha256 }, { additionalProperties: false }),
      produces: [NOTE_DOCUMENT],
      notifyApplicant: true,
    },
    {
      key: 'reject',
      kind: 'refusal',
      from: ['review', 'signature'],
      to: 'rejected',
      label: { ar: 'رفض معلل', fr: 'Rejeter (motivé)', en: 'Reject (with reasons)' },
      by: ['instructor', 'director'],
      input: Type.Object(
        {
          reasons: Type.Array(Type.String({ minLength: 5, maxLength: 1000 }), {
            minItems: 1,
            maxItems: 5,
            'x-label': { ar: 'الأسباب', fr: 'Motifs', en: 'Reasons' },
          }),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: true,
    },
    {
      key: 'appeal',
      kind: 'appeal',
      from: ['rejected'],
      to: 'review',
      label: {
        ar: 'تقديم تظلم إداري',
        fr: 'Former un recours administratif',
        en: 'File an administrative appeal',
      },
      by: ['applicant'],
      input: Type.Object(
        {
          grounds: Type.String({
            minLength: 10,
            maxLength: 4000,
            'x-label': { ar: 'أسباب التظلم', fr: 'Motifs du recours', en: 'Grounds' },
          }),
        },
        { additionalProperties: false },
      ),
      notifyRoles: ['director'],
    },
    {
      key: 'expire',
      from: ['awaiting_payment'],
      to: 'cancelled',
      label: { ar: 'إلغاء لعدم الأداء', fr: 'Annulation faute de paiement', en: 'Cancelled for non-payment' },
      by: ['system'],
      notifyApplicant: true,
    },
    {
      key: 'withdraw',
      kind: 'withdrawal',
      from: ['draft', 'awaiting_payment'],
      to: 'withdrawn',
      label: { ar: 'سحب الطلب', fr: 'Retirer la demande', en: 'Withdraw the request' },
      by: ['applicant'],
    },
  ],
  fields: [
    {
      key: 'land_status',
      label: { ar: 'الوضعية العقارية', fr: 'Statut foncier', en: 'Land status' },
      type: 'select',
      required: true,
      options: [
        {
          value: 'titled',
          label: {
            ar: 'عقار محفظ (رسم عقاري)',
            fr: 'Immatriculé (titre foncier)',
            en: 'Registered (land title)',
          },
        },
        {
          value: 'requisition',
          label: {
            ar: 'في طور التحفيظ (مطلب تحفيظ)',
            fr: "En cours d'immatriculation (réquisition)",
            en: 'Being registered (requisition)',
          },
        },
        {
          value: 'unregistered',
          label: { ar: 'غير محفظ', fr: 'Non immatriculé', en: 'Not registered' },
        },
      ],
    },
    {
      key: 'land_title',
      label: {
        ar: 'رقم الرسم العقاري أو مطلب التحفيظ',
        fr: 'N° du titre foncier ou de la réquisition',
        en: 'Land title or requisition number',
      },
      hint: {
        ar: 'مثلا 12345/C أو 164203/63',
        fr: 'Par exemple 12345/C ou 164203/63',
        en: 'For example 12345/C or 164203/63',
      },
      type: 'text',
      maxLength: 60,
    },
    {
      key: 'third_party',
      label: {
        ar: 'لست مالك القطعة (طلب بموافقة المالك)',
        fr: "Je ne suis pas le propriétaire (demande avec l'accord du propriétaire)",
        en: "I am not the owner (request with the owner's consent)",
      },
      type: 'boolean',
    },
    {
      key: 'purpose',
      label: { ar: 'الغرض من الطلب', fr: 'Objet de la demande', en: 'Purpose' },
      hint: {
        ar: 'مثلا: مشروع بناء، بيع، تقسيم…',
        fr: 'Par exemple : projet de construction, vente, partage…',
        en: 'For example: building project, sale, division…',
      },
      type: 'longtext',
      maxLength: 1000,
    },
  ],
  checklist: [
    {
      code: 'land_certificate',
      label: {
        ar: 'شهادة الملكية أو نسخة من الرسم العقاري',
        fr: 'Certificat de propriété ou copie du titre foncier',
        en: 'Land certificate or copy of the title deed',
      },
      hint: {
        ar: 'مسلمة من المحافظة العقارية منذ أقل من 3 أشهر.',
        fr: 'Délivré par la conservation foncière depuis moins de 3 mois.',
        en: 'Issued by the land conservation less than 3 months ago.',
      },
      requirement: 'conditional',
      when: { field: 'land_status', equals: 'titled' },
      accept: SCANS,
      maxBytes: 10 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'cadastral_plan',
      label: {
        ar: 'التصميم العقاري (الطبوغرافي) المشهود بمطابقته',
        fr: 'Plan cadastral certifié',
        en: 'Certified cadastral plan',
      },
      hint: {
        ar: 'مسلم من الوكالة الوطنية للمحافظة العقارية.',
        fr: "Délivré par l'ANCFCC.",
        en: 'Issued by the ANCFCC.',
      },
      requirement: 'conditional',
      when: { field: 'land_status', equals: 'titled' },
      accept: SCANS,
      maxBytes: 10 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'requisition',
      label: {
        ar: 'نسخة من مطلب التحفيظ وتصميمه',
        fr: "Copie de la réquisition d'immatriculation et de son plan",
        en: 'Copy of the requisition for registration and its plan',
      },
      requirement: 'conditional',
      when: { field: 'land_status', equals: 'requisition' },
      accept: SCANS,
      maxBytes: 10 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'surveyor_plan',
      label: {
        ar: 'تصميم منجز من طرف مهندس مساح طبوغرافي',
        fr: 'Plan établi par un ingénieur géomètre-topographe agréé',
        en: 'Plan drawn by a licensed surveyor',
      },
      hint: {
        ar: 'بإحداثيات لامبير لرؤوس القطعة.',
        fr: 'Avec les coordonnées Lambert des sommets de la parcelle.',
        en: "With the Lambert coordinates of the parcel's vertices.",
      },
      requirement: 'conditional',
      when: { field: 'land_status', equals: 'unregistered' },
      accept: SCANS,
      maxBytes: 10 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'ownership_deed',
      label: {
        ar: 'عقد الملكية (ملكية، رسم عدلي…)',
        fr: 'Acte de propriété (moulkia, acte adoulaire…)',
        en: 'Ownership deed (moulkia, adoul deed…)',
      },
      requirement: 'conditional',
      when: { field: 'land_status', equals: 'unregistered' },
      accept: SCANS,
      maxBytes: 10 * MB,
      maxFiles: 3,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'owner_consent',
      label: {
        ar: 'موافقة المالك المكتوبة ونسخة من بطاقته',
        fr: 'Accord écrit du propriétaire et copie de sa pièce d’identité',
        en: "Owner's written consent and a copy of their ID",
      },
      hint: {
        ar: 'بدون تصحيح الإمضاء (القانون 55.19).',
        fr: 'Sans légalisation de signature (loi 55-19).',
        en: 'No signature legalisation needed (Law 55-19).',
      },
      requirement: 'conditional',
      when: { field: 'third_party' },
      accept: SCANS,
      maxBytes: 5 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'id_card',
      label: {
        ar: 'نسخة من البطاقة الوطنية للتعريف',
        fr: "Copie de la carte nationale d'identité",
        en: 'Copy of the national identity card',
      },
      requirement: 'mandatory',
      accept: SCANS,
      maxBytes: 5 * MB,
      maxFiles: 2,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
  ],
  clocks: [
    {
      key: 'payment',
      label: { ar: 'أجل الأداء', fr: 'Délai de paiement', en: 'Time to pay' },
      days: 30,
      unit: 'calendar',
      startOn: ['awaiting_payment'],
      stopOn: ['paid', 'cancelled', 'withdrawn'],
      legal: false,
      onExpiry: [
        { kind: 'remind', daysBefore: 5, applicant: true },
        { kind: 'transition', transition: 'expire' },
      ],
    },
    {
      key: 'delivery',
      label: {
        ar: 'أجل تسليم المذكرة',
        fr: 'Délai de délivrance de la note',
        en: 'Time to deliver the note',
      },
      days: 10,
      unit: 'working',
      startOn: ['paid'],
      stopOn: ['delivered', 'rejected'],
      pauseIn: ['awaiting_pieces'],
      legal: true,
      onExpiry: [
        { kind: 'remind', daysBefore: 3, roles: ['instructor'] },
        { kind: 'escalate', to: 'director' },
      ],
    },
  ],
  legalMaximum: LAW_55_19_MAXIMUM,
  fees: { tariff: 'urban_note', onTransition: 'deposit' },
};

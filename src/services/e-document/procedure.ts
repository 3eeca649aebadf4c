// "Order agency documents" (e-document / طلب وثائق الوكالة): a certified extract of a zoning
// regulation or a print of an approved plan, paid online. Deposit → the fee order and the receipt;
// the case waits for payment (30 days, then it is cancelled); the payment moves it to the agency,
// which delivers a signed certified document within 10 working days.
import Type from 'typebox';
import { LAW_55_19_MAXIMUM, type ProcedureDefinition } from '../../engine/definition.ts';

const MB = 1_048_576;

export const DOCUMENT_KINDS = {
  regulation_extract: {
    ar: 'نسخة مصادق عليها من مقتطف نظام التهيئة',
    fr: "Copie certifiée d'un extrait du règlement d'aménagement",
    en: 'Certified copy of a zoning regulation extract',
  },
  plan_print: {
    ar: 'سحب تصميم التهيئة المصادق عليه',
    fr: "Tirage du plan d'aménagement homologué",
    en: 'Print of the approved zoning plan',
  },
} as const;

export const E_DOCUMENT: ProcedureDefinition = {
  code: 'EDOC',
  version: 1,
  name: { ar: 'طلب وثائق الوكالة', fr: "Commande de documents de l'agence", en: 'Order agency documents' },
  description: {
    ar: 'اطلبوا نسخة مصادقاً عليها من مقتطف نظام التهيئة أو سحباً لتصميم تهيئة مصادق عليه، وأدوا الواجب عبر الإنترنت، وتوصلوا بوثيقة موقعة إلكترونياً.',
    fr: "Commandez une copie certifiée d'un extrait de règlement d'aménagement ou le tirage d'un plan homologué, payez en ligne et recevez un document signé électroniquement.",
    en: 'Order a certified copy of a zoning regulation extract or a print of an approved plan, pay online and receive an electronically signed document.',
  },
  handledBy: 'agency',
  applicants: ['citizen', 'professional'],
  initialState: 'draft',
  states: {
    draft: { label: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' }, holder: 'applicant', phase: 'draft' },
    awaiting_payment: {
      label: { ar: 'في انتظار الأداء', fr: 'En attente de paiement', en: 'Waiting for payment' },
      description: {
        ar: 'أدوا مبلغ الأمر بالأداء عبر الإنترنت داخل أجل 30 يوماً، وإلا أُلغي الطلب.',
        fr: "Payez l'ordre de paiement en ligne dans les 30 jours ; passé ce délai, la commande est annulée.",
        en: 'Pay the payment order online within 30 days; after that the order is cancelled.',
      },
      holder: 'applicant',
      phase: 'open',
    },
    in_preparation: {
      label: { ar: 'قيد الإعداد', fr: 'En préparation', en: 'Being prepared' },
      description: {
        ar: 'توصلت الوكالة بأدائكم وتعد الوثيقة المطلوبة.',
        fr: "L'agence a reçu votre paiement et prépare le document demandé.",
        en: 'The agency received your payment and is preparing the document.',
      },
      holder: 'agency',
      phase: 'open',
    },
    delivered: {
      label: { ar: 'تم التسليم', fr: 'Délivré', en: 'Delivered' },
      description: {
        ar: 'الوثيقة الموقعة متاحة في فضائكم وأرسلت إليكم عبر البريد الإلكتروني.',
        fr: 'Le document signé est disponible dans votre espace et vous a été envoyé par courriel.',
        en: 'The signed document is in your space and was sent to you by e-mail.',
      },
      holder: 'none',
      phase: 'closed',
    },
    cancelled: {
      label: { ar: 'ملغى', fr: 'Annulé', en: 'Cancelled' },
      description: {
        ar: 'لم يتم الأداء داخل الأجل.',
        fr: "Le paiement n'a pas été effectué dans le délai.",
        en: 'The payment was not made in time.',
      },
      holder: 'none',
      phase: 'closed',
    },
    withdrawn: { label: { ar: 'مسحوب', fr: 'Retiré', en: 'Withdrawn' }, holder: 'none', phase: 'closed' },
  },
  transitions: [
    {
      key: 'deposit',
      kind: 'deposit',
      from: ['draft'],
      to: 'awaiting_payment',
      label: { ar: 'تأكيد الطلب', fr: 'Confirmer la commande', en: 'Confirm the order' },
      by: ['applicant'],
      guards: ['checklist_complete'],
    },
    {
      key: 'payment_received',
      from: ['awaiting_payment'],
      to: 'in_preparation',
      label: { ar: 'تم الأداء', fr: 'Paiement reçu', en: 'Payment received' },
      by: ['system'],
      guards: ['fee_paid'],
      notifyApplicant: true,
      notifyRoles: ['front_desk', 'instructor'],
    },
    {
      key: 'deliver',
      from: ['in_preparation'],
      to: 'delivered',
      label: {
        ar: 'تسليم الوثيقة الموقعة',
        fr: 'Délivrer le document signé',
        en: 'Deliver the signed document',
      },
      by: ['instructor', 'director'],
      input: Type.Object(
        {
          text: Type.Optional(Type.String({ maxLength: 20_000 })),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      produces: ['e_document'],
      notifyApplicant: true,
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
      label: { ar: 'سحب الطلب', fr: 'Retirer la commande', en: 'Withdraw the order' },
      by: ['applicant'],
    },
  ],
  fields: [
    {
      key: 'document_kind',
      label: { ar: 'الوثيقة المطلوبة', fr: 'Document demandé', en: 'Document requested' },
      type: 'select',
      required: true,
      options: Object.entries(DOCUMENT_KINDS).map(([value, label]) => ({ value, label })),
    },
    {
      key: 'plan_reference',
      label: {
        ar: 'وثيقة التعمير المعنية',
        fr: "Document d'urbanisme concerné",
        en: 'Planning document concerned',
      },
      hint: {
        ar: 'مثلاً: تصميم تهيئة تمارة، المنطقة أو المادة المعنية.',
        fr: "Par exemple : plan d'aménagement de Témara, zone ou article concerné.",
        en: 'For example: Témara zoning plan, zone or article concerned.',
      },
      type: 'text',
      required: true,
      maxLength: 200,
    },
    {
      key: 'land_title',
      label: {
        ar: 'الرسم العقاري (إن وجد)',
        fr: 'Titre foncier (le cas échéant)',
        en: 'Land title (if any)',
      },
      type: 'text',
      maxLength: 40,
    },
    {
      key: 'copies',
      label: { ar: 'عدد النسخ', fr: "Nombre d'exemplaires", en: 'Number of copies' },
      type: 'number',
      required: true,
    },
    {
      key: 'requester_kind',
      label: { ar: 'صفة الطالب', fr: 'Qualité du demandeur', en: 'Requester' },
      type: 'select',
      required: true,
      options: [
        { value: 'individual', label: { ar: 'شخص ذاتي', fr: 'Particulier', en: 'Individual' } },
        { value: 'professional', label: { ar: 'مهني', fr: 'Professionnel', en: 'Professional' } },
        {
          value: 'public_body',
          label: {
            ar: 'إدارة عمومية أو جماعة ترابية (معفاة)',
            fr: 'Administration ou collectivité territoriale (exonérée)',
            en: 'Public administration or local authority (exempt)',
          },
        },
      ],
    },
    {
      key: 'purpose',
      label: { ar: 'الغرض من الطلب', fr: 'Usage prévu', en: 'Intended use' },
      type: 'longtext',
      maxLength: 1000,
    },
  ],
  checklist: [
    {
      code: 'public_body_letter',
      label: {
        ar: 'رسالة الإدارة أو الجماعة الطالبة',
        fr: "Lettre de l'administration ou de la collectivité",
        en: 'Letter from the administration or local authority',
      },
      hint: {
        ar: 'مطلوبة للاستفادة من الإعفاء.',
        fr: "Requise pour bénéficier de l'exonération.",
        en: 'Required for the exemption.',
      },
      requirement: 'conditional',
      when: { field: 'requester_kind', equals: 'public_body' },
      accept: ['application/pdf'],
      maxBytes: 5 * MB,
      maxFiles: 1,
    },
    {
      code: 'delivered_file',
      label: { ar: 'الملف المسلم', fr: 'Fichier délivré', en: 'File delivered' },
      hint: {
        ar: 'يضيفه أعوان الوكالة (التصميم بصيغة PDF).',
        fr: "Joint par l'agence (le plan en PDF).",
        en: 'Attached by the agency (the plan as PDF).',
      },
      requirement: 'optional',
      accept: ['application/pdf', 'image/png', 'image/jpeg'],
      maxBytes: 50 * MB,
      maxFiles: 3,
      // Staff may attach in any open state; applicants only in the states listed, and this one is
      // closed: the item is the agency's alone.
      uploadIn: ['delivered'],
    },
  ],
  clocks: [
    {
      key: 'payment',
      label: { ar: 'أجل الأداء', fr: 'Délai de paiement', en: 'Time to pay' },
      days: 30,
      unit: 'calendar',
      startOn: ['awaiting_payment'],
      stopOn: ['in_preparation', 'cancelled', 'withdrawn'],
      legal: false,
      onExpiry: [
        { kind: 'remind', daysBefore: 5, applicant: true },
        { kind: 'transition', transition: 'expire' },
      ],
    },
    {
      key: 'delivery',
      label: { ar: 'أجل التسليم', fr: 'Délai de délivrance', en: 'Time to deliver' },
      days: 10,
      unit: 'working',
      startOn: ['in_preparation'],
      stopOn: ['delivered'],
      legal: true,
      onExpiry: [
        { kind: 'remind', daysBefore: 2 },
        { kind: 'escalate', to: 'director' },
      ],
    },
  ],
  legalMaximum: LAW_55_19_MAXIMUM,
  fees: { tariff: 'e_document', onTransition: 'deposit' },
};

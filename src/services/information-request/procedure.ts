// "General information request to an agency" (طلب معلومات عامة): the model procedure on the engine.
// Deposit → assignment → answer → closing, with one missing-pieces request at most, a decline with
// reasons that the applicant may appeal, and legal clocks in working days.
import Type from 'typebox';
import { LAW_55_19_MAXIMUM, type ProcedureDefinition } from '../../engine/definition.ts';

const MB = 1_048_576;
const DOCS = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const INFORMATION_REQUEST: ProcedureDefinition = {
  code: 'INFO',
  version: 1,
  name: { ar: 'طلب معلومات عامة', fr: "Demande d'information générale", en: 'General information request' },
  description: {
    ar: 'اطرح على الوكالة الحضرية سؤالاً حول التعمير أو مساطرها، وتوصل بجواب مكتوب داخل أجل محدد.',
    fr: "Posez à l'agence urbaine une question sur l'urbanisme ou ses procédures et recevez une réponse écrite dans un délai fixé.",
    en: 'Ask the urban agency a question about planning or its procedures and get a written answer within a set delay.',
  },
  handledBy: 'agency',
  applicants: ['citizen', 'professional'],
  initialState: 'draft',
  states: {
    draft: { label: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' }, holder: 'applicant', phase: 'draft' },
    deposited: {
      label: { ar: 'مودع', fr: 'Déposé', en: 'Filed' },
      description: {
        ar: 'توصلت الوكالة بطلبكم وسيُسند إلى مكلف بالدراسة.',
        fr: "L'agence a reçu votre demande ; elle va la confier à un agent.",
        en: 'The agency received your request and will assign it.',
      },
      holder: 'agency',
      phase: 'open',
    },
    in_progress: {
      label: { ar: 'قيد الدراسة', fr: "En cours d'examen", en: 'Being examined' },
      holder: 'agency',
      phase: 'open',
    },
    awaiting_pieces: {
      label: {
        ar: 'في انتظار وثائق منكم',
        fr: 'En attente de pièces de votre part',
        en: 'Waiting for documents from you',
      },
      description: {
        ar: 'الأجل متوقف إلى أن تدلوا بالوثائق المطلوبة.',
        fr: "Le délai est suspendu jusqu'à ce que vous fournissiez les pièces demandées.",
        en: 'The delay is suspended until you provide the requested documents.',
      },
      holder: 'applicant',
      phase: 'open',
    },
    answered: {
      label: { ar: 'تم الجواب', fr: 'Réponse donnée', en: 'Answered' },
      description: {
        ar: 'اطلعوا على الجواب. يُغلق الملف تلقائياً بعد 15 يوماً.',
        fr: 'Consultez la réponse. Le dossier sera clos automatiquement après 15 jours.',
        en: 'Read the answer. The file closes by itself after 15 days.',
      },
      holder: 'applicant',
      phase: 'open',
    },
    declined: {
      label: { ar: 'مرفوض', fr: 'Refusé', en: 'Declined' },
      description: {
        ar: 'يمكنكم تقديم تظلم إداري.',
        fr: 'Vous pouvez former un recours administratif.',
        en: 'You may file an administrative appeal.',
      },
      holder: 'applicant',
      phase: 'closed',
    },
    closed: { label: { ar: 'مغلق', fr: 'Clos', en: 'Closed' }, holder: 'none', phase: 'closed' },
    withdrawn: { label: { ar: 'مسحوب', fr: 'Retiré', en: 'Withdrawn' }, holder: 'none', phase: 'closed' },
  },
  transitions: [
    {
      key: 'deposit',
      kind: 'deposit',
      from: ['draft'],
      to: 'deposited',
      label: { ar: 'إيداع الطلب', fr: 'Déposer la demande', en: 'File the request' },
      by: ['applicant'],
      guards: ['checklist_complete'],
      notifyRoles: ['front_desk', 'director'],
    },
    {
      key: 'assign',
      from: ['deposited'],
      to: 'in_progress',
      label: { ar: 'إسناد للدراسة', fr: 'Confier pour examen', en: 'Assign for examination' },
      by: ['front_desk', 'director', 'instructor'],
      input: Type.Object({ assigneeId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      notifyApplicant: true,
    },
    {
      key: 'request_pieces',
      kind: 'request_missing_pieces',
      from: ['in_progress'],
      to: 'awaiting_pieces',
      label: { ar: 'طلب وثائق ناقصة', fr: 'Demander des pièces manquantes', en: 'Request missing documents' },
      by: ['instructor', 'director'],
      guards: ['assigned'],
      input: Type.Object(
        {
          message: Type.String({ minLength: 5, maxLength: 2000 }),
          checklistCodes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), {
            minItems: 1,
            maxItems: 10,
          }),
          dueInDays: Type.Optional(Type.Integer({ minimum: 5, maximum: 30 })),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: true,
    },
    {
      key: 'provide_pieces',
      kind: 'answer_missing_pieces',
      from: ['awaiting_pieces'],
      to: 'in_progress',
      label: {
        ar: 'إرسال الوثائق المطلوبة',
        fr: 'Envoyer les pièces demandées',
        en: 'Send the requested documents',
      },
      by: ['applicant'],
      input: Type.Object(
        { answer: Type.Optional(Type.String({ maxLength: 2000 })) },
        { additionalProperties: false },
      ),
      notifyRoles: [],
    },
    {
      key: 'answer',
      from: ['in_progress'],
      to: 'answered',
      label: { ar: 'الجواب على الطلب', fr: 'Répondre à la demande', en: 'Answer the request' },
      by: ['instructor', 'director'],
      guards: ['assigned'],
      input: Type.Object(
        { answer: Type.String({ minLength: 10, maxLength: 10_000 }) },
        { additionalProperties: false },
      ),
      notifyApplicant: true,
    },
    {
      key: 'decline',
      kind: 'refusal',
      from: ['deposited', 'in_progress'],
      to: 'declined',
      label: { ar: 'رفض معلل', fr: 'Refuser (motivé)', en: 'Decline (with reasons)' },
      by: ['instructor', 'director'],
      input: Type.Object(
        { reasons: Type.Array(Type.String({ minLength: 5, maxLength: 1000 }), { minItems: 1, maxItems: 5 }) },
        { additionalProperties: false },
      ),
      notifyApplicant: true,
    },
    {
      key: 'appeal',
      kind: 'appeal',
      from: ['declined'],
      to: 'in_progress',
      label: {
        ar: 'تقديم تظلم إداري',
        fr: 'Former un recours administratif',
        en: 'File an administrative appeal',
      },
      by: ['applicant'],
      input: Type.Object(
        { grounds: Type.String({ minLength: 10, maxLength: 4000 }) },
        { additionalProperties: false },
      ),
      notifyRoles: ['director'],
    },
    {
      key: 'close',
      from: ['answered'],
      to: 'closed',
      label: { ar: 'إغلاق الملف', fr: 'Clore le dossier', en: 'Close the file' },
      by: ['applicant', 'instructor', 'director'],
    },
    {
      key: 'auto_close',
      from: ['answered'],
      to: 'closed',
      label: { ar: 'إغلاق تلقائي', fr: 'Clôture automatique', en: 'Closed automatically' },
      by: ['system'],
    },
    {
      key: 'withdraw',
      kind: 'withdrawal',
      from: ['draft', 'deposited', 'in_progress', 'awaiting_pieces'],
      to: 'withdrawn',
      label: { ar: 'سحب الطلب', fr: 'Retirer la demande', en: 'Withdraw the request' },
      by: ['applicant'],
    },
  ],
  fields: [
    {
      key: 'subject',
      label: { ar: 'الموضوع', fr: 'Objet', en: 'Subject' },
      type: 'text',
      required: true,
      maxLength: 200,
    },
    {
      key: 'topic',
      label: { ar: 'المجال', fr: 'Domaine', en: 'Topic' },
      type: 'select',
      required: true,
      options: [
        {
          value: 'zoning',
          label: {
            ar: 'وثائق التعمير وتصاميم التهيئة',
            fr: "Documents d'urbanisme et plans d'aménagement",
            en: 'Planning documents and zoning plans',
          },
        },
        {
          value: 'permits',
          label: { ar: 'رخص التعمير', fr: "Autorisations d'urbanisme", en: 'Planning permits' },
        },
        {
          value: 'subdivision',
          label: { ar: 'التجزئات والتقسيم', fr: 'Lotissements et morcellements', en: 'Subdivisions' },
        },
        { value: 'other', label: { ar: 'موضوع آخر', fr: 'Autre sujet', en: 'Other' } },
      ],
    },
    {
      key: 'question',
      label: { ar: 'سؤالكم', fr: 'Votre question', en: 'Your question' },
      hint: {
        ar: 'كونوا دقيقين: الموقع، رقم الرسم العقاري إن وجد، ما تريدون معرفته.',
        fr: 'Soyez précis : lieu, numéro de titre foncier s’il existe, ce que vous voulez savoir.',
        en: 'Be precise: place, land title number if any, what you want to know.',
      },
      type: 'longtext',
      required: true,
      maxLength: 4000,
    },
    {
      key: 'on_behalf',
      label: {
        ar: 'أقدم الطلب نيابة عن شخص آخر',
        fr: "Je fais la demande pour le compte d'une autre personne",
        en: 'I am asking on behalf of someone else',
      },
      type: 'boolean',
    },
  ],
  checklist: [
    {
      code: 'supporting_document',
      label: {
        ar: 'وثيقة داعمة (اختيارية)',
        fr: 'Pièce justificative (facultative)',
        en: 'Supporting document (optional)',
      },
      hint: {
        ar: 'تصميم، صورة، رسالة… بصيغة PDF أو JPEG أو PNG.',
        fr: 'Plan, photo, courrier… en PDF, JPEG ou PNG.',
        en: 'Plan, photo, letter… as PDF, JPEG or PNG.',
      },
      requirement: 'optional',
      accept: DOCS,
      maxBytes: 10 * MB,
      maxFiles: 3,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
    {
      code: 'mandate',
      label: { ar: 'وكالة أو تفويض', fr: 'Procuration ou mandat', en: 'Power of attorney or mandate' },
      hint: {
        ar: 'مطلوبة إذا قدمتم الطلب نيابة عن شخص آخر.',
        fr: "Requise si vous agissez pour le compte d'une autre personne.",
        en: 'Required when you act on behalf of someone else.',
      },
      requirement: 'conditional',
      when: { field: 'on_behalf' },
      accept: ['application/pdf', 'image/jpeg'],
      maxBytes: 5 * MB,
      maxFiles: 1,
      uploadIn: ['draft', 'awaiting_pieces'],
    },
  ],
  clocks: [
    {
      key: 'answer',
      label: { ar: 'أجل الجواب', fr: 'Délai de réponse', en: 'Time to answer' },
      days: 20,
      unit: 'working',
      startOn: ['deposited'],
      stopOn: ['answered', 'declined', 'closed', 'withdrawn'],
      pauseIn: ['awaiting_pieces'],
      legal: true,
      onExpiry: [
        { kind: 'remind', daysBefore: 3 },
        { kind: 'escalate', to: 'director' },
      ],
    },
    {
      key: 'auto_close',
      label: { ar: 'الإغلاق التلقائي', fr: 'Clôture automatique', en: 'Automatic closing' },
      days: 15,
      unit: 'calendar',
      startOn: ['answered'],
      stopOn: ['closed', 'in_progress'],
      restart: true,
      legal: false,
      onExpiry: [{ kind: 'transition', transition: 'auto_close' }],
    },
  ],
  legalMaximum: LAW_55_19_MAXIMUM,
};

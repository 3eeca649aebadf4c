// The complaint (شكاية / réclamation) on the case engine. Submitted (receipt with the reference as
// tracking number) → triaged (category, priority, unit) → in progress → answered → closed; or merged
// as a duplicate, not the agency's competence (with the body to address instead), dismissed, withdrawn.
// The complainant may reopen within a window after the answer; after it the file closes by itself.
// Clocks: the answer delay is set per category (never above this definition's, which the validator
// holds to Law 55-19); see hooks.ts.
import Type from 'typebox';
import { LAW_55_19_MAXIMUM, type ProcedureDefinition } from '../../engine/definition.ts';
import { workingDaysWithin } from '../../engine/validate-definition.ts';

export const COMPLAINT_PROCEDURE_CODE = 'RECL';
const MB = 1_048_576;

/** Calendar days the complainant has to reopen after an answer; then the file closes by itself. */
export const REOPEN_WINDOW_DAYS = 15;
/** The longest answer delay a category may set: Law 55-19's 60 days, in working days. */
export const MAX_ANSWER_DAYS = workingDaysWithin(LAW_55_19_MAXIMUM.days);
export const ATTACHMENT_CODE = 'attachment';
export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_MAX_BYTES = 8 * MB;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** States in which the agency is still working on the complaint (the answer clock runs). */
export const HANDLING_STATES = ['submitted', 'triaged', 'in_progress', 'reopened'] as const;
export const CLOSED_STATES = ['closed', 'merged', 'not_competent', 'dismissed', 'withdrawn'] as const;

const STAFF = ['front_desk', 'instructor', 'director', 'legal'] as const;
const DECIDERS = ['instructor', 'director', 'legal'] as const;
const Note = Type.String({ minLength: 5, maxLength: 4000 });

export const COMPLAINT_PROCEDURE: ProcedureDefinition = {
  code: COMPLAINT_PROCEDURE_CODE,
  version: 1,
  name: { ar: 'شكاية', fr: 'Réclamation', en: 'Complaint' },
  description: {
    ar: 'قدموا شكاية إلى الوكالة الحضرية (تأخر، رفض، بناء بدون ترخيص، خدمة لم تقدم…) وتتبعوا معالجتها إلى حين الجواب.',
    fr: "Adressez une réclamation à l'agence urbaine (retard, refus, construction sans autorisation, service non rendu…) et suivez son traitement jusqu'à la réponse.",
    en: 'Send a complaint to the urban agency (delay, refusal, unauthorised building, a service not given…) and follow it until the answer.',
  },
  handledBy: 'agency',
  applicants: ['citizen', 'professional', 'anonymous'],
  initialState: 'draft',
  states: {
    draft: { label: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' }, holder: 'applicant', phase: 'draft' },
    submitted: {
      label: { ar: 'متوصل بها', fr: 'Reçue', en: 'Received' },
      description: {
        ar: 'توصلت الوكالة بشكايتكم وستقوم بفرزها وإحالتها على المصلحة المختصة.',
        fr: "L'agence a reçu votre réclamation ; elle va la qualifier et l'orienter vers le service compétent.",
        en: 'The agency received your complaint; it will sort it and send it to the right service.',
      },
      holder: 'agency',
      phase: 'open',
    },
    triaged: {
      label: { ar: 'تمت إحالتها', fr: 'Orientée', en: 'Routed' },
      description: {
        ar: 'أحيلت الشكاية على المصلحة المختصة.',
        fr: 'La réclamation a été confiée au service compétent.',
        en: 'The complaint was given to the service in charge.',
      },
      holder: 'agency',
      phase: 'open',
    },
    in_progress: {
      label: { ar: 'قيد المعالجة', fr: 'En cours de traitement', en: 'Being handled' },
      holder: 'agency',
      phase: 'open',
    },
    answered: {
      label: { ar: 'تم الجواب', fr: 'Réponse donnée', en: 'Answered' },
      description: {
        ar: `اطلعوا على الجواب. يمكنكم إعادة فتح الشكاية خلال ${REOPEN_WINDOW_DAYS} يوماً إذا لم يكن الجواب كافياً.`,
        fr: `Consultez la réponse. Vous pouvez rouvrir la réclamation dans les ${REOPEN_WINDOW_DAYS} jours si elle ne vous satisfait pas.`,
        en: `Read the answer. You may reopen the complaint within ${REOPEN_WINDOW_DAYS} days if it does not settle it.`,
      },
      holder: 'applicant',
      phase: 'open',
    },
    reopened: {
      label: { ar: 'أعيد فتحها', fr: 'Rouverte', en: 'Reopened' },
      holder: 'agency',
      phase: 'open',
    },
    closed: { label: { ar: 'مغلقة', fr: 'Close', en: 'Closed' }, holder: 'none', phase: 'closed' },
    merged: {
      label: { ar: 'ضمت إلى شكاية مماثلة', fr: 'Fusionnée avec une réclamation identique', en: 'Merged' },
      description: {
        ar: 'تتعلق هذه الشكاية بنفس الموضوع كشكاية أخرى تتم معالجتها؛ تتبعوا تلك الشكاية.',
        fr: 'Cette réclamation porte sur le même objet qu’une autre, déjà traitée ; suivez celle-ci.',
        en: 'This complaint is about the same matter as another one being handled; follow that one.',
      },
      holder: 'none',
      phase: 'closed',
    },
    not_competent: {
      label: { ar: 'خارج اختصاص الوكالة', fr: "Hors compétence de l'agence", en: 'Not for the agency' },
      description: {
        ar: 'الموضوع من اختصاص هيئة أخرى؛ توجهوا إليها.',
        fr: 'Le sujet relève d’un autre organisme ; adressez-vous à lui.',
        en: 'Another body is in charge of this; please contact it.',
      },
      holder: 'none',
      phase: 'closed',
    },
    dismissed: {
      label: { ar: 'حفظت', fr: 'Classée sans suite', en: 'Dismissed' },
      holder: 'none',
      phase: 'closed',
    },
    withdrawn: { label: { ar: 'مسحوبة', fr: 'Retirée', en: 'Withdrawn' }, holder: 'none', phase: 'closed' },
  },
  transitions: [
    {
      key: 'submit',
      kind: 'deposit',
      from: ['draft'],
      to: 'submitted',
      label: { ar: 'إيداع الشكاية', fr: 'Déposer la réclamation', en: 'Submit the complaint' },
      by: ['applicant'],
      notifyApplicant: false,
      notifyRoles: ['front_desk'],
    },
    {
      key: 'triage',
      from: ['submitted', 'triaged'],
      to: 'triaged',
      label: { ar: 'فرز وإحالة', fr: 'Qualifier et orienter', en: 'Triage' },
      by: STAFF,
      input: Type.Object(
        {
          category: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
          priority: Type.Union([
            Type.Literal('low'),
            Type.Literal('normal'),
            Type.Literal('high'),
            Type.Literal('urgent'),
          ]),
          unit: Type.String({ minLength: 2, maxLength: 120 }),
          assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
    },
    {
      key: 'start',
      from: ['triaged', 'reopened'],
      to: 'in_progress',
      label: { ar: 'بدء المعالجة', fr: 'Commencer le traitement', en: 'Start handling' },
      by: DECIDERS,
      guards: ['assigned'],
      input: Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false }),
      notifyApplicant: false,
    },
    {
      key: 'answer',
      from: ['triaged', 'in_progress', 'reopened'],
      to: 'answered',
      label: { ar: 'الجواب على الشكاية', fr: 'Répondre à la réclamation', en: 'Answer the complaint' },
      by: DECIDERS,
      guards: ['assigned'],
      input: Type.Object(
        {
          answer: Type.String({ minLength: 10, maxLength: 10_000 }),
          templateId: Type.Optional(Type.String({ format: 'uuid' })),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
    },
    {
      key: 'reopen',
      from: ['answered'],
      to: 'reopened',
      label: { ar: 'إعادة فتح الشكاية', fr: 'Rouvrir la réclamation', en: 'Reopen the complaint' },
      by: ['applicant'],
      input: Type.Object(
        { reason: Type.String({ minLength: 10, maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
      notifyRoles: ['director'],
    },
    {
      key: 'close',
      from: ['answered'],
      to: 'closed',
      label: { ar: 'إغلاق الشكاية', fr: 'Clore la réclamation', en: 'Close the complaint' },
      by: ['applicant', ...DECIDERS],
      notifyApplicant: false,
    },
    {
      key: 'auto_close',
      from: ['answered'],
      to: 'closed',
      label: { ar: 'إغلاق تلقائي', fr: 'Clôture automatique', en: 'Closed automatically' },
      by: ['system'],
      notifyApplicant: false,
    },
    {
      key: 'merge',
      from: [...HANDLING_STATES],
      to: 'merged',
      label: { ar: 'ضم إلى شكاية مماثلة', fr: 'Fusionner avec un doublon', en: 'Merge as a duplicate' },
      by: STAFF,
      input: Type.Object(
        {
          duplicateOf: Type.String({ pattern: '^[A-Z]{2,8}-[A-Z]{2,6}-\\d{4}-\\d{6}$' }),
          note: Type.Optional(Note),
        },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
    },
    {
      key: 'redirect',
      from: [...HANDLING_STATES],
      to: 'not_competent',
      label: {
        ar: 'خارج الاختصاص: توجيه إلى هيئة أخرى',
        fr: 'Hors compétence : orienter vers un autre organisme',
        en: 'Not for us: point to another body',
      },
      by: DECIDERS,
      input: Type.Object(
        { bodyCode: Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,20}$' }), note: Note },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
    },
    {
      key: 'dismiss',
      kind: 'refusal',
      from: [...HANDLING_STATES],
      to: 'dismissed',
      label: { ar: 'حفظ الشكاية (معلل)', fr: 'Classer sans suite (motivé)', en: 'Dismiss (with reasons)' },
      by: ['director', 'legal'],
      input: Type.Object(
        { reasons: Type.Array(Type.String({ minLength: 5, maxLength: 1000 }), { minItems: 1, maxItems: 5 }) },
        { additionalProperties: false },
      ),
      notifyApplicant: false,
    },
    {
      key: 'withdraw',
      kind: 'withdrawal',
      from: ['draft', ...HANDLING_STATES],
      to: 'withdrawn',
      label: { ar: 'سحب الشكاية', fr: 'Retirer la réclamation', en: 'Withdraw the complaint' },
      by: ['applicant'],
      notifyApplicant: false,
    },
  ],
  fields: [
    {
      key: 'category',
      label: { ar: 'الصنف', fr: 'Catégorie', en: 'Category' },
      type: 'text',
      required: true,
      maxLength: 40,
    },
    {
      key: 'description',
      label: { ar: 'موضوع الشكاية', fr: 'Objet de la réclamation', en: 'What the complaint is about' },
      type: 'longtext',
      required: true,
      maxLength: 5000,
    },
    {
      key: 'address',
      label: { ar: 'العنوان أو المكان', fr: 'Adresse ou lieu', en: 'Address or place' },
      type: 'text',
      maxLength: 300,
    },
  ],
  checklist: [
    {
      code: ATTACHMENT_CODE,
      label: { ar: 'صور أو وثائق', fr: 'Photos ou documents', en: 'Photos or documents' },
      hint: {
        ar: 'إلى غاية 5 ملفات بصيغة JPEG أو PNG أو WebP أو PDF، 8 ميغابايت كحد أقصى لكل ملف.',
        fr: "Jusqu'à 5 fichiers JPEG, PNG, WebP ou PDF, 8 Mo au plus chacun.",
        en: 'Up to 5 files, JPEG, PNG, WebP or PDF, 8 MB at most each.',
      },
      requirement: 'optional',
      accept: ATTACHMENT_TYPES,
      maxBytes: ATTACHMENT_MAX_BYTES,
      maxFiles: MAX_ATTACHMENTS,
      uploadIn: ['draft'],
    },
  ],
  clocks: [
    {
      key: 'triage',
      label: { ar: 'أجل الفرز', fr: 'Délai de qualification', en: 'Time to triage' },
      days: 3,
      unit: 'working',
      startOn: ['submitted'],
      stopOn: ['triaged', 'in_progress', 'answered', ...CLOSED_STATES],
      legal: false,
      onExpiry: [{ kind: 'escalate', to: 'director' }],
    },
    {
      key: 'answer',
      label: { ar: 'أجل الجواب', fr: 'Délai de réponse', en: 'Time to answer' },
      // The ceiling; each category sets its own delay at or under it (hooks.ts).
      days: MAX_ANSWER_DAYS,
      unit: 'working',
      startOn: ['submitted', 'reopened'],
      stopOn: ['answered', ...CLOSED_STATES],
      restart: true,
      legal: true,
      onExpiry: [
        { kind: 'remind', daysBefore: 3 },
        { kind: 'escalate', to: 'director' },
      ],
    },
    {
      key: 'reopen_window',
      label: { ar: 'أجل إعادة الفتح', fr: 'Délai de réouverture', en: 'Time to reopen' },
      days: REOPEN_WINDOW_DAYS,
      unit: 'calendar',
      startOn: ['answered'],
      stopOn: ['reopened', ...CLOSED_STATES],
      restart: true,
      legal: false,
      onExpiry: [{ kind: 'transition', transition: 'auto_close' }],
    },
  ],
  legalMaximum: LAW_55_19_MAXIMUM,
};

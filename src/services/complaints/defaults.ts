// Default complaint categories and response templates, loaded for the demo agencies when DEMO_DATA is
// on (an agency then edits its own). Delays are working days, under the Law 55-19 ceiling.
import { eq } from 'drizzle-orm';
import type { Platform } from '../../platform/context.ts';
import type { Localized } from '../../platform/i18n/locale.ts';
import { complaintCategories, complaintTemplates, type Question, type TemplateKind } from './tables.ts';
import { agencyByCode } from './use-cases/manage-categories.ts';

export const DEMO_AGENCIES = ['AUST', 'AUC', 'AUTAR'] as const;

type DefaultCategory = {
  code: string;
  name: Localized;
  description: Localized;
  group: Localized;
  keywords: string[];
  answerDays: number;
  isPublic: boolean;
  locationRequired: boolean;
  questions: Question[];
};

const CONSTRUCTION: Localized = {
  ar: 'البناء والتعمير',
  fr: 'Construction et urbanisme',
  en: 'Building and planning',
};
const SERVICE: Localized = { ar: 'خدمات الوكالة', fr: "Services de l'agence", en: "The agency's services" };

const FILE_REFERENCE: Question = {
  code: 'file_reference',
  datatype: 'string',
  required: true,
  label: { ar: 'رقم الملف المعني', fr: 'Numéro du dossier concerné', en: 'Number of the file concerned' },
  hint: {
    ar: 'كما يظهر في وصل الإيداع، مثلاً AUST-INFO-2026-000123.',
    fr: 'Tel qu’il figure sur le récépissé, par exemple AUST-INFO-2026-000123.',
    en: 'As it appears on the receipt, for example AUST-INFO-2026-000123.',
  },
};

export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    code: 'unauthorised_building',
    name: {
      ar: 'بناء بدون ترخيص أو مخالف له',
      fr: 'Construction sans autorisation ou non conforme',
      en: 'Building without a permit or not as permitted',
    },
    description: {
      ar: 'أشغال بناء أو توسعة أو تعلية يبدو أنها تتم بدون رخصة أو خلافاً لها.',
      fr: "Travaux de construction, d'extension ou de surélévation qui semblent faits sans autorisation ou contre elle.",
      en: 'Building, extension or extra storeys that seem to be built without a permit or against it.',
    },
    group: CONSTRUCTION,
    keywords: ['construction', 'infraction', 'permis', 'رخصة', 'بناء'],
    answerDays: 20,
    isPublic: true,
    locationRequired: true,
    questions: [
      {
        code: 'works_stage',
        datatype: 'singlevaluelist',
        required: true,
        label: { ar: 'مرحلة الأشغال', fr: 'Stade des travaux', en: 'Stage of the works' },
        values: [
          {
            key: 'starting',
            name: { ar: 'بداية الأشغال (أسس)', fr: 'Début (fondations)', en: 'Starting (foundations)' },
          },
          { key: 'structure', name: { ar: 'الهيكل والجدران', fr: 'Gros œuvre', en: 'Structure and walls' } },
          { key: 'finishing', name: { ar: 'أشغال التشطيب', fr: 'Finitions', en: 'Finishing' } },
          { key: 'finished', name: { ar: 'بناء منتهٍ', fr: 'Construction achevée', en: 'Finished' } },
        ],
      },
      {
        code: 'extra_floors',
        datatype: 'number',
        required: false,
        label: { ar: 'عدد الطوابق المضافة', fr: "Nombre d'étages ajoutés", en: 'Number of storeys added' },
      },
      {
        code: 'first_seen',
        datatype: 'datetime',
        required: false,
        label: {
          ar: 'تاريخ ملاحظة الأشغال',
          fr: 'Date où les travaux ont été vus',
          en: 'Date the works were seen',
        },
      },
    ],
  },
  {
    code: 'public_space',
    name: {
      ar: 'احتلال أو إتلاف الملك العام',
      fr: "Occupation ou dégradation de l'espace public",
      en: 'Public space taken or damaged',
    },
    description: {
      ar: 'أرصفة أو ساحات محتلة بمواد بناء أو ردم أو سياج ورش.',
      fr: 'Trottoirs ou places encombrés par des matériaux, des gravats ou une palissade de chantier.',
      en: 'Pavements or squares taken by building materials, rubble or site fencing.',
    },
    group: CONSTRUCTION,
    keywords: ['trottoir', 'gravats', 'chantier', 'رصيف'],
    answerDays: 15,
    isPublic: true,
    locationRequired: true,
    questions: [
      {
        code: 'nuisances',
        datatype: 'multivaluelist',
        required: true,
        label: { ar: 'نوع الإزعاج', fr: 'Nature de la gêne', en: 'What is wrong' },
        values: [
          {
            key: 'pavement_blocked',
            name: { ar: 'رصيف مغلق', fr: 'Trottoir bloqué', en: 'Pavement blocked' },
          },
          { key: 'rubble', name: { ar: 'ردم أو أنقاض', fr: 'Gravats', en: 'Rubble' } },
          { key: 'materials', name: { ar: 'مواد بناء', fr: 'Matériaux', en: 'Building materials' } },
          {
            key: 'danger',
            name: { ar: 'خطر على المارة', fr: 'Danger pour les passants', en: 'Danger to passers-by' },
          },
        ],
      },
    ],
  },
  {
    code: 'processing_delay',
    name: { ar: 'تأخر في معالجة ملف', fr: "Retard dans le traitement d'un dossier", en: 'A file is late' },
    description: {
      ar: 'ملف مودع لدى الوكالة تجاوز الأجل المعلن دون جواب.',
      fr: "Un dossier déposé à l'agence a dépassé le délai annoncé sans réponse.",
      en: 'A file lodged with the agency is past its announced delay without an answer.',
    },
    group: SERVICE,
    keywords: ['délai', 'retard', 'أجل'],
    answerDays: 10,
    isPublic: false,
    locationRequired: false,
    questions: [FILE_REFERENCE],
  },
  {
    code: 'decision_dispute',
    name: {
      ar: 'الاعتراض على رأي أو رفض',
      fr: "Contestation d'un avis ou d'un refus",
      en: 'Disputing an opinion or a refusal',
    },
    description: {
      ar: 'رأي غير موافق أو رفض أو ملاحظات تعتبرونها غير مبررة.',
      fr: 'Un avis défavorable, un refus ou des remarques que vous estimez injustifiés.',
      en: 'An unfavourable opinion, a refusal or remarks you find unjustified.',
    },
    group: SERVICE,
    keywords: ['avis', 'refus', 'recours', 'رفض'],
    answerDays: 30,
    isPublic: false,
    locationRequired: false,
    questions: [FILE_REFERENCE],
  },
  {
    code: 'service_quality',
    name: {
      ar: 'الاستقبال وجودة الخدمة',
      fr: 'Accueil et qualité du service',
      en: 'Reception and quality of service',
    },
    description: {
      ar: 'الاستقبال، الإرشاد، المواعيد، أو خدمة لم تقدم.',
      fr: "L'accueil, l'orientation, les rendez-vous, ou un service non rendu.",
      en: 'Reception, guidance, appointments, or a service not given.',
    },
    group: SERVICE,
    keywords: ['accueil', 'guichet', 'استقبال'],
    answerDays: 15,
    isPublic: false,
    locationRequired: false,
    questions: [
      {
        code: 'channel',
        datatype: 'singlevaluelist',
        required: false,
        label: { ar: 'أين حدث ذلك؟', fr: 'Où cela s’est-il passé ?', en: 'Where did it happen?' },
        values: [
          { key: 'counter', name: { ar: 'في الشباك', fr: 'Au guichet', en: 'At the counter' } },
          { key: 'phone', name: { ar: 'عبر الهاتف', fr: 'Au téléphone', en: 'On the phone' } },
          { key: 'online', name: { ar: 'عبر الإنترنت', fr: 'En ligne', en: 'Online' } },
        ],
      },
    ],
  },
  {
    code: 'other',
    name: { ar: 'موضوع آخر', fr: 'Autre sujet', en: 'Something else' },
    description: {
      ar: 'كل شكاية لا تدخل في الأصناف الأخرى.',
      fr: 'Toute réclamation qui ne relève pas des autres catégories.',
      en: 'Any complaint that fits none of the other categories.',
    },
    group: SERVICE,
    keywords: [],
    answerDays: 30,
    isPublic: false,
    locationRequired: false,
    questions: [],
  },
];

type DefaultTemplate = { category: string | null; kind: TemplateKind; title: Localized; body: Localized };

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    category: 'unauthorised_building',
    kind: 'answer',
    title: { ar: 'معاينة ومحضر مخالفة', fr: 'Constat et procès-verbal', en: 'Inspection and report' },
    body: {
      ar: 'انتقلت لجنة المراقبة إلى عين المكان وعاينت الأشغال موضوع الشكاية {reference}. تم تحرير محضر مخالفة وإحالته على السلطات المختصة قصد إيقاف الأشغال واتخاذ الإجراءات القانونية.',
      fr: "Une équipe de contrôle s'est rendue sur place et a constaté les travaux objet de la réclamation {reference}. Un procès-verbal d'infraction a été dressé et transmis aux autorités compétentes pour l'arrêt des travaux et les suites légales.",
      en: 'An inspection team visited the site and found the works the complaint {reference} is about. An infringement report was drawn up and sent to the competent authorities to stop the works and take legal action.',
    },
  },
  {
    category: 'unauthorised_building',
    kind: 'answer',
    title: { ar: 'أشغال مرخصة', fr: 'Travaux autorisés', en: 'Works are permitted' },
    body: {
      ar: 'بعد التحقق، تبين أن الأشغال موضوع الشكاية {reference} تتم وفق رخصة بناء سليمة. لا يقتضي الأمر أي إجراء إضافي.',
      fr: "Après vérification, les travaux objet de la réclamation {reference} sont couverts par une autorisation de construire en règle. Aucune suite n'est nécessaire.",
      en: 'After checking, the works the complaint {reference} is about are covered by a valid building permit. No further action is needed.',
    },
  },
  {
    category: 'public_space',
    kind: 'answer',
    title: { ar: 'إنذار صاحب الورش', fr: 'Mise en demeure du chantier', en: 'Site owner warned' },
    body: {
      ar: 'تمت إحالة الشكاية {reference} على السلطة المحلية والجماعة، وتم إنذار صاحب الورش بتحرير الملك العام داخل أجل أسبوع.',
      fr: "La réclamation {reference} a été transmise à l'autorité locale et à la commune ; le responsable du chantier a été mis en demeure de libérer l'espace public sous une semaine.",
      en: 'The complaint {reference} was passed to the local authority and the commune; the site owner was told to clear the public space within a week.',
    },
  },
  {
    category: 'processing_delay',
    kind: 'answer',
    title: { ar: 'تسوية الملف', fr: 'Dossier débloqué', en: 'File moving again' },
    body: {
      ar: 'نعتذر عن التأخير. تمت معالجة الملف المشار إليه في الشكاية {reference} ويمكنكم الاطلاع على القرار في فضائكم.',
      fr: 'Nous vous prions de nous excuser pour ce retard. Le dossier cité dans la réclamation {reference} a été traité ; la décision est disponible dans votre espace.',
      en: 'We apologise for the delay. The file named in the complaint {reference} has been handled; the decision is in your space.',
    },
  },
  {
    category: null,
    kind: 'update',
    title: { ar: 'زيارة ميدانية مبرمجة', fr: 'Visite sur place programmée', en: 'Site visit planned' },
    body: {
      ar: 'تمت برمجة زيارة ميدانية في إطار معالجة الشكاية {reference}. سنوافيكم بالنتيجة.',
      fr: 'Une visite sur place est programmée pour traiter la réclamation {reference}. Nous vous tiendrons informé du résultat.',
      en: 'A site visit is planned to handle the complaint {reference}. We will let you know the outcome.',
    },
  },
  {
    category: null,
    kind: 'not_competent',
    title: { ar: 'من اختصاص الجماعة', fr: 'Relève de la commune', en: 'For the commune' },
    body: {
      ar: 'موضوع الشكاية {reference} من اختصاص الجماعة المعنية (الشرطة الإدارية). نرجو توجيه طلبكم إليها مباشرة.',
      fr: "L'objet de la réclamation {reference} relève de la commune concernée (police administrative). Merci de vous adresser directement à elle.",
      en: 'The matter of the complaint {reference} is for the commune concerned (administrative police). Please contact it directly.',
    },
  },
  {
    category: null,
    kind: 'duplicate',
    title: {
      ar: 'شكاية مماثلة قيد المعالجة',
      fr: 'Réclamation identique en cours',
      en: 'Same complaint being handled',
    },
    body: {
      ar: 'سبق أن توصلت الوكالة بشكاية حول نفس الموضوع وهي قيد المعالجة. ستتوصلون بالجواب عند صدوره.',
      fr: "L'agence a déjà reçu une réclamation sur le même objet ; elle est en cours de traitement. Vous recevrez la réponse dès qu'elle sera donnée.",
      en: 'The agency already received a complaint about the same matter; it is being handled. You will get the answer as soon as it is given.',
    },
  },
];

/** Load the default categories and templates into agencies that have none yet. Returns how many agencies. */
export async function seedComplaintDefaults(
  platform: Platform,
  agencyCodes: readonly string[] = DEMO_AGENCIES,
): Promise<number> {
  let seeded = 0;
  for (const code of agencyCodes) {
    await platform.db.transaction(async (tx) => {
      const agency = await agencyByCode(tx, code);
      if (!agency) return;
      const [existing] = await tx
        .select({ id: complaintCategories.id })
        .from(complaintCategories)
        .where(eq(complaintCategories.agencyId, agency.id))
        .limit(1);
      if (existing) return;
      const ids = new Map<string, string>();
      for (const [position, c] of DEFAULT_CATEGORIES.entries()) {
        const [row] = await tx
          .insert(complaintCategories)
          .values({
            agencyId: agency.id,
            code: c.code,
            name: c.name,
            description: c.description,
            groupName: c.group,
            keywords: c.keywords,
            answerDays: c.answerDays,
            isPublic: c.isPublic,
            locationRequired: c.locationRequired,
            questions: c.questions,
            position: position * 10,
          })
          .returning({ id: complaintCategories.id });
        ids.set(c.code, row!.id);
      }
      for (const t of DEFAULT_TEMPLATES) {
        for (const locale of ['ar', 'fr', 'en'] as const) {
          await tx.insert(complaintTemplates).values({
            agencyId: agency.id,
            categoryId: t.category ? (ids.get(t.category) ?? null) : null,
            locale,
            kind: t.kind,
            title: t.title[locale],
            body: t.body[locale],
          });
        }
      }
      seeded++;
    });
  }
  return seeded;
}

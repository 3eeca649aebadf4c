import { defineCatalogue } from '../../lib/i18n.ts';

export default defineCatalogue('home', {
  ar: {
    title: 'الخدمات الرقمية للوكالات الحضرية',
    lead: 'اطلب مذكرة المعلومات التعميرية، أودع ملف رخصة البناء في الشباك الرقمي الوحيد، تابع شكايتك وادفع رسومك عبر الإنترنت، بالعربية أو بالفرنسية.',
    servicesTitle: 'الخدمات',
    available: 'متاحة',
    soon: 'قريباً',
    start: 'ابدأ',
    services: {
      eNote: {
        title: 'مذكرة المعلومات التعميرية',
        text: 'ما تسمح به تصاميم التهيئة المصادق عليها على قطعتك الأرضية، موقعة وبرمز QR.',
      },
      eComplaint: { title: 'الشكاية الإلكترونية', text: 'قدم شكاية وتابعها وتوصل بالجواب دون التنقل.' },
      ePermits: {
        title: 'رخص التعمير',
        text: 'رخص البناء والتجزئة والمجموعات السكنية والتقسيم والسكن والإصلاح والهدم.',
      },
      preStudy: {
        title: 'الدراسة القبلية',
        text: 'عرض مشروع الملف على الوكالة قبل الإيداع لتفادي الملاحظات.',
      },
      ePayment: { title: 'الأداء الإلكتروني', text: 'أداء الرسوم والواجبات بالبطاقة البنكية والتوصل بوصل.' },
      eDocument: { title: 'الوثائق', text: 'طلب وثائق الوكالة وأداء ثمنها.' },
      eCommittee: { title: 'اللجان', text: 'جداول الأعمال، آراء كل جهة والنتائج المنشورة.' },
      geoportal: {
        title: 'البوابة الجغرافية',
        text: 'تصاميم التهيئة المصادق عليها على الخريطة، مع بديل نصي.',
      },
      appointments: { title: 'المواعيد', text: 'حجز موعد مع مصالح الوكالة.' },
      verify: { title: 'التحقق من وثيقة', text: 'تأكد من صحة وثيقة صادرة بواسطة رمز QR.' },
      legalLibrary: { title: 'المكتبة القانونية', text: 'القوانين والمراسيم والدوريات في مجال التعمير.' },
      infoRequest: { title: 'طلب معلومات', text: 'اطرح سؤالاً على الوكالة وتوصل بجواب مكتوب داخل أجل محدد.' },
      economicLicences: { title: 'الرخص الاقتصادية', text: 'عبر نفس الشباك الرقمي.' },
      utilityConnections: { title: 'ربط التجزئات بالشبكات', text: 'الماء والكهرباء والتطهير والاتصالات.' },
    },
  },
  fr: {
    title: 'Les services numériques des agences urbaines',
    lead: 'Demandez votre note de renseignements urbanistiques, déposez un permis au guichet unique numérique, suivez une réclamation et payez vos droits en ligne, en arabe ou en français.',
    servicesTitle: 'Services',
    available: 'Disponible',
    soon: 'Bientôt',
    start: 'Commencer',
    services: {
      eNote: {
        title: 'Note de renseignements urbanistiques',
        text: "Ce que les plans d'aménagement approuvés permettent sur votre parcelle, signée et vérifiable par QR code.",
      },
      eComplaint: {
        title: 'Réclamation en ligne',
        text: 'Déposez une réclamation, suivez-la et recevez la réponse sans vous déplacer.',
      },
      ePermits: {
        title: "Autorisations d'urbanisme",
        text: 'Permis de construire, de lotir, groupes d’habitations, morcellement, habiter, réfection, démolition.',
      },
      preStudy: {
        title: 'Pré-instruction',
        text: "Soumettez le projet de dossier à l'agence avant le dépôt pour éviter les remarques.",
      },
      ePayment: {
        title: 'Paiement en ligne',
        text: 'Payez vos droits et redevances par carte bancaire, reçu immédiat.',
      },
      eDocument: { title: 'Documents', text: "Commandez et payez les documents de l'agence." },
      eCommittee: {
        title: 'Commissions',
        text: 'Ordres du jour, avis de chaque organisme, résultats publiés.',
      },
      geoportal: {
        title: 'Géoportail',
        text: "Les plans d'aménagement approuvés sur la carte, avec une alternative textuelle.",
      },
      appointments: { title: 'Rendez-vous', text: "Prenez rendez-vous avec les services de l'agence." },
      verify: {
        title: 'Vérifier un document',
        text: "Contrôlez l'authenticité d'un document délivré grâce à son QR code.",
      },
      legalLibrary: { title: 'Bibliothèque juridique', text: "Lois, décrets et circulaires de l'urbanisme." },
      infoRequest: {
        title: "Demande d'information",
        text: "Posez une question à l'agence et recevez une réponse écrite dans un délai fixé.",
      },
      economicLicences: { title: 'Autorisations économiques', text: 'Par le même guichet numérique.' },
      utilityConnections: {
        title: 'Raccordement des lotissements',
        text: 'Eau, électricité, assainissement, télécommunications.',
      },
    },
  },
  en: {
    title: 'The digital services of the urban agencies',
    lead: 'Request your planning information note, file a permit at the single digital window, follow a complaint and pay fees online, in Arabic or French.',
    servicesTitle: 'Services',
    available: 'Available',
    soon: 'Coming soon',
    start: 'Start',
    services: {
      eNote: {
        title: 'Planning information note',
        text: 'What the approved zoning plans allow on your parcel, signed and verifiable by QR code.',
      },
      eComplaint: {
        title: 'Online complaint',
        text: 'File a complaint, follow it and get the answer without travelling.',
      },
      ePermits: {
        title: 'Planning permits',
        text: 'Building, subdivision, housing group, parcel division, occupancy, repair and demolition permits.',
      },
      preStudy: { title: 'Pre-study', text: 'Show the agency a draft file before filing, to avoid remarks.' },
      ePayment: { title: 'Online payment', text: 'Pay fees and duties by card, with an immediate receipt.' },
      eDocument: { title: 'Documents', text: "Order and pay for the agency's documents." },
      eCommittee: { title: 'Committees', text: 'Agendas, each body’s opinion, published results.' },
      geoportal: { title: 'Geoportal', text: 'The approved zoning plans on a map, with a text alternative.' },
      appointments: { title: 'Appointments', text: "Book an appointment with the agency's services." },
      verify: {
        title: 'Verify a document',
        text: 'Check that an issued document is authentic with its QR code.',
      },
      legalLibrary: { title: 'Legal library', text: 'Planning laws, decrees and circulars.' },
      infoRequest: {
        title: 'Information request',
        text: 'Ask the agency a question and get a written answer within a set delay.',
      },
      economicLicences: { title: 'Economic licences', text: 'Through the same digital window.' },
      utilityConnections: {
        title: 'Utility connections of subdivisions',
        text: 'Water, power, sewerage, telecoms.',
      },
    },
  },
});

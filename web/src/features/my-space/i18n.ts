import { defineCatalogue } from '../../lib/i18n.ts';

export default defineCatalogue('mySpace', {
  ar: {
    title: 'فضائي',
    filesTitle: 'ملفاتي',
    noFiles:
      'لا توجد لديك ملفات بعد. ستظهر هنا طلباتك (مذكرات المعلومات، الشكايات، الرخص) مع حالتها والآجال القانونية.',
    profileTitle: 'حسابي',
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    accountType: 'نوع الحساب',
    types: { citizen: 'مواطن', professional: 'مهني', staff: 'موظف' },
    professionalNumber: 'رقم التسجيل المهني',
    twoStep: 'التحقق بخطوتين',
    enabled: 'مفعل',
    disabled: 'غير مفعل',
  },
  fr: {
    title: 'Mon espace',
    filesTitle: 'Mes dossiers',
    noFiles:
      "Vous n'avez pas encore de dossier. Vos demandes (notes de renseignements, réclamations, autorisations) apparaîtront ici avec leur état et leurs délais légaux.",
    profileTitle: 'Mon compte',
    name: 'Nom',
    email: 'Adresse électronique',
    accountType: 'Type de compte',
    types: { citizen: 'Citoyen', professional: 'Professionnel', staff: 'Agent' },
    professionalNumber: "Numéro d'inscription professionnelle",
    twoStep: 'Vérification en deux étapes',
    enabled: 'Activée',
    disabled: 'Non activée',
  },
  en: {
    title: 'My space',
    filesTitle: 'My files',
    noFiles:
      'You have no files yet. Your requests (information notes, complaints, permits) will appear here with their state and legal deadlines.',
    profileTitle: 'My account',
    name: 'Name',
    email: 'Email',
    accountType: 'Account type',
    types: { citizen: 'Citizen', professional: 'Professional', staff: 'Staff' },
    professionalNumber: 'Professional registration number',
    twoStep: 'Two-step verification',
    enabled: 'On',
    disabled: 'Off',
  },
});

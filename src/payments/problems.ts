import { defineProblems } from '../platform/errors.ts';

export const PaymentProblems = defineProblems({
  'payment.tariff_not_found': {
    status: 404,
    title: {
      ar: 'لا توجد تعريفة لهذه الخدمة',
      fr: 'Aucun tarif pour ce service',
      en: 'No tariff for this service',
    },
  },
  'payment.tariff_input_missing': {
    status: 422,
    title: {
      ar: 'معطيات ناقصة لحساب المبلغ',
      fr: 'Donnée manquante pour calculer le montant',
      en: 'Missing data to compute the amount',
    },
    detail: {
      ar: 'يلزم إدخال قيمة صحيحة للحقل «{field}» لحساب المبلغ.',
      fr: 'Une valeur valable du champ « {field} » est nécessaire pour calculer le montant.',
      en: 'A valid value of the field "{field}" is needed to compute the amount.',
    },
  },
  'payment.tariff_invalid': {
    status: 422,
    title: { ar: 'تعريفة غير صالحة', fr: 'Tarif invalide', en: 'Invalid tariff' },
    detail: {
      ar: 'التعريفة غير صالحة: {reason}',
      fr: 'Le tarif est invalide : {reason}',
      en: 'The tariff is not valid: {reason}',
    },
  },
  'payment.order_not_found': {
    status: 404,
    title: {
      ar: 'الأمر بالأداء غير موجود',
      fr: 'Ordre de paiement introuvable',
      en: 'Payment order not found',
    },
  },
  'payment.already_paid': {
    status: 409,
    title: {
      ar: 'تم أداء هذا المبلغ من قبل',
      fr: 'Cet ordre est déjà payé',
      en: 'This order is already paid',
    },
    detail: {
      ar: 'لا يمكن أداء نفس الأمر بالأداء مرتين. وصل الأداء متاح في فضائكم.',
      fr: 'Un ordre de paiement ne se paie qu’une fois. Le reçu est disponible dans votre espace.',
      en: 'An order is paid once. The receipt is in your space.',
    },
  },
  'payment.order_not_payable': {
    status: 409,
    title: {
      ar: 'هذا الأمر بالأداء غير قابل للأداء',
      fr: 'Cet ordre ne peut pas être payé',
      en: 'This order cannot be paid',
    },
  },
  'payment.gateway_unavailable': {
    status: 503,
    title: {
      ar: 'الأداء بالبطاقة غير متاح حالياً',
      fr: 'Le paiement par carte est indisponible',
      en: 'Card payment is unavailable',
    },
    detail: {
      ar: 'بوابة الأداء غير مهيأة على هذه المنصة. يرجى الأداء بشباك الوكالة.',
      fr: "La passerelle de paiement n'est pas configurée sur cette plateforme. Payez au guichet de l'agence.",
      en: 'The payment gateway is not configured on this platform. Pay at the agency counter.',
    },
  },
  'payment.hash_mismatch': {
    status: 400,
    title: {
      ar: 'بصمة الأداء غير صحيحة',
      fr: 'Empreinte de paiement invalide',
      en: 'Invalid payment hash',
    },
    detail: {
      ar: 'المعطيات المرسلة لا تطابق بصمتها: تم رفضها وتسجيل المحاولة.',
      fr: 'Les données reçues ne correspondent pas à leur empreinte : elles sont refusées et la tentative est enregistrée.',
      en: 'The data received do not match their hash: refused, and the attempt is recorded.',
    },
  },
  'payment.refund_too_large': {
    status: 422,
    title: {
      ar: 'مبلغ الإرجاع يفوق المبلغ المؤدى',
      fr: 'Remboursement supérieur au montant payé',
      en: 'Refund larger than the amount paid',
    },
    detail: {
      ar: 'يمكن إرجاع {available} على الأكثر.',
      fr: 'Au plus {available} peuvent être remboursés.',
      en: 'At most {available} can be refunded.',
    },
  },
  'payment.not_refundable': {
    status: 409,
    title: {
      ar: 'لا يوجد أداء قابل للإرجاع',
      fr: 'Aucun paiement à rembourser',
      en: 'Nothing to refund',
    },
  },
  'payment.agency_not_found': {
    status: 404,
    title: { ar: 'الوكالة غير موجودة', fr: 'Agence introuvable', en: 'Agency not found' },
  },
});

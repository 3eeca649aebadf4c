// Localized messages for schema validation failures, by JSON Schema keyword.
import type { FieldError } from '../errors.ts';
import { interpolate, type Locale, type Localized } from '../i18n/locale.ts';

const MESSAGES: Readonly<Record<string, Localized>> = {
  required: { ar: 'هذا الحقل إلزامي.', fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  type: {
    ar: 'نوع القيمة غير صحيح (المنتظر: {type}).',
    fr: 'Type de valeur incorrect (attendu : {type}).',
    en: 'Wrong value type (expected: {type}).',
  },
  format: {
    ar: 'الصيغة غير صحيحة ({format}).',
    fr: 'Format incorrect ({format}).',
    en: 'Wrong format ({format}).',
  },
  'format.email': {
    ar: 'عنوان البريد الإلكتروني غير صحيح.',
    fr: "L'adresse électronique n'est pas valide.",
    en: 'The email address is not valid.',
  },
  minLength: {
    ar: 'قصير جداً: {limit} حرفاً على الأقل.',
    fr: 'Trop court : au moins {limit} caractères.',
    en: 'Too short: at least {limit} characters.',
  },
  maxLength: {
    ar: 'طويل جداً: {limit} حرفاً على الأكثر.',
    fr: 'Trop long : au plus {limit} caractères.',
    en: 'Too long: at most {limit} characters.',
  },
  minimum: {
    ar: 'يجب ألا تقل القيمة عن {limit}.',
    fr: 'La valeur doit être au moins {limit}.',
    en: 'Must be at least {limit}.',
  },
  maximum: {
    ar: 'يجب ألا تتجاوز القيمة {limit}.',
    fr: 'La valeur doit être au plus {limit}.',
    en: 'Must be at most {limit}.',
  },
  exclusiveMinimum: {
    ar: 'يجب أن تكون القيمة أكبر من {limit}.',
    fr: 'La valeur doit dépasser {limit}.',
    en: 'Must be greater than {limit}.',
  },
  pattern: { ar: 'الصيغة غير صحيحة.', fr: 'Le format ne correspond pas.', en: 'The format does not match.' },
  enum: {
    ar: 'القيمة غير مقبولة.',
    fr: "Cette valeur n'est pas acceptée.",
    en: 'This value is not accepted.',
  },
  const: {
    ar: 'القيمة غير مقبولة.',
    fr: "Cette valeur n'est pas acceptée.",
    en: 'This value is not accepted.',
  },
  anyOf: {
    ar: 'القيمة غير مقبولة.',
    fr: "Cette valeur n'est pas acceptée.",
    en: 'This value is not accepted.',
  },
  additionalProperties: {
    ar: 'حقل غير معروف: {name}.',
    fr: 'Champ inconnu : {name}.',
    en: 'Unknown field: {name}.',
  },
  minItems: {
    ar: 'عناصر غير كافية (الحد الأدنى {limit}).',
    fr: 'Pas assez d’éléments (minimum {limit}).',
    en: 'Too few items (minimum {limit}).',
  },
  maxItems: {
    ar: 'عناصر كثيرة جداً (الحد الأقصى {limit}).',
    fr: "Trop d'éléments (maximum {limit}).",
    en: 'Too many items (maximum {limit}).',
  },
  weak_password: {
    ar: 'كلمة المرور ضعيفة: استعمل 10 أحرف على الأقل تمزج بين الحروف والأرقام، وتجنب الكلمات الشائعة وبريدك الإلكتروني.',
    fr: 'Mot de passe trop faible : au moins 10 caractères mêlant lettres et chiffres, ni mot courant ni votre adresse.',
    en: 'Password too weak: at least 10 characters mixing letters and digits, not a common word nor your email.',
  },
  taken: {
    ar: 'هذه القيمة مستعملة من قبل.',
    fr: 'Cette valeur est déjà utilisée.',
    en: 'This value is already taken.',
  },
  unknown_reference: {
    ar: 'هذا المرجع غير موجود.',
    fr: "Cette référence n'existe pas.",
    en: 'This reference does not exist.',
  },
};

export function registerFieldMessages(messages: Readonly<Record<string, Localized>>): void {
  for (const [key, value] of Object.entries(messages)) {
    if (MESSAGES[key] && MESSAGES[key] !== value) throw new Error(`field message defined twice: ${key}`);
    (MESSAGES as Record<string, Localized>)[key] = value;
  }
}

export function fieldMessage(field: FieldError, locale: Locale): string {
  const format = field.params?.format;
  const key =
    field.code === 'format' && typeof format === 'string' && MESSAGES[`format.${format}`]
      ? `format.${format}`
      : field.code;
  const template = MESSAGES[key] ?? MESSAGES.pattern!;
  return interpolate(template[locale], field.params ?? {});
}

import { defineProblems } from '../platform/errors.ts';

export const AccountProblems = defineProblems({
  'auth.invalid_credentials': {
    status: 401,
    title: { ar: 'بيانات الدخول غير صحيحة', fr: 'Identifiants incorrects', en: 'Wrong email or password' },
    detail: {
      ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
      fr: "L'adresse électronique ou le mot de passe est incorrect.",
      en: 'The email address or the password is wrong.',
    },
  },
  'auth.account_locked': {
    status: 429,
    title: {
      ar: 'الحساب مقفل مؤقتاً',
      fr: 'Compte temporairement verrouillé',
      en: 'Account temporarily locked',
    },
    detail: {
      ar: 'بعد عدة محاولات فاشلة، أُقفل الحساب لمدة {minutes} دقيقة. يمكنك إعادة تعيين كلمة المرور.',
      fr: 'Après plusieurs échecs, le compte est verrouillé pendant {minutes} minutes. Vous pouvez réinitialiser le mot de passe.',
      en: 'After several failed attempts the account is locked for {minutes} minutes. You can reset the password.',
    },
  },
  'auth.email_not_verified': {
    status: 403,
    title: { ar: 'البريد الإلكتروني غير مؤكد', fr: 'Adresse non vérifiée', en: 'Email not verified' },
    detail: {
      ar: 'أكد بريدك الإلكتروني بالضغط على الرابط الذي أرسلناه إليك، ثم سجّل الدخول.',
      fr: 'Confirmez votre adresse en cliquant sur le lien envoyé, puis connectez-vous.',
      en: 'Confirm your email address with the link we sent you, then sign in.',
    },
  },
  'auth.token_invalid': {
    status: 400,
    title: { ar: 'الرابط غير صالح', fr: 'Lien invalide', en: 'Invalid link' },
    detail: {
      ar: 'هذا الرابط غير صالح أو انتهت صلاحيته أو سبق استعماله. اطلب رابطاً جديداً.',
      fr: 'Ce lien est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.',
      en: 'This link is invalid, expired or already used. Ask for a new one.',
    },
  },
  'auth.mfa_required': {
    status: 401,
    title: { ar: 'مطلوب رمز التحقق', fr: 'Code de vérification requis', en: 'Verification code required' },
  },
  'auth.mfa_invalid': {
    status: 401,
    title: { ar: 'رمز التحقق غير صحيح', fr: 'Code de vérification incorrect', en: 'Wrong verification code' },
    detail: {
      ar: 'الرمز غير صحيح أو سبق استعماله. أدخل الرمز الحالي من تطبيق المصادقة.',
      fr: "Le code est incorrect ou déjà utilisé. Saisissez le code actuel de votre application d'authentification.",
      en: 'The code is wrong or was already used. Enter the current code from your authenticator app.',
    },
  },
  'auth.no_pending_mfa': {
    status: 409,
    title: { ar: 'لا توجد عملية دخول جارية', fr: 'Aucune connexion en cours', en: 'No sign-in in progress' },
  },
  'auth.token_not_found': {
    status: 404,
    title: { ar: 'الرمز غير موجود', fr: 'Jeton introuvable', en: 'Token not found' },
  },
  'membership.not_found': {
    status: 404,
    title: { ar: 'العضوية غير موجودة', fr: 'Affectation introuvable', en: 'Membership not found' },
  },
  'membership.role_not_allowed': {
    status: 422,
    title: {
      ar: 'الدور غير ملائم لهذه الهيئة',
      fr: 'Rôle non permis pour cette organisation',
      en: 'Role not allowed here',
    },
    detail: {
      ar: 'لا يمكن منح الدور «{role}» داخل هذا النوع من الهيئات.',
      fr: 'Le rôle « {role} » ne peut pas être attribué dans ce type d’organisation.',
      en: 'The role "{role}" cannot be granted in this kind of organisation.',
    },
  },
  'membership.organization_not_found': {
    status: 404,
    title: { ar: 'الهيئة غير موجودة', fr: 'Organisation introuvable', en: 'Organisation not found' },
  },
  'membership.self_revoke': {
    status: 409,
    title: {
      ar: 'لا يمكنك سحب صلاحياتك بنفسك',
      fr: 'Vous ne pouvez pas retirer vos propres droits',
      en: 'You cannot revoke your own role',
    },
  },
});

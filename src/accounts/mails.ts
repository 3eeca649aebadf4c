import { defineMail } from '../platform/mail/mail-templates.ts';

type LinkVars = { fullName: string; url: string };

export const VerifyEmailMail = defineMail<LinkVars>('accounts.verify_email', {
  ar: (v) => ({
    subject: 'تأكيد بريدك الإلكتروني — تعمير',
    paragraphs: [
      `مرحباً ${v.fullName}،`,
      'شكراً لتسجيلك في منصة تعمير. لتفعيل حسابك، أكد بريدك الإلكتروني. الرابط صالح لمدة 48 ساعة.',
    ],
    action: { label: 'تأكيد البريد الإلكتروني', url: v.url },
  }),
  fr: (v) => ({
    subject: 'Confirmez votre adresse électronique — Taamir',
    paragraphs: [
      `Bonjour ${v.fullName},`,
      'Merci de votre inscription sur Taamir. Pour activer votre compte, confirmez votre adresse. Le lien est valable 48 heures.',
    ],
    action: { label: "Confirmer l'adresse", url: v.url },
  }),
  en: (v) => ({
    subject: 'Confirm your email address — Taamir',
    paragraphs: [
      `Hello ${v.fullName},`,
      'Thank you for signing up to Taamir. To activate your account, confirm your email address. The link is valid for 48 hours.',
    ],
    action: { label: 'Confirm my address', url: v.url },
  }),
});

export const AlreadyRegisteredMail = defineMail<LinkVars>('accounts.already_registered', {
  ar: (v) => ({
    subject: 'محاولة تسجيل جديدة ببريدك — تعمير',
    paragraphs: [
      `مرحباً ${v.fullName}،`,
      'طلب شخص ما إنشاء حساب جديد بهذا البريد الإلكتروني، لكن لديك حساب بالفعل. إذا نسيت كلمة المرور، يمكنك إعادة تعيينها.',
    ],
    action: { label: 'إعادة تعيين كلمة المرور', url: v.url },
  }),
  fr: (v) => ({
    subject: 'Nouvelle inscription avec votre adresse — Taamir',
    paragraphs: [
      `Bonjour ${v.fullName},`,
      'Quelqu’un a demandé à créer un compte avec cette adresse, mais vous en avez déjà un. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser.',
    ],
    action: { label: 'Réinitialiser le mot de passe', url: v.url },
  }),
  en: (v) => ({
    subject: 'New sign-up with your address — Taamir',
    paragraphs: [
      `Hello ${v.fullName},`,
      'Someone asked to create an account with this address, but you already have one. If you forgot your password, you can reset it.',
    ],
    action: { label: 'Reset my password', url: v.url },
  }),
});

export const ResetPasswordMail = defineMail<LinkVars>('accounts.reset_password', {
  ar: (v) => ({
    subject: 'إعادة تعيين كلمة المرور — تعمير',
    paragraphs: [
      `مرحباً ${v.fullName}،`,
      'تلقينا طلباً لإعادة تعيين كلمة مرور حسابك. الرابط صالح لمدة ساعة واحدة. إذا لم تطلب ذلك، تجاهل هذه الرسالة.',
    ],
    action: { label: 'اختيار كلمة مرور جديدة', url: v.url },
  }),
  fr: (v) => ({
    subject: 'Réinitialisation du mot de passe — Taamir',
    paragraphs: [
      `Bonjour ${v.fullName},`,
      "Nous avons reçu une demande de réinitialisation du mot de passe. Le lien est valable une heure. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: v.url },
  }),
  en: (v) => ({
    subject: 'Reset your password — Taamir',
    paragraphs: [
      `Hello ${v.fullName},`,
      'We received a request to reset your password. The link is valid for one hour. If you did not ask for it, ignore this message.',
    ],
    action: { label: 'Choose a new password', url: v.url },
  }),
});

export const StaffInvitationMail = defineMail<LinkVars & { organization: string; role: string }>(
  'accounts.staff_invitation',
  {
    ar: (v) => ({
      subject: 'دعوة للانضمام إلى فضاء الموظفين — تعمير',
      paragraphs: [
        `مرحباً ${v.fullName}،`,
        `تمت إضافتك إلى «${v.organization}» بصفة «${v.role}». اختر كلمة مرور لحسابك، ثم فعّل التحقق بخطوتين عند أول دخول.`,
      ],
      action: { label: 'تفعيل الحساب', url: v.url },
    }),
    fr: (v) => ({
      subject: "Invitation à l'espace agents — Taamir",
      paragraphs: [
        `Bonjour ${v.fullName},`,
        `Vous avez été ajouté(e) à « ${v.organization} » en tant que « ${v.role} ». Choisissez un mot de passe, puis activez la vérification en deux étapes à la première connexion.`,
      ],
      action: { label: 'Activer le compte', url: v.url },
    }),
    en: (v) => ({
      subject: 'Invitation to the staff space — Taamir',
      paragraphs: [
        `Hello ${v.fullName},`,
        `You were added to "${v.organization}" as "${v.role}". Choose a password, then set up two-step verification at your first sign-in.`,
      ],
      action: { label: 'Activate my account', url: v.url },
    }),
  },
);

export const PasswordChangedMail = defineMail<{ fullName: string }>('accounts.password_changed', {
  ar: (v) => ({
    subject: 'تم تغيير كلمة المرور — تعمير',
    paragraphs: [
      `مرحباً ${v.fullName}،`,
      'تم تغيير كلمة مرور حسابك وأُغلقت جميع الجلسات المفتوحة. إذا لم تقم بذلك، اتصل بالوكالة فوراً.',
    ],
  }),
  fr: (v) => ({
    subject: 'Mot de passe modifié — Taamir',
    paragraphs: [
      `Bonjour ${v.fullName},`,
      "Le mot de passe de votre compte a été modifié et toutes les sessions ouvertes ont été fermées. Si ce n'est pas vous, contactez l'agence immédiatement.",
    ],
  }),
  en: (v) => ({
    subject: 'Password changed — Taamir',
    paragraphs: [
      `Hello ${v.fullName},`,
      'Your password was changed and every open session was closed. If this was not you, contact the agency at once.',
    ],
  }),
});

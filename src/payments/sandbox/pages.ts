// Server-rendered pages of the sandbox gateway (the "bank"): plain HTML, no script but the one that
// auto-submits the return form, in the payer's language (the `lang` field of the merchant's form).
import { TEST_CARDS } from './cards.ts';

export type SandboxLang = 'ar' | 'fr' | 'en';

export const sandboxLang = (value: string | undefined): SandboxLang =>
  value === 'ar' || value === 'en' ? value : 'fr';

const TEXT = {
  fr: {
    bank: 'Passerelle de paiement — bac à sable',
    banner: 'Bac à sable : aucune carte réelle n’est débitée. Utilisez une carte de test.',
    title: 'Paiement par carte',
    merchant: 'Commerçant',
    order: 'Commande',
    amount: 'Montant',
    cardNumber: 'Numéro de carte',
    expiry: "Date d'expiration (MM/AA)",
    cvv: 'Code de sécurité (CVV)',
    holder: 'Titulaire de la carte',
    pay: 'Payer',
    cancel: 'Annuler et revenir au site',
    testCards: 'Cartes de test',
    card: 'Carte',
    result: 'Résultat',
    approve: 'Paiement accepté',
    three_d_secure: 'Accepté après 3-D Secure (code 123)',
    decline: 'Paiement refusé',
    insufficient_funds: 'Refusé : provision insuffisante',
    other: 'Toute autre carte valide',
    errorsTitle: 'Corrigez les erreurs suivantes',
    panInvalid: 'Numéro de carte invalide.',
    expiryInvalid: "Date d'expiration invalide ou dépassée.",
    cvvInvalid: 'Le code de sécurité compte 3 chiffres.',
    holderRequired: 'Indiquez le nom du titulaire.',
    threeDsTitle: 'Authentification 3-D Secure',
    threeDsLead: 'Votre banque vous a envoyé un code à usage unique. (Bac à sable : le code est 123.)',
    code: 'Code reçu',
    confirm: 'Valider',
    approvedTitle: 'Paiement accepté',
    declinedTitle: 'Paiement refusé',
    merchantAnswer: 'Réponse du commerçant à la notification',
    back: 'Revenir au site du commerçant',
    redirecting: 'Vous allez être redirigé vers le site du commerçant.',
    invalidTitle: 'Requête de paiement refusée',
    invalidLead: "La passerelle n'a pas accepté la demande du commerçant :",
    unknownMerchant: 'Commerçant inconnu (clientid).',
    badHash: 'Empreinte (HASH) invalide : la demande a été modifiée ou la clé du magasin est fausse.',
    badField: 'Champ manquant ou invalide',
  },
  ar: {
    bank: 'بوابة الأداء — بيئة تجريبية',
    banner: 'بيئة تجريبية: لا يتم اقتطاع أي مبلغ من بطاقة حقيقية. استعملوا بطاقة تجريبية.',
    title: 'الأداء بالبطاقة',
    merchant: 'التاجر',
    order: 'الطلب',
    amount: 'المبلغ',
    cardNumber: 'رقم البطاقة',
    expiry: 'تاريخ انتهاء الصلاحية (شهر/سنة)',
    cvv: 'رمز الأمان (CVV)',
    holder: 'حامل البطاقة',
    pay: 'أداء',
    cancel: 'إلغاء والرجوع إلى الموقع',
    testCards: 'بطاقات تجريبية',
    card: 'البطاقة',
    result: 'النتيجة',
    approve: 'أداء مقبول',
    three_d_secure: 'مقبول بعد \u20663-D Secure\u2069 (الرمز 123)',
    decline: 'أداء مرفوض',
    insufficient_funds: 'مرفوض: رصيد غير كاف',
    other: 'أي بطاقة صالحة أخرى',
    errorsTitle: 'صححوا الأخطاء التالية',
    panInvalid: 'رقم البطاقة غير صحيح.',
    expiryInvalid: 'تاريخ انتهاء الصلاحية غير صحيح أو منتهٍ.',
    cvvInvalid: 'يتكون رمز الأمان من 3 أرقام.',
    holderRequired: 'أدخلوا اسم حامل البطاقة.',
    threeDsTitle: 'المصادقة \u20663-D Secure\u2069',
    threeDsLead: 'أرسل إليكم بنككم رمزاً صالحاً لمرة واحدة. (في البيئة التجريبية: الرمز هو 123.)',
    code: 'الرمز المتوصل به',
    confirm: 'تأكيد',
    approvedTitle: 'تم قبول الأداء',
    declinedTitle: 'تم رفض الأداء',
    merchantAnswer: 'جواب التاجر على الإشعار',
    back: 'الرجوع إلى موقع التاجر',
    redirecting: 'سيتم توجيهكم إلى موقع التاجر.',
    invalidTitle: 'تم رفض طلب الأداء',
    invalidLead: 'لم تقبل البوابة طلب التاجر:',
    unknownMerchant: 'تاجر غير معروف (clientid).',
    badHash: 'البصمة (\u2066HASH\u2069) غير صحيحة: تم تغيير الطلب أو أن مفتاح المتجر خاطئ.',
    badField: 'حقل ناقص أو غير صالح',
  },
  en: {
    bank: 'Payment gateway — sandbox',
    banner: 'Sandbox: no real card is charged. Use a test card.',
    title: 'Card payment',
    merchant: 'Merchant',
    order: 'Order',
    amount: 'Amount',
    cardNumber: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvv: 'Security code (CVV)',
    holder: 'Cardholder',
    pay: 'Pay',
    cancel: 'Cancel and go back to the site',
    testCards: 'Test cards',
    card: 'Card',
    result: 'Result',
    approve: 'Payment approved',
    three_d_secure: 'Approved after 3-D Secure (code 123)',
    decline: 'Payment declined',
    insufficient_funds: 'Declined: insufficient funds',
    other: 'Any other valid card',
    errorsTitle: 'Correct the following errors',
    panInvalid: 'Invalid card number.',
    expiryInvalid: 'Invalid or past expiry date.',
    cvvInvalid: 'The security code has 3 digits.',
    holderRequired: "Enter the cardholder's name.",
    threeDsTitle: '3-D Secure authentication',
    threeDsLead: 'Your bank sent you a one-time code. (Sandbox: the code is 123.)',
    code: 'Code received',
    confirm: 'Confirm',
    approvedTitle: 'Payment approved',
    declinedTitle: 'Payment declined',
    merchantAnswer: "Merchant's answer to the notification",
    back: "Back to the merchant's site",
    redirecting: "You are being taken back to the merchant's site.",
    invalidTitle: 'Payment request refused',
    invalidLead: "The gateway did not accept the merchant's request:",
    unknownMerchant: 'Unknown merchant (clientid).',
    badHash: 'Invalid HASH: the request was altered or the store key is wrong.',
    badField: 'Missing or invalid field',
  },
} as const;

export type SandboxText = keyof (typeof TEXT)['fr'];
export const text = (lang: SandboxLang, key: SandboxText): string => TEXT[lang][key];

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans","Noto Sans Arabic",Arial,sans-serif;background:#eef1f4;color:#1b1b1b;line-height:1.5}
header.bank{background:#0b3a6e;color:#fff;padding:.8rem 1.2rem;font-weight:700}
.banner{background:#fff4ce;border-block-end:2px solid #c58a00;padding:.6rem 1.2rem;font-size:.95rem}
main{max-width:34rem;margin:1.5rem auto;background:#fff;border:1px solid #c9d1da;border-radius:6px;padding:1.2rem 1.4rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.05rem;margin:1.4rem 0 .5rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem;margin:0 0 1rem}dt{color:#505a64}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin-block-start:.8rem}
input{font:inherit;width:100%;padding:.5rem .6rem;border:2px solid #505a64;border-radius:4px;margin-block-start:.25rem}
input:focus{outline:3px solid #ffbf47;outline-offset:0}
.error{color:#b3261e;font-weight:600;display:block}
.errors{border:3px solid #b3261e;padding:.6rem 1rem;margin-bottom:1rem}
button,.link-button{font:inherit;font-weight:700;margin-block-start:1.2rem;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b6e4f;color:#fff;cursor:pointer;display:inline-block;text-decoration:none}
.secondary{background:#fff;color:#0b3a6e;border:2px solid #0b3a6e}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #c9d1da;padding:.35rem .4rem;text-align:start}
code,.ltr{direction:ltr;unicode-bidi:isolate;font-family:monospace}
.ok{color:#0b6e4f}.ko{color:#b3261e}
`;

export function layout(lang: SandboxLang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — ${escapeHtml(text(lang, 'bank'))}</title><style>${STYLE}</style></head><body><header class="bank">${escapeHtml(text(lang, 'bank'))}</header><p class="banner" role="note">${escapeHtml(text(lang, 'banner'))}</p><main>${body}</main><script src="/sandbox/cmi/autosubmit.js" defer></script></body></html>`;
}

const money = (lang: SandboxLang, amount: string) =>
  new Intl.NumberFormat(lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'fr' ? 'fr-MA' : 'en-GB', {
    style: 'currency',
    currency: 'MAD',
  }).format(Number(amount));

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

export function summary(lang: SandboxLang, fields: Readonly<Record<string, string>>): string {
  return `<dl><dt>${text(lang, 'merchant')}</dt><dd class="ltr">${escapeHtml(fields.clientid ?? '')}</dd><dt>${text(lang, 'order')}</dt><dd class="ltr">${escapeHtml(fields.oid ?? '')}</dd><dt>${text(lang, 'amount')}</dt><dd>${escapeHtml(money(lang, fields.amount ?? '0'))}</dd></dl>`;
}

export function testCardsTable(lang: SandboxLang): string {
  const rows = TEST_CARDS.map(
    (c) =>
      `<tr><td><span class="ltr">${c.number}</span> (${c.brand})</td><td>${escapeHtml(text(lang, c.behaviour))}</td></tr>`,
  ).join('');
  return `<h2>${text(lang, 'testCards')}</h2><table><thead><tr><th scope="col">${text(lang, 'card')}</th><th scope="col">${text(lang, 'result')}</th></tr></thead><tbody>${rows}<tr><td>${text(lang, 'other')}</td><td>${text(lang, 'decline')}</td></tr></tbody></table>`;
}

export type CardErrors = Partial<Record<'pan' | 'expiry' | 'cvv' | 'holder', SandboxText>>;

export function cardPage(input: {
  lang: SandboxLang;
  fields: Readonly<Record<string, string>>;
  payload: string;
  errors?: CardErrors;
  values?: { pan?: string; expiry?: string; holder?: string };
}): string {
  const { lang, errors = {}, values = {} } = input;
  const field = (name: keyof CardErrors, label: SandboxText, attributes: string, value = '') => {
    const error = errors[name];
    const errorId = `${name}-error`;
    return `<label for="${name}">${text(lang, label)}</label>${error ? `<span class="error" id="${errorId}">${text(lang, error)}</span>` : ''}<input id="${name}" name="${name}" ${attributes} value="${escapeHtml(value)}"${error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''}>`;
  };
  const errorList = Object.entries(errors)
    .map(([name, key]) => `<li><a href="#${name}">${text(lang, key as SandboxText)}</a></li>`)
    .join('');
  const body = `<h1>${text(lang, 'title')}</h1>${summary(lang, input.fields)}${
    errorList
      ? `<div class="errors" role="alert" tabindex="-1"><h2>${text(lang, 'errorsTitle')}</h2><ul>${errorList}</ul></div>`
      : ''
  }<form method="post" action="/sandbox/cmi/pay" novalidate>${hidden('payload', input.payload)}${field('pan', 'cardNumber', 'inputmode="numeric" autocomplete="cc-number" dir="ltr" maxlength="23"', values.pan)}${field('expiry', 'expiry', 'inputmode="numeric" autocomplete="cc-exp" dir="ltr" placeholder="MM/AA" maxlength="7"', values.expiry)}${field('cvv', 'cvv', 'inputmode="numeric" autocomplete="cc-csc" dir="ltr" maxlength="4"')}${field('holder', 'holder', 'autocomplete="cc-name"', values.holder)}<button type="submit">${text(lang, 'pay')}</button></form><p><a class="link-button secondary" href="${escapeHtml(input.fields.shopurl ?? '/')}">${text(lang, 'cancel')}</a></p>${testCardsTable(lang)}`;
  return layout(lang, text(lang, 'title'), body);
}

export function threeDsPage(input: {
  lang: SandboxLang;
  fields: Readonly<Record<string, string>>;
  payload: string;
  pan: string;
  wrongCode?: boolean;
}): string {
  const { lang } = input;
  const body = `<h1>${text(lang, 'threeDsTitle')}</h1>${summary(lang, input.fields)}<p>${text(lang, 'threeDsLead')}</p><form method="post" action="/sandbox/cmi/3ds">${hidden('payload', input.payload)}${hidden('pan', input.pan)}<label for="code">${text(lang, 'code')}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" dir="ltr" maxlength="8"><button type="submit">${text(lang, 'confirm')}</button></form>`;
  return layout(lang, text(lang, 'threeDsTitle'), body);
}

export function returnPage(input: {
  lang: SandboxLang;
  approved: boolean;
  action: string;
  fields: Readonly<Record<string, string>>;
  merchantReply: string;
}): string {
  const { lang } = input;
  const title = text(lang, input.approved ? 'approvedTitle' : 'declinedTitle');
  const hiddenFields = Object.entries(input.fields)
    .map(([k, v]) => hidden(k, v))
    .join('');
  const body = `<h1 class="${input.approved ? 'ok' : 'ko'}">${title}</h1>${summary(lang, input.fields)}<dl><dt>${text(lang, 'merchantAnswer')}</dt><dd><code>${escapeHtml(input.merchantReply || '—')}</code></dd></dl><p>${text(lang, 'redirecting')}</p><form method="post" action="${escapeHtml(input.action)}" data-autosubmit>${hiddenFields}<button type="submit">${text(lang, 'back')}</button></form>`;
  return layout(lang, title, body);
}

export function invalidRequestPage(lang: SandboxLang, problems: string[]): string {
  const body = `<h1 class="ko">${text(lang, 'invalidTitle')}</h1><p>${text(lang, 'invalidLead')}</p><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return layout(lang, text(lang, 'invalidTitle'), body);
}

export function indexPage(lang: SandboxLang): string {
  return layout(
    lang,
    text(lang, 'bank'),
    `<h1>${text(lang, 'bank')}</h1><p class="ltr"><code>POST /sandbox/cmi/est3Dgate</code></p>${testCardsTable(lang)}`,
  );
}

/** Submits forms marked `data-autosubmit` once the page has loaded (served as a file: CSP allows no inline script). */
export const AUTOSUBMIT_JS = `document.addEventListener('DOMContentLoaded',function(){var f=document.querySelector('form[data-autosubmit]');if(f){setTimeout(function(){f.submit()},600)}});`;

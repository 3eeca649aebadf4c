// Contact details of complainants: e-mail and phone normalised so a rate limit or a verification
// counts one person once, and personal details masked out of texts before public views show them.

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,24}$/;

export function normalizeEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

/**
 * A phone number in E.164 form. Moroccan numbers may be written the national way (06…, 07…, 05…,
 * with spaces, dots or dashes) or as +212 / 00212; other countries need their + prefix.
 */
export function normalizePhone(value: string): string | null {
  const compact = value.trim().replace(/[\s().-]/g, '');
  if (!/^(\+|00)?\d{8,15}$/.test(compact)) return null;
  if (/^0[5-8]\d{8}$/.test(compact)) return `+212${compact.slice(1)}`;
  if (compact.startsWith('00')) return normalizePhone(`+${compact.slice(2)}`);
  if (compact.startsWith('+212')) return /^\+212[5-8]\d{8}$/.test(compact) ? compact : null;
  if (compact.startsWith('+')) return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
  if (/^212[5-8]\d{8}$/.test(compact)) return `+${compact}`;
  return null;
}

/** Only the last digits or the domain, for messages that must say where a code went. */
export function hintOf(channel: 'email' | 'sms', destination: string): string {
  if (channel === 'sms') return `••• ${destination.slice(-3)}`;
  const [user = '', domain = ''] = destination.split('@');
  return `${user.slice(0, 1)}•••@${domain}`;
}

const EMAIL_IN_TEXT = /[^\s@<>()"']{1,64}@[^\s@<>()"']{1,190}\.[a-z]{2,24}/gi;
// Eight or more digits, possibly grouped by spaces, dots, dashes, or led by +: phone numbers and ID
// numbers alike. Dates (2026-03-16) and reference numbers (AUST-RECL-2026-000123) have fewer in a row.
const DIGIT_RUN = /(?<![\w-])\+?\d(?:[\s.-]?\d){7,}(?![\w-])/g;
const DATE = /^(\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})$/;
// National ID card numbers (CIN): one or two letters and digits, e.g. AB123456, J45678.
const CIN = /\b[A-Z]{1,2}\d{5,6}\b/g;

export const MASK = '•••';

/** Mask e-mail addresses, phone and ID numbers in a text that a public view will show. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL_IN_TEXT, MASK)
    .replace(DIGIT_RUN, (run) => (DATE.test(run) ? run : MASK))
    .replace(CIN, MASK);
}

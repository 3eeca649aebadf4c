// The shop's side of CMI's hosted payment page (3D_PAY_HOSTING): the form the browser posts to the
// gateway, and the reading of what the gateway posts back (callback, okUrl/failUrl).
import type { CmiSettings } from '../../config.ts';
import { cmiHash } from './hash.ts';

/** ISO 4217 numeric code of the Moroccan dirham. */
export const MAD_NUMERIC = '504';

/** Replies the callback sends back as plain text. */
export const CMI_REPLY = {
  /** The payment is approved: capture the pre-authorisation. */
  capture: 'ACTION=POSTAUTH',
  /** The callback is acknowledged, nothing to capture (a failed payment, or one not to capture). */
  acknowledged: 'APPROVED',
  /** The callback is refused (its hash, order or amount does not check). */
  refused: 'FAILURE',
} as const;
export type CmiReply = (typeof CMI_REPLY)[keyof typeof CMI_REPLY];

/** Centimes → `250.00` (the gateway's decimal format). */
export const formatCmiAmount = (centimes: number): string =>
  `${Math.floor(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`;

/** `250.00` / `250.5` / `250` → centimes, or null when it is not an amount. */
export const parseCmiAmount = (text: string | undefined): number | null => {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec((text ?? '').trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
};

export type CheckoutInput = {
  oid: string;
  amountCentimes: number;
  email: string;
  billToName: string;
  lang: 'ar' | 'fr' | 'en';
  shopUrl: string;
  rnd: string;
};

export type CheckoutForm = { action: string; method: 'POST'; fields: Record<string, string> };

/** The auto-submitted form that takes the payer to the gateway, with its ver3 HASH. */
export function checkoutForm(settings: CmiSettings, input: CheckoutInput): CheckoutForm {
  const fields: Record<string, string> = {
    clientid: settings.clientId,
    storetype: '3D_PAY_HOSTING',
    trantype: 'PreAuth',
    amount: formatCmiAmount(input.amountCentimes),
    currency: MAD_NUMERIC,
    oid: input.oid,
    okUrl: settings.okUrl,
    failUrl: settings.failUrl,
    callbackUrl: settings.callbackUrl,
    shopurl: input.shopUrl,
    lang: input.lang,
    email: input.email,
    BillToName: input.billToName,
    rnd: input.rnd,
    hashAlgorithm: 'ver3',
    encoding: 'UTF-8',
  };
  fields.HASH = cmiHash(fields, settings.storeKey);
  return { action: settings.gatewayUrl, method: 'POST', fields };
}

/** Posted fields as strings (a repeated field keeps its last value). */
export function postedFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') out[key] = last;
    else if (typeof last === 'number' || typeof last === 'boolean') out[key] = String(last);
  }
  return out;
}

/** Fields worth keeping from a callback: never a full card number or a security code. */
export function storableFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.toLowerCase();
    if (/(^|[^a-z])(pan|cv2|cvv|cvc|ecom_payment_card)/.test(lower) && !lower.startsWith('masked')) continue;
    if (/\d{13,19}/.test(value.replace(/[\s-]/g, '')) && !lower.includes('transid')) {
      out[key] = '[redacted]';
      continue;
    }
    out[key] = value.slice(0, 500);
  }
  return out;
}

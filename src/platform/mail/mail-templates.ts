// Mail templates are code: a function per language returning subject, text and the body's paragraphs.
// The HTML is built from the same paragraphs with the right direction, so the two never disagree.
import type { Locale } from '../i18n/locale.ts';

export type MailContent = {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
};

export type MailTemplate<V> = Readonly<Record<Locale, (vars: V) => MailContent>>;

const registry = new Map<string, MailTemplate<never>>();

export function defineMail<V>(
  key: string,
  template: MailTemplate<V>,
): { key: string; template: MailTemplate<V> } {
  if (registry.has(key)) throw new Error(`mail template defined twice: ${key}`);
  registry.set(key, template as MailTemplate<never>);
  return { key, template };
}

export const mailTemplate = (key: string) =>
  registry.get(key) as MailTemplate<Record<string, unknown>> | undefined;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export type RenderedMail = { subject: string; text: string; html: string };

export function renderMail(content: MailContent, locale: Locale): RenderedMail {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
  ]
    .concat([
      '',
      locale === 'ar'
        ? 'تعمير — المنصة الرقمية للوكالات الحضرية'
        : 'Taamir — plateforme des agences urbaines',
    ])
    .join('\n\n');
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 18px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(content.action.url)}</p>`
    : '';
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:'Noto Naskh Arabic','Noto Sans',Arial,sans-serif;line-height:1.6;color:#1d1d1b"><div style="border-top:4px solid #c1272d;max-width:560px;margin:auto;padding:16px">${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${action}<hr><p style="font-size:12px;color:#555">${locale === 'ar' ? 'تعمير — المنصة الرقمية للوكالات الحضرية' : 'Taamir — plateforme des agences urbaines'}</p></div></body></html>`;
  return { subject: content.subject, text, html };
}

// Telling the complainant about each public update, in their language: in-app for account holders,
// then by the channel they chose (mail, or SMS through the SMS port). Written in the caller's
// transaction; mail and SMS leave through the outbox after commit.
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../../engine/tables.ts';
import { notifications } from '../../engine/tables.ts';
import type { Platform } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/database.ts';
import { users } from '../../platform/db/tables.ts';
import { isLocale, type Locale, type Localized } from '../../platform/i18n/locale.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queueSms } from '../../platform/sms/sms.ts';
import { complainantUrl, ownerPath } from './links.ts';
import { ReceiptMail, UpdateMail } from './mails.ts';
import type { ComplaintRow } from './tables.ts';

export type Complainant = {
  locale: Locale;
  name: string;
  email: string | null;
  phone: string | null;
  channel: 'email' | 'sms';
  userId: string | null;
};

export async function complainantOf(
  tx: Orm,
  caseRow: CaseRow,
  complaint: ComplaintRow,
): Promise<Complainant | null> {
  if (caseRow.applicantUserId) {
    const [user] = await tx.select().from(users).where(eq(users.id, caseRow.applicantUserId));
    if (!user) return null;
    return {
      locale: isLocale(user.locale) ? user.locale : 'ar',
      name: user.fullName,
      email: user.email,
      phone: complaint.contactPhone ?? user.phone,
      channel: complaint.contactChannel,
      userId: user.id,
    };
  }
  const contact = caseRow.applicantContact;
  if (!contact) return null;
  return {
    locale: contact.locale,
    name: contact.name,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    channel: complaint.contactChannel,
    userId: null,
  };
}

function smsText(locale: Locale, reference: string, state: string, url: string) {
  return locale === 'ar'
    ? `تعمير: شكايتكم ${reference} — ${state}. ${url}`
    : locale === 'fr'
      ? `Taamir : réclamation ${reference} — ${state}. ${url}`
      : `Taamir: complaint ${reference} — ${state}. ${url}`;
}

/** One public update: the new state and, when there is one, the text the agency wrote. */
export async function notifyComplainant(
  tx: Orm,
  platform: Platform,
  options: {
    caseRow: CaseRow;
    complaint: ComplaintRow;
    state: Localized;
    /** The agency's words (as written), or a text per language. */
    text?: string | Localized | undefined;
    /** Distinguishes several messages on the same case version (idempotent outbox keys). */
    key: string;
  },
): Promise<void> {
  const { caseRow, complaint } = options;
  const who = await complainantOf(tx, caseRow, complaint);
  if (!who) return;
  const reference = caseRow.reference ?? '';
  const state = options.state[who.locale];
  const text = typeof options.text === 'string' ? options.text : options.text?.[who.locale];
  const url = complainantUrl(platform, {
    caseId: caseRow.id,
    reference: caseRow.reference,
    applicantUserId: caseRow.applicantUserId,
    trackingSealed: complaint.trackingSealed,
  });
  if (who.userId) {
    await tx.insert(notifications).values({
      userId: who.userId,
      caseId: caseRow.id,
      kind: `complaint.${options.key.split(':')[0]}`,
      title: `${reference} — ${state}`,
      body: text?.slice(0, 500) ?? state,
      link: ownerPath(caseRow.id),
    });
  }
  const dedupe = `complaint:${caseRow.id}:${options.key}`;
  if (who.channel === 'sms' && who.phone) {
    await queueSms(tx, { to: who.phone, text: smsText(who.locale, reference, state, url) }, `${dedupe}:sms`);
  } else if (who.email) {
    await queueMail(
      tx,
      {
        to: who.email,
        template: UpdateMail.key,
        locale: who.locale,
        vars: { name: who.name, reference, state, ...(text ? { text } : {}), url },
      },
      `${dedupe}:mail`,
    );
  }
}

export async function sendReceipt(
  tx: Orm,

  options: {
    caseRow: CaseRow;
    complaint: ComplaintRow;
    agency: Localized;
    category: Localized;
    deadline: string;
    url: string;
  },
): Promise<void> {
  const { caseRow, complaint } = options;
  const who = await complainantOf(tx, caseRow, complaint);
  if (!who) return;
  const reference = caseRow.reference ?? '';
  const deadline = formatDay(options.deadline, who.locale);
  if (who.userId) {
    await tx.insert(notifications).values({
      userId: who.userId,
      caseId: caseRow.id,
      kind: 'complaint.receipt',
      title: reference,
      body: options.category[who.locale],
      link: ownerPath(caseRow.id),
    });
  }
  const dedupe = `complaint:${caseRow.id}:receipt`;
  if (who.channel === 'sms' && who.phone) {
    const received = { ar: 'متوصل بها', fr: 'reçue', en: 'received' }[who.locale];
    await queueSms(
      tx,
      { to: who.phone, text: smsText(who.locale, reference, received, options.url) },
      `${dedupe}:sms`,
    );
  }
  // The receipt also goes by mail whenever there is an address: it is the record of the filing.
  if (who.email) {
    await queueMail(
      tx,
      {
        to: who.email,
        template: ReceiptMail.key,
        locale: who.locale,
        vars: {
          name: who.name,
          reference,
          agency: options.agency[who.locale],
          category: options.category[who.locale],
          deadline,
          url: options.url,
          private: !caseRow.applicantUserId,
        },
      },
      `${dedupe}:mail`,
    );
  }
}

/** A calendar date as the administration writes it, Western digits in every language. */
export function formatDay(day: string, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-MA-u-nu-latn' : locale === 'fr' ? 'fr-MA' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

// Mail goes through the outbox: `queueMail` inside the business transaction, the 'mail.send' handler
// after commit. Transport: SMTP when SMTP_URL is set, otherwise the log (development).
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Orm } from '../db/database.ts';
import { sentMails } from '../db/tables.ts';
import { isLocale, type Locale } from '../i18n/locale.ts';
import { enqueue, type OutboxJob } from '../outbox/outbox.ts';
import { mailTemplate, type RenderedMail, renderMail } from './mail-templates.ts';

export type OutgoingMail = RenderedMail & {
  to: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type MailTransport = {
  readonly name: 'smtp' | 'log';
  send(mail: OutgoingMail & { from: string }): Promise<{ messageId: string | null }>;
};

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    send: async (mail) => {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId ?? null };
    },
  };
}

export function logTransport(log: Logger): MailTransport {
  return {
    name: 'log',
    send: async (mail) => {
      log.info(
        {
          mail: {
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            attachments: mail.attachments?.map((a) => a.filename),
          },
        },
        `mail to ${mail.to}: ${mail.subject}`,
      );
      return { messageId: null };
    },
  };
}

export const MAIL_TOPIC = 'mail.send';

export type MailRequest = {
  to: string;
  template: string;
  locale: Locale;
  vars: Record<string, unknown>;
  /** Blob keys of attachments (documents), resolved by the handler. */
  attachments?: { filename: string; blobKey: string; contentType: string }[];
};

export async function queueMail(tx: Orm, mail: MailRequest, dedupeKey?: string): Promise<void> {
  if (!mailTemplate(mail.template)) throw new Error(`unknown mail template ${mail.template}`);
  await enqueue(tx, { topic: MAIL_TOPIC, payload: mail, ...(dedupeKey ? { dedupeKey } : {}) });
}

export type BlobReader = (key: string) => Promise<Buffer>;

export function mailHandler(options: {
  db: Orm;
  transport: MailTransport;
  from: string;
  readBlob?: BlobReader;
}): (job: OutboxJob) => Promise<void> {
  return async (job) => {
    const request = job.payload as MailRequest;
    // Idempotent: a job that already produced a mail is not sent again.
    const already = await options.db
      .select({ id: sentMails.id })
      .from(sentMails)
      .where(eq(sentMails.outboxId, job.id));
    if (already.length > 0) return;
    const template = mailTemplate(request.template);
    if (!template) throw new Error(`unknown mail template ${request.template}`);
    const locale = isLocale(request.locale) ? request.locale : 'ar';
    const rendered = renderMail(template[locale](request.vars), locale);
    const attachments = [];
    for (const a of request.attachments ?? []) {
      if (!options.readBlob) throw new Error('attachments need a blob reader');
      attachments.push({
        filename: a.filename,
        contentType: a.contentType,
        content: await options.readBlob(a.blobKey),
      });
    }
    const { messageId } = await options.transport.send({
      ...rendered,
      to: request.to,
      from: options.from,
      ...(attachments.length ? { attachments } : {}),
    });
    await options.db.insert(sentMails).values({
      outboxId: job.id,
      recipient: request.to,
      subject: rendered.subject,
      template: request.template,
      locale,
      transport: options.transport.name,
      messageId,
    });
  };
}

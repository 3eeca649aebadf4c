import '../problems.ts';
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { users } from '../../platform/db/tables.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { hitRateLimit } from '../../platform/security/rate-limit.ts';
import { AlreadyRegisteredMail, VerifyEmailMail } from '../mails.ts';
import { hashPassword, isWeakPassword } from '../passwords.ts';
import { issueUserToken, normalizeEmail } from '../user-tokens.ts';

export type SignUpInput = {
  email: string;
  password: string;
  fullName: string;
  phone?: string;
  accountType: 'citizen' | 'professional';
  profession?: 'architect' | 'surveyor' | 'engineering_firm' | 'promoter';
  professionalNumber?: string;
  locale: Locale;
};

/**
 * Create an unverified account and mail a verification link. An address that already has an account
 * gets a different mail and the same answer, so sign-up does not reveal who is registered.
 */
export async function signUp(platform: Platform, audit: AuditContext, input: SignUpInput): Promise<void> {
  const now = platform.now();
  const email = normalizeEmail(input.email);
  const fields: FieldError[] = [];
  if (isWeakPassword(input.password, email))
    fields.push({ pointer: '/password', in: 'body', code: 'weak_password' });
  if (input.accountType === 'professional') {
    if (!input.profession) fields.push({ pointer: '/profession', in: 'body', code: 'required' });
    if (!input.professionalNumber?.trim())
      fields.push({ pointer: '/professionalNumber', in: 'body', code: 'required' });
  }
  if (fields.length) throw new AppError('request.invalid', { fields });

  await hitRateLimit(
    platform.db.orm,
    `signup:ip:${audit.ip ?? 'none'}`,
    { limit: 10, windowSeconds: 3600 },
    now,
  );
  const passwordHash = await hashPassword(input.password);
  await platform.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.emailNormalized, email));
    if (existing) {
      await queueMail(tx, {
        to: existing.email,
        template: AlreadyRegisteredMail.key,
        locale: existing.locale,
        vars: { fullName: existing.fullName, url: `${platform.config.http.publicUrl}/forgot-password` },
      });
      return;
    }
    const professional = input.accountType === 'professional';
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        emailNormalized: email,
        passwordHash,
        fullName: input.fullName.trim(),
        phone: input.phone?.trim() || null,
        accountType: input.accountType,
        profession: professional ? (input.profession ?? null) : null,
        professionalNumber: professional ? (input.professionalNumber?.trim() ?? null) : null,
        locale: input.locale,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const token = await issueUserToken(tx, user!.id, 'verify_email', now);
    await queueMail(tx, {
      to: user!.email,
      template: VerifyEmailMail.key,
      locale: input.locale,
      vars: {
        fullName: user!.fullName,
        url: `${platform.config.http.publicUrl}/verify-email?token=${token}`,
      },
    });
    await appendAudit(
      tx,
      { ...audit, actor: { kind: 'system', label: 'sign-up' } },
      {
        action: 'account.signed_up',
        objectType: 'user',
        objectId: user!.id,
        summary: { accountType: input.accountType, profession: user!.profession },
      },
      now,
    );
  });
}

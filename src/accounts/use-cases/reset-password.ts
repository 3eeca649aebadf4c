import '../problems.ts';
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { hitRateLimit } from '../../platform/security/rate-limit.ts';
import { PasswordChangedMail, ResetPasswordMail } from '../mails.ts';
import { hashPassword, isWeakPassword } from '../passwords.ts';
import { destroyUserSessions } from '../sessions.ts';
import { consumeUserToken, issueUserToken, normalizeEmail } from '../user-tokens.ts';

/** Always answers the same way, whether or not the address has an account. */
export async function requestPasswordReset(platform: Platform, audit: AuditContext, rawEmail: string) {
  const now = platform.now();
  const email = normalizeEmail(rawEmail);
  await hitRateLimit(
    platform.db.orm,
    `reset:ip:${audit.ip ?? 'none'}`,
    { limit: 10, windowSeconds: 3600 },
    now,
  );
  await hitRateLimit(platform.db.orm, `reset:email:${email}`, { limit: 3, windowSeconds: 3600 }, now);
  await platform.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.emailNormalized, email));
    if (!user || user.disabledAt) return;
    const token = await issueUserToken(tx, user.id, 'reset_password', now);
    await queueMail(tx, {
      to: user.email,
      template: ResetPasswordMail.key,
      locale: user.locale,
      vars: {
        fullName: user.fullName,
        url: `${platform.config.http.publicUrl}/reset-password?token=${token}`,
      },
    });
    await appendAudit(
      tx,
      audit,
      { action: 'auth.reset_requested', objectType: 'user', objectId: user.id },
      now,
    );
  });
}

export async function resetPassword(
  platform: Platform,
  audit: AuditContext,
  input: { token: string; password: string },
): Promise<void> {
  const now = platform.now();
  const passwordHash = await hashPassword(input.password);
  await platform.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, input.token, 'reset_password', now);
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('auth.token_invalid');
    if (isWeakPassword(input.password, user.emailNormalized))
      throw new AppError('request.invalid', {
        fields: [{ pointer: '/password', in: 'body', code: 'weak_password' }],
      });
    await tx
      .update(users)
      .set({
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
        // Following a mailed link proves the address, as the verification link would.
        emailVerifiedAt: user.emailVerifiedAt ?? now,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    await destroyUserSessions(tx, userId);
    await queueMail(tx, {
      to: user.email,
      template: PasswordChangedMail.key,
      locale: user.locale,
      vars: { fullName: user.fullName },
    });
    await appendAudit(
      tx,
      audit,
      { action: 'auth.password_reset', objectType: 'user', objectId: userId },
      now,
    );
  });
}

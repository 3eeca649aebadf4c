import '../problems.ts';
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResolvedSession } from '../../platform/http/request-context.ts';
import { unseal } from '../../platform/security/crypto.ts';
import { hitRateLimit } from '../../platform/security/rate-limit.ts';
import { createSession, destroySession, SESSION_TTL_SECONDS } from '../sessions.ts';
import { matchTotp } from '../totp.ts';
import { TOTP_PURPOSE } from './sign-in.ts';

/**
 * Second step of a staff sign-in: check the TOTP code (first use enrols the secret), then replace the
 * half-open session by a complete one (a new token, so a token seen before the second factor is useless).
 */
export async function completeMfa(
  platform: Platform,
  audit: AuditContext & { userAgent: string | null },
  session: ResolvedSession | null,
  code: string,
): Promise<{ token: string; csrfToken: string; maxAgeSeconds: number }> {
  if (session?.stage !== 'password') throw new AppError('auth.no_pending_mfa');
  const now = platform.now();
  await hitRateLimit(platform.db.orm, `mfa:user:${session.userId}`, { limit: 5, windowSeconds: 300 }, now);
  const [user] = await platform.db.orm.select().from(users).where(eq(users.id, session.userId));
  if (!user?.totpSecretEnc) throw new AppError('auth.no_pending_mfa');
  const secret = unseal(platform.config.secrets.secretKey, user.totpSecretEnc, TOTP_PURPOSE);
  const step = matchTotp(secret, code.trim(), now);
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    await platform.db.transaction((tx) =>
      appendAudit(tx, audit, { action: 'auth.mfa_failed', objectType: 'user', objectId: user.id }, now),
    );
    throw new AppError('auth.mfa_invalid');
  }
  return platform.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpLastStep: step, totpEnabledAt: user.totpEnabledAt ?? now, updatedAt: now })
      .where(eq(users.id, user.id));
    await destroySession(tx, session.sessionId);
    const complete = await createSession(tx, {
      userId: user.id,
      stage: 'complete',
      ip: audit.ip ?? null,
      userAgent: audit.userAgent,
      now,
    });
    await appendAudit(
      tx,
      audit,
      {
        action: user.totpEnabledAt ? 'auth.signed_in' : 'auth.mfa_enrolled',
        objectType: 'user',
        objectId: user.id,
      },
      now,
    );
    return { token: complete.token, csrfToken: complete.csrfToken, maxAgeSeconds: SESSION_TTL_SECONDS };
  });
}

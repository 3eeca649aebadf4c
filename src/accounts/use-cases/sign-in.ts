import '../problems.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { memberships, users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { seal } from '../../platform/security/crypto.ts';
import { hitRateLimit } from '../../platform/security/rate-limit.ts';
import { decoyHash, verifyPassword } from '../passwords.ts';
import { createSession, SESSION_TTL_SECONDS } from '../sessions.ts';
import { newTotpSecret, totpUri } from '../totp.ts';
import { normalizeEmail } from '../user-tokens.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const TOTP_PURPOSE = 'totp';

export type SignInResult = {
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
  /** 'complete' for citizens and professionals; staff continue with a TOTP code. */
  stage: 'password' | 'complete';
  /** A new TOTP secret to enrol, when the staff account has none yet. */
  enrollment?: { secret: string; uri: string };
};

export async function signIn(
  platform: Platform,
  audit: AuditContext & { userAgent: string | null },
  input: { email: string; password: string },
): Promise<SignInResult> {
  const now = platform.now();
  const email = normalizeEmail(input.email);
  const db = platform.db.orm;
  await hitRateLimit(db, `signin:ip:${audit.ip ?? 'none'}`, { limit: 30, windowSeconds: 600 }, now);
  await hitRateLimit(db, `signin:email:${email}`, { limit: 10, windowSeconds: 600 }, now);

  const [user] = await db.select().from(users).where(eq(users.emailNormalized, email));
  if (!user || user.disabledAt) {
    await verifyPassword(await decoyHash(), input.password);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('auth.account_locked', {
      params: { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) },
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLoginCount + 1;
    const locked = failures >= MAX_FAILED_LOGINS;
    await platform.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(
          locked
            ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
            : { failedLoginCount: failures },
        )
        .where(eq(users.id, user.id));
      await appendAudit(
        tx,
        audit,
        {
          action: locked ? 'auth.account_locked' : 'auth.sign_in_failed',
          objectType: 'user',
          objectId: user.id,
        },
        now,
      );
    });
    if (locked) throw new AppError('auth.account_locked', { params: { minutes: LOCK_MINUTES } });
    throw new AppError('auth.invalid_credentials');
  }
  if (!user.emailVerifiedAt) throw new AppError('auth.email_not_verified');

  const staff = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), isNull(memberships.revokedAt)))
    .limit(1);
  const needsMfa = staff.length > 0 || user.totpEnabledAt !== null;

  return platform.db.transaction(async (tx) => {
    let enrollment: SignInResult['enrollment'];
    if (needsMfa && !user.totpEnabledAt) {
      const secret = newTotpSecret();
      await tx
        .update(users)
        .set({ totpSecretEnc: seal(platform.config.secrets.secretKey, secret, TOTP_PURPOSE) })
        .where(eq(users.id, user.id));
      enrollment = { secret, uri: totpUri(secret, user.email) };
    }
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const stage = needsMfa ? 'password' : 'complete';
    const session = await createSession(tx, {
      userId: user.id,
      stage,
      ip: audit.ip ?? null,
      userAgent: audit.userAgent,
      now,
    });
    await appendAudit(
      tx,
      audit,
      {
        action: needsMfa ? 'auth.password_accepted' : 'auth.signed_in',
        objectType: 'user',
        objectId: user.id,
      },
      now,
    );
    return {
      token: session.token,
      csrfToken: session.csrfToken,
      maxAgeSeconds: SESSION_TTL_SECONDS,
      stage,
      ...(enrollment ? { enrollment } : {}),
    };
  });
}

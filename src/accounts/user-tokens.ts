// Single-use tokens sent by mail (email verification, password reset). Only their hash is stored.
import './problems.ts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { userTokens } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import { randomToken, sha256Hex } from '../platform/security/crypto.ts';

export type TokenPurpose = 'verify_email' | 'reset_password';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
};

export async function issueUserToken(
  tx: Orm,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const token = randomToken(32);
  await tx.insert(userTokens).values({
    tokenHash: sha256Hex(token),
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** Mark the token used and return its user; a used, expired or unknown token is `auth.token_invalid`. */
export async function consumeUserToken(
  tx: Orm,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const rows = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, sha256Hex(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning({ userId: userTokens.userId });
  if (!rows[0]) throw new AppError('auth.token_invalid');
  return rows[0].userId;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

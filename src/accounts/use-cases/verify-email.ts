import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { users } from '../../platform/db/tables.ts';
import { consumeUserToken } from '../user-tokens.ts';

export async function verifyEmail(platform: Platform, audit: AuditContext, token: string): Promise<void> {
  const now = platform.now();
  await platform.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, 'verify_email', now);
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId));
    await appendAudit(
      tx,
      audit,
      { action: 'account.email_verified', objectType: 'user', objectId: userId },
      now,
    );
  });
}

// API tokens for partner systems: `tmr_<prefix>_<secret>`. The prefix finds the row, the secret is
// compared by hash; tokens can expire and be revoked.
import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { apiTokens, organizations } from '../platform/db/tables.ts';
import { randomToken, safeEqual, sha256Hex } from '../platform/security/crypto.ts';
import type { PartnerActor } from '../platform/tenancy/actor.ts';

const FORMAT = /^tmr_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;

export async function createApiToken(
  tx: Orm,
  input: {
    organizationId: string;
    name: string;
    scopes: string[];
    createdBy: string | null;
    expiresAt?: Date | null;
  },
): Promise<{ id: string; token: string; prefix: string }> {
  const prefix = randomToken(16)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 10)
    .padEnd(10, 'x');
  const secret = randomToken(32);
  const [row] = await tx
    .insert(apiTokens)
    .values({
      organizationId: input.organizationId,
      name: input.name,
      prefix,
      tokenHash: sha256Hex(secret),
      scopes: input.scopes,
      createdBy: input.createdBy,
      expiresAt: input.expiresAt ?? null,
    })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token: `tmr_${prefix}_${secret}`, prefix };
}

export async function resolveApiToken(db: Orm, token: string, now: Date): Promise<PartnerActor | null> {
  const match = FORMAT.exec(token);
  if (!match) return null;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const [row] = await db
    .select({ token: apiTokens, agencyId: organizations.agencyId })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(and(eq(apiTokens.prefix, prefix), isNull(apiTokens.revokedAt)));
  if (!row || !safeEqual(row.token.tokenHash, sha256Hex(secret))) return null;
  if (row.token.expiresAt && row.token.expiresAt <= now) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    kind: 'partner',
    tokenId: row.token.id,
    name: row.token.name,
    organizationId: row.token.organizationId,
    agencyId: row.agencyId,
    scopes: row.token.scopes,
  };
}

export async function revokeApiToken(tx: Orm, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

// Sessions live in the database (any app process can serve any request). The cookie carries a random
// token; the table keeps only its SHA-256, so a database leak does not leak usable sessions.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { memberships, organizations, sessions, users } from '../platform/db/tables.ts';
import type { ResolvedSession } from '../platform/http/request-context.ts';
import { isLocale } from '../platform/i18n/locale.ts';
import { randomToken, sha256Hex } from '../platform/security/crypto.ts';
import type { Membership, OrganizationKind, UserActor } from '../platform/tenancy/actor.ts';
import { isRole } from '../platform/tenancy/roles.ts';

export const SESSION_TTL_SECONDS = 12 * 3600;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(
  tx: Orm,
  input: {
    userId: string;
    stage: 'password' | 'complete';
    ip: string | null;
    userAgent: string | null;
    now: Date;
  },
): Promise<{ token: string; csrfToken: string; id: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const id = sha256Hex(token);
  await tx.insert(sessions).values({
    id,
    userId: input.userId,
    csrfToken,
    stage: input.stage,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + SESSION_TTL_SECONDS * 1000),
  });
  return { token, csrfToken, id };
}

export async function destroySession(tx: Orm, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(tx: Orm, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function loadMemberships(db: Orm, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({
      organizationId: organizations.id,
      organizationKind: organizations.kind,
      organizationCode: organizations.code,
      agencyId: organizations.agencyId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)));
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ ...r, organizationKind: r.organizationKind as OrganizationKind, role: r.role }] : [],
  );
}

export async function loadUserActor(
  db: Orm,
  userId: string,
  sessionId: string | null,
): Promise<UserActor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    accountType: user.accountType,
    locale: isLocale(user.locale) ? user.locale : 'ar',
    memberships: await loadMemberships(db, user.id),
    sessionId,
  };
}

/** Find the live session of a cookie token, sliding its expiry now and then. */
export async function resolveSession(db: Orm, token: string, now: Date): Promise<ResolvedSession | null> {
  if (token.length > 200) return null;
  const id = sha256Hex(token);
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: sql`${new Date(now.getTime() + SESSION_TTL_SECONDS * 1000)}` })
      .where(eq(sessions.id, id));
  }
  const actor = session.stage === 'complete' ? await loadUserActor(db, session.userId, id) : null;
  if (session.stage === 'complete' && !actor) return null;
  return { sessionId: id, userId: session.userId, stage: session.stage, csrfToken: session.csrfToken, actor };
}

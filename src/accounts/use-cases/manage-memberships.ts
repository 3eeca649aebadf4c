// Staff memberships: who holds which role in which organisation. A director manages the organisations
// of their agency (the agency itself and the communes it covers); a platform admin manages all.
import '../problems.ts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/database.ts';
import { memberships, organizations, users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { randomToken } from '../../platform/security/crypto.ts';
import { type AgencyScope, inScope, scopeIncludes } from '../../platform/tenancy/actor.ts';
import { ROLE_LABELS, ROLES_BY_ORGANIZATION_KIND, type Role } from '../../platform/tenancy/roles.ts';
import { StaffInvitationMail } from '../mails.ts';
import { hashPassword } from '../passwords.ts';
import { issueUserToken, normalizeEmail } from '../user-tokens.ts';

/** Organisations whose memberships the scope may manage. Unscoped (national) organisations need `all`. */
function manageable(scope: AgencyScope) {
  return scope.all ? undefined : inScope(organizations.agencyId, scope);
}

export async function listManageableOrganizations(db: Orm, scope: AgencyScope) {
  return db
    .select({
      id: organizations.id,
      kind: organizations.kind,
      code: organizations.code,
      nameAr: organizations.nameAr,
      nameFr: organizations.nameFr,
      agencyId: organizations.agencyId,
    })
    .from(organizations)
    .where(manageable(scope))
    .orderBy(asc(organizations.kind), asc(organizations.code));
}

async function organizationInScope(db: Orm, scope: AgencyScope, organizationId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  // Outside the caller's tenants an organisation does not exist, as far as they can tell.
  if (!org || !(scope.all || scopeIncludes(scope, org.agencyId)))
    throw new AppError('membership.organization_not_found');
  return org;
}

export async function listMemberships(db: Orm, scope: AgencyScope, organizationId: string) {
  await organizationInScope(db, scope, organizationId);
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      createdAt: memberships.createdAt,
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      mfaEnabled: users.totpEnabledAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), isNull(memberships.revokedAt)))
    .orderBy(asc(users.fullName), asc(memberships.role));
}

export async function grantMembership(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  input: { organizationId: string; email: string; fullName?: string; role: Role; locale: Locale },
): Promise<{ membershipId: string; userId: string; invited: boolean }> {
  const now = platform.now();
  const org = await organizationInScope(platform.db.orm, scope, input.organizationId);
  if (!ROLES_BY_ORGANIZATION_KIND[org.kind]?.includes(input.role))
    throw new AppError('membership.role_not_allowed', { params: { role: input.role } });
  const email = normalizeEmail(input.email);
  const placeholderHash = await hashPassword(randomToken(32));
  return platform.db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.emailNormalized, email));
    let invited = false;
    if (!user) {
      if (!input.fullName?.trim())
        throw new AppError('request.invalid', {
          fields: [{ pointer: '/fullName', in: 'body', code: 'required' }],
        });
      [user] = await tx
        .insert(users)
        .values({
          email: input.email.trim(),
          emailNormalized: email,
          passwordHash: placeholderHash,
          fullName: input.fullName.trim(),
          accountType: 'staff',
          locale: input.locale,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const token = await issueUserToken(tx, user!.id, 'reset_password', now);
      await queueMail(tx, {
        to: user!.email,
        template: StaffInvitationMail.key,
        locale: input.locale,
        vars: {
          fullName: user!.fullName,
          organization: input.locale === 'ar' ? org.nameAr : org.nameFr,
          role: ROLE_LABELS[input.role][input.locale],
          url: `${platform.config.http.publicUrl}/reset-password?token=${token}`,
        },
      });
      invited = true;
    }
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, user!.id),
          eq(memberships.organizationId, org.id),
          eq(memberships.role, input.role),
          isNull(memberships.revokedAt),
        ),
      );
    if (existing) return { membershipId: existing.id, userId: user!.id, invited };
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId: user!.id,
        organizationId: org.id,
        role: input.role,
        createdAt: now,
        createdBy: audit.actor.kind === 'user' ? audit.actor.userId : null,
      })
      .returning({ id: memberships.id });
    await appendAudit(
      tx,
      audit,
      {
        action: 'membership.granted',
        objectType: 'membership',
        objectId: membership!.id,
        agencyId: org.agencyId,
        organizationId: org.id,
        summary: { userId: user!.id, role: input.role, invited },
      },
      now,
    );
    return { membershipId: membership!.id, userId: user!.id, invited };
  });
}

export async function revokeMembership(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  membershipId: string,
): Promise<void> {
  const now = platform.now();
  await platform.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ membership: memberships, agencyId: organizations.agencyId })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.id, membershipId), isNull(memberships.revokedAt)));
    if (!row || !(scope.all || scopeIncludes(scope, row.agencyId)))
      throw new AppError('membership.not_found');
    if (audit.actor.kind === 'user' && audit.actor.userId === row.membership.userId)
      throw new AppError('membership.self_revoke');
    await tx
      .update(memberships)
      .set({ revokedAt: now, revokedBy: audit.actor.kind === 'user' ? audit.actor.userId : null })
      .where(eq(memberships.id, membershipId));
    await appendAudit(
      tx,
      audit,
      {
        action: 'membership.revoked',
        objectType: 'membership',
        objectId: membershipId,
        agencyId: row.agencyId,
        organizationId: row.membership.organizationId,
        summary: { userId: row.membership.userId, role: row.membership.role },
      },
      now,
    );
  });
}

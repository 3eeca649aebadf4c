// Operators' way to create an account (CLI `taamir create-user`): verified at once, optionally with a role.
import '../problems.ts';
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { memberships, organizations, users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { ROLES_BY_ORGANIZATION_KIND, type Role } from '../../platform/tenancy/roles.ts';
import { hashPassword, isWeakPassword } from '../passwords.ts';
import { normalizeEmail } from '../user-tokens.ts';

export type CreateUserInput = {
  email: string;
  fullName: string;
  password: string;
  locale: Locale;
  organizationCode?: string;
  role?: Role;
  /** Demo seeds give staff a known TOTP secret (sealed by the caller). */
  totpSecretEnc?: string;
};

export async function createUser(platform: Platform, audit: AuditContext, input: CreateUserInput) {
  const now = platform.now();
  const email = normalizeEmail(input.email);
  if (isWeakPassword(input.password, email))
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/password', in: 'body', code: 'weak_password' }],
    });
  const passwordHash = await hashPassword(input.password);
  return platform.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.emailNormalized, email));
    if (taken)
      throw new AppError('request.invalid', { fields: [{ pointer: '/email', in: 'body', code: 'taken' }] });
    let org: typeof organizations.$inferSelect | undefined;
    if (input.organizationCode) {
      [org] = await tx.select().from(organizations).where(eq(organizations.code, input.organizationCode));
      if (!org) throw new AppError('membership.organization_not_found');
      if (!input.role || !ROLES_BY_ORGANIZATION_KIND[org.kind]?.includes(input.role))
        throw new AppError('membership.role_not_allowed', { params: { role: input.role ?? '' } });
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        emailNormalized: email,
        passwordHash,
        fullName: input.fullName,
        accountType: org ? 'staff' : 'citizen',
        locale: input.locale,
        emailVerifiedAt: now,
        totpSecretEnc: input.totpSecretEnc ?? null,
        totpEnabledAt: input.totpSecretEnc ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (org && input.role) {
      await tx
        .insert(memberships)
        .values({ userId: user!.id, organizationId: org.id, role: input.role, createdAt: now });
    }
    await appendAudit(
      tx,
      audit,
      {
        action: 'account.created',
        objectType: 'user',
        objectId: user!.id,
        agencyId: org?.agencyId ?? null,
        organizationId: org?.id ?? null,
        summary: { role: input.role ?? null, organization: input.organizationCode ?? null },
      },
      now,
    );
    return user!;
  });
}

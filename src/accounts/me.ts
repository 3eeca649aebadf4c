// The signed-in person as the web app sees them.
import { eq, inArray } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { organizations, users } from '../platform/db/tables.ts';
import type { UserActor } from '../platform/tenancy/actor.ts';
import { ROLE_PERMISSIONS } from '../platform/tenancy/roles.ts';

export async function describeMe(db: Orm, actor: UserActor) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  const orgIds = [...new Set(actor.memberships.map((m) => m.organizationId))];
  const orgs = orgIds.length
    ? await db
        .select({ id: organizations.id, nameAr: organizations.nameAr, nameFr: organizations.nameFr })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  const names = new Map(orgs.map((o) => [o.id, o]));
  return {
    id: actor.userId,
    email: actor.email,
    fullName: actor.fullName,
    accountType: actor.accountType,
    profession: user?.profession ?? null,
    professionalNumber: user?.professionalNumber ?? null,
    locale: actor.locale,
    mfaEnabled: Boolean(user?.totpEnabledAt),
    memberships: actor.memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationCode: m.organizationCode,
      organizationKind: m.organizationKind,
      organizationNameAr: names.get(m.organizationId)?.nameAr ?? '',
      organizationNameFr: names.get(m.organizationId)?.nameFr ?? '',
      agencyId: m.agencyId,
      role: m.role,
    })),
    permissions: [...new Set(actor.memberships.flatMap((m) => ROLE_PERMISSIONS[m.role]))].sort(),
  };
}

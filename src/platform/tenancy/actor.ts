// Who is calling, and which agencies their permissions reach. Every staff query is built with an
// `AgencyScope` obtained here, so a query cannot be written without saying whose data it may touch.
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale } from '../i18n/locale.ts';
import { NATIONAL_ROLES, type Permission, ROLE_PERMISSIONS, type Role } from './roles.ts';

export type OrganizationKind = 'agency' | 'commune' | 'body' | 'ministry' | 'platform';

export type Membership = {
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationCode: string;
  /** The agency the organisation works for (null for ministry, platform and national bodies). */
  agencyId: string | null;
  role: Role;
};

export type UserActor = {
  kind: 'user';
  userId: string;
  email: string;
  fullName: string;
  accountType: 'citizen' | 'professional' | 'staff';
  locale: Locale;
  memberships: readonly Membership[];
  sessionId: string | null;
};

export type PartnerActor = {
  kind: 'partner';
  tokenId: string;
  name: string;
  organizationId: string;
  agencyId: string | null;
  scopes: readonly string[];
};

export type Actor = { kind: 'anonymous' } | UserActor | PartnerActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** The agencies a permission reaches: every agency, or a fixed list (possibly empty). */
export type AgencyScope =
  | { readonly all: true }
  | { readonly all: false; readonly agencyIds: readonly string[] };

export const NO_AGENCY: AgencyScope = Object.freeze({ all: false, agencyIds: [] });

export function isStaff(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.memberships.length > 0;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return (
    actor.kind === 'user' && actor.memberships.some((m) => ROLE_PERMISSIONS[m.role].includes(permission))
  );
}

export function rolesOf(actor: Actor): Set<Role> {
  return new Set(actor.kind === 'user' ? actor.memberships.map((m) => m.role) : []);
}

export function agencyScope(actor: Actor, permission: Permission): AgencyScope {
  if (actor.kind === 'partner')
    return actor.agencyId ? { all: false, agencyIds: [actor.agencyId] } : NO_AGENCY;
  if (actor.kind !== 'user') return NO_AGENCY;
  const granting = actor.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes(permission));
  if (granting.some((m) => NATIONAL_ROLES.has(m.role))) return { all: true };
  const ids = [...new Set(granting.map((m) => m.agencyId).filter((id): id is string => id !== null))];
  return { all: false, agencyIds: ids };
}

export function scopeIncludes(scope: AgencyScope, agencyId: string | null | undefined): boolean {
  if (scope.all) return true;
  return agencyId != null && scope.agencyIds.includes(agencyId);
}

/** The SQL condition restricting `column` (an agency id) to the scope. An empty scope matches nothing. */
export function inScope(column: AnyPgColumn, scope: AgencyScope): SQL {
  if (scope.all) return sql`true`;
  if (scope.agencyIds.length === 0) return sql`false`;
  return inArray(column, [...scope.agencyIds]);
}

/** Roles the actor holds within one agency (national roles count everywhere). */
export function rolesInAgency(actor: Actor, agencyId: string): Set<Role> {
  if (actor.kind !== 'user') return new Set();
  return new Set(
    actor.memberships.filter((m) => m.agencyId === agencyId || NATIONAL_ROLES.has(m.role)).map((m) => m.role),
  );
}

// How a caller relates to a case: its applicant, staff of its agency (with which roles), or neither.
import { type Actor, rolesInAgency } from '../platform/tenancy/actor.ts';
import type { Role } from '../platform/tenancy/roles.ts';
import type { Party, ProcedureDefinition, TransitionDefinition } from './definition.ts';
import type { CaseRow } from './tables.ts';

export type Relation = {
  side: 'applicant' | 'staff' | 'system' | 'none';
  isApplicant: boolean;
  roles: ReadonlySet<Role>;
  userId: string | null;
};

export const SYSTEM_RELATION: Relation = {
  side: 'system',
  isApplicant: false,
  roles: new Set(),
  userId: null,
};

export function relationOf(actor: Actor, caseRow: CaseRow, trackingVerified = false): Relation {
  if (actor.kind !== 'user') {
    return trackingVerified
      ? { side: 'applicant', isApplicant: true, roles: new Set(), userId: null }
      : { side: 'none', isApplicant: false, roles: new Set(), userId: null };
  }
  const isApplicant = caseRow.applicantUserId === actor.userId || trackingVerified;
  const roles = rolesInAgency(actor, caseRow.agencyId);
  const side = roles.size > 0 && !isApplicant ? 'staff' : isApplicant ? 'applicant' : 'none';
  return { side, isApplicant, roles, userId: actor.userId };
}

export function mayFire(transition: TransitionDefinition, relation: Relation): boolean {
  return transition.by.some((party: Party) => {
    if (party === 'system') return relation.side === 'system';
    if (party === 'applicant') return relation.isApplicant;
    return relation.side === 'staff' && relation.roles.has(party);
  });
}

/** Transitions the caller may fire now (state and party), before guards. */
export function availableTransitions(def: ProcedureDefinition, caseRow: CaseRow, relation: Relation) {
  return def.transitions.filter((t) => t.from.includes(caseRow.state) && mayFire(t, relation));
}

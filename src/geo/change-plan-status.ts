// Moves a plan version through its lifecycle: in study → public enquiry → approved (decree) →
// expired; approving a version marks the document's older versions as replaced. One transaction
// with its audit event.
import { and, eq, lt, ne, notInArray } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import type { Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { type AgencyScope, inScope } from '../platform/tenancy/actor.ts';
import { checkLifecycle } from './import/publish-plan.ts';
import { addYears, canTransition, EFFECTS_YEARS } from './plan-lifecycle.ts';
import { type PlanStatus, planVersions } from './tables.ts';

export type StatusChange = {
  status: 'in_study' | 'public_enquiry' | 'approved' | 'expired';
  enquiryStart?: string | null;
  enquiryEnd?: string | null;
  decreeRefFr?: string | null;
  decreeRefAr?: string | null;
  approvedOn?: string | null;
  effectsUntil?: string | null;
};

export async function changePlanStatus(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  versionId: string,
  change: StatusChange,
) {
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const [v] = await tx
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.id, versionId), inScope(planVersions.agencyId, scope)))
      .for('update');
    if (!v) throw new AppError('geo.version_not_found');
    const from = v.status;
    if (!canTransition(from, change.status))
      throw new AppError('geo.transition_not_allowed', { params: { from, to: change.status } });
    const set: Partial<typeof planVersions.$inferInsert> = { status: change.status };
    if (change.status === 'public_enquiry') {
      checkLifecycle({
        status: 'public_enquiry',
        enquiryStart: change.enquiryStart ?? null,
        enquiryEnd: change.enquiryEnd ?? null,
      });
      set.enquiryStart = change.enquiryStart ?? null;
      set.enquiryEnd = change.enquiryEnd ?? null;
    }
    if (change.status === 'approved') {
      checkLifecycle({
        status: 'approved',
        approvedOn: change.approvedOn ?? null,
        effectsUntil: change.effectsUntil ?? null,
      });
      set.approvedOn = change.approvedOn as string;
      set.decreeRefFr = change.decreeRefFr ?? v.decreeRefFr;
      set.decreeRefAr = change.decreeRefAr ?? v.decreeRefAr;
      set.effectsUntil = change.effectsUntil ?? addYears(change.approvedOn as string, EFFECTS_YEARS);
    }
    if (change.status === 'expired') {
      const until = change.effectsUntil ?? now.toISOString().slice(0, 10);
      checkLifecycle({ status: 'in_study', effectsUntil: until });
      set.effectsUntil = until;
    }
    await tx.update(planVersions).set(set).where(eq(planVersions.id, versionId));
    let replaced: string[] = [];
    if (change.status === 'approved') {
      const older = await tx
        .update(planVersions)
        .set({ status: 'replaced', replacedOn: set.approvedOn as string, replacedBy: versionId })
        .where(
          and(
            eq(planVersions.documentId, v.documentId),
            ne(planVersions.id, versionId),
            lt(planVersions.version, v.version),
            notInArray(planVersions.status, ['replaced'] as PlanStatus[]),
          ),
        )
        .returning({ id: planVersions.id });
      replaced = older.map((o) => o.id);
    }
    await appendAudit(
      tx,
      audit,
      {
        action: 'geo.plan_status_changed',
        objectType: 'plan_version',
        objectId: versionId,
        agencyId: v.agencyId,
        summary: { before: { status: from }, after: { status: change.status, ...set }, replaced },
      },
      now,
    );
    const [after] = await tx.select().from(planVersions).where(eq(planVersions.id, versionId));
    return { version: after as typeof planVersions.$inferSelect, replaced };
  });
}

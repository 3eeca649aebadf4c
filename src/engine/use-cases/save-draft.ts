// Drafts are saved on the server as the applicant types, so they resume on any device. Each save
// carries the version it started from; a save from a stale tab is refused rather than losing work.
import { and, eq } from 'drizzle-orm';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenancy/actor.ts';
import { loadCase } from '../case-access.ts';
import { validateCaseData } from '../case-data.ts';
import type { Engine } from '../engine.ts';
import { type CaseRow, cases } from '../tables.ts';

export async function saveDraft(
  engine: Engine,
  audit: AuditContext,
  input: {
    caseId: string;
    version: number;
    data: Record<string, unknown>;
    isInvestment?: boolean;
    communeCode?: string | null;
  },
): Promise<CaseRow> {
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'applicant',
    });
    if (caseRow.phase !== 'draft') throw new AppError('case.not_editable');
    if (caseRow.version !== input.version)
      throw new AppError('case.stale_version', { extensions: { currentVersion: caseRow.version } });
    const def = engine.procedures.get(caseRow.procedureCode);
    const errors = validateCaseData(def, input.data, { requireAll: false });
    if (errors.length) throw new AppError('request.invalid', { fields: errors });
    const [saved] = await tx
      .update(cases)
      .set({
        data: input.data,
        version: caseRow.version + 1,
        updatedAt: engine.platform.now(),
        ...(input.isInvestment !== undefined ? { isInvestment: input.isInvestment } : {}),
        ...(input.communeCode !== undefined ? { communeCode: input.communeCode } : {}),
      })
      .where(and(eq(cases.id, caseRow.id), eq(cases.version, caseRow.version)))
      .returning();
    return saved!;
  });
}

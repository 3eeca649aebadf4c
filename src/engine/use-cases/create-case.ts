// A new case starts as a draft in its procedure's initial state, owned by its applicant: an account,
// or (for procedures open to anonymous visitors) a verified contact with a private tracking token.
import { eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import { agencies, communes } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken, sha256Hex } from '../../platform/security/crypto.ts';
import { validateCaseData } from '../case-data.ts';
import type { Engine } from '../engine.ts';
import { type ApplicantContact, type CaseRow, caseEvents, cases } from '../tables.ts';
import '../problems.ts';

export type CreateCaseInput = {
  procedure: string;
  agencyCode: string;
  data?: Record<string, unknown>;
  communeCode?: string;
  isInvestment?: boolean;
  title?: string;
};

export type Applicant =
  | { kind: 'user'; userId: string; accountType: 'citizen' | 'professional' | 'staff' }
  | { kind: 'anonymous'; contact: ApplicantContact };

export async function createCase(
  engine: Engine,
  audit: AuditContext,
  applicant: Applicant,
  input: CreateCaseInput,
): Promise<{ caseRow: CaseRow; trackingToken?: string }> {
  const def = engine.procedures.get(input.procedure);
  const allowed =
    applicant.kind === 'anonymous'
      ? def.applicants.includes('anonymous')
      : def.applicants.includes(applicant.accountType === 'professional' ? 'professional' : 'citizen');
  if (!allowed) throw new AppError('case.applicant_not_allowed');
  const data = input.data ?? {};
  const errors = validateCaseData(def, data, { requireAll: false });
  if (errors.length) throw new AppError('request.invalid', { fields: errors });
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.code, input.agencyCode));
    if (!agency)
      throw new AppError('request.invalid', {
        fields: [{ pointer: '/agencyCode', in: 'body', code: 'unknown_reference' }],
      });
    if (input.communeCode) {
      const [commune] = await tx.select().from(communes).where(eq(communes.code, input.communeCode));
      if (!commune)
        throw new AppError('request.invalid', {
          fields: [{ pointer: '/communeCode', in: 'body', code: 'unknown_reference' }],
        });
    }
    const trackingToken = applicant.kind === 'anonymous' ? randomToken(24) : undefined;
    const state = def.states[def.initialState]!;
    const [caseRow] = await tx
      .insert(cases)
      .values({
        agencyId: agency.id,
        procedureCode: def.code,
        procedureVersion: def.version,
        state: def.initialState,
        phase: state.phase,
        holder: state.holder,
        applicantUserId: applicant.kind === 'user' ? applicant.userId : null,
        applicantContact: applicant.kind === 'anonymous' ? applicant.contact : null,
        trackingTokenHash: trackingToken ? sha256Hex(trackingToken) : null,
        communeCode: input.communeCode ?? null,
        isInvestment: input.isInvestment ?? false,
        data,
        title: input.title ?? null,
        stateEnteredAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(caseEvents).values({
      caseId: caseRow!.id,
      occurredAt: now,
      actorUserId: applicant.kind === 'user' ? applicant.userId : null,
      actorSide: 'applicant',
      kind: 'created',
      toState: def.initialState,
      visibility: 'applicant',
    });
    await appendAudit(
      tx,
      audit,
      {
        action: 'case.created',
        objectType: 'case',
        objectId: caseRow!.id,
        agencyId: agency.id,
        summary: { procedure: def.code },
      },
      now,
    );
    return { caseRow: caseRow!, ...(trackingToken ? { trackingToken } : {}) };
  });
}

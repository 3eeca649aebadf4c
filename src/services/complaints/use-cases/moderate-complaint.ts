// Moderation never destroys evidence: a redaction is a row saying what public views show instead of an
// original text (or that they show nothing), who decided it, when and why. The original stays in the
// case for the agency and the complainant. Visibility (is the complaint public at all) is a decision too.
import { and, eq, sql } from 'drizzle-orm';
import { loadCase } from '../../../engine/case-access.ts';
import type { Engine } from '../../../engine/engine.ts';
import { caseEvents } from '../../../engine/tables.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/tenancy/actor.ts';
import { mustLoadByCase } from '../load.ts';
import '../problems.ts';
import type { RedactionInput } from '../schemas.ts';
import { complaintRedactions, complaints } from '../tables.ts';
import { eventText } from '../views.ts';

export async function redactComplaint(
  engine: Engine,
  audit: AuditContext,
  input: RedactionInput & { caseId: string },
) {
  const now = engine.platform.now();
  const hidden = input.hidden ?? false;
  if (!hidden && !input.publicText?.trim())
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/publicText', in: 'body', code: 'required' }],
    });
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    const loaded = await mustLoadByCase(tx, caseRow.id);
    let exists: boolean;
    if (input.target === 'description') exists = true;
    else if (input.target === 'address') exists = Boolean(loaded.complaint.address);
    else if (input.target === 'location') exists = loaded.location !== null;
    else {
      const [event] = await tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.id, Number(input.target.slice(6)))));
      exists = Boolean(event && eventText(event, 'public'));
    }
    if (!exists) throw new AppError('complaint.redaction_target_unknown');
    if (input.target === 'location' && !hidden)
      throw new AppError('request.invalid', {
        fields: [{ pointer: '/hidden', in: 'body', code: 'const', params: { type: 'true' } }],
      });
    const [row] = await tx
      .insert(complaintRedactions)
      .values({
        caseId: caseRow.id,
        target: input.target,
        publicText: hidden ? null : input.publicText!.trim(),
        hidden,
        reason: input.reason.trim(),
        redactedBy: relation.userId!,
        redactedAt: now,
      })
      .returning();
    await tx.execute(sql`update cases set updated_at = ${now} where id = ${caseRow.id}`);
    await appendAudit(
      tx,
      audit,
      {
        action: 'complaint.redacted',
        objectType: 'case',
        objectId: caseRow.id,
        agencyId: caseRow.agencyId,
        summary: { reference: caseRow.reference, target: input.target, hidden },
      },
      now,
    );
    return row!;
  });
}

export async function setComplaintVisibility(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; isPublic: boolean; reason: string },
) {
  const now = engine.platform.now();
  await engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    await tx
      .update(complaints)
      .set({ isPublic: input.isPublic, visibilityDecidedBy: relation.userId })
      .where(eq(complaints.caseId, caseRow.id));
    await tx.execute(sql`update cases set updated_at = ${now} where id = ${caseRow.id}`);
    await appendAudit(
      tx,
      audit,
      {
        action: input.isPublic ? 'complaint.published' : 'complaint.unpublished',
        objectType: 'case',
        objectId: caseRow.id,
        agencyId: caseRow.agencyId,
        summary: { reference: caseRow.reference, reason: input.reason.slice(0, 200) },
      },
      now,
    );
  });
}

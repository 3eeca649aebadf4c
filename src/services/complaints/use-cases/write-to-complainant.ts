// The agency writes to the complainant: a public update (part of the complaint's public history, the
// complainant is told) or a private message (only for them). Both are told by their chosen channel,
// with the link they can follow (their space, or their private link).
import { eq, sql } from 'drizzle-orm';
import { loadCase } from '../../../engine/case-access.ts';
import type { Engine } from '../../../engine/engine.ts';
import { caseEvents, caseMessages } from '../../../engine/tables.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/tenancy/actor.ts';
import { notifyComplainant } from '../notify.ts';
import '../problems.ts';
import { COMPLAINT_PROCEDURE } from '../procedure.ts';
import { complaints } from '../tables.ts';

const UPDATE: { ar: string; fr: string; en: string } = { ar: 'مستجد', fr: 'Information', en: 'Update' };
const MESSAGE: { ar: string; fr: string; en: string } = {
  ar: 'رسالة من الوكالة',
  fr: "Message de l'agence",
  en: 'Message from the agency',
};

export async function postPublicUpdate(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; text: string; templateId?: string | undefined },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    if (caseRow.phase !== 'open') throw new AppError('complaint.not_open');
    const [complaint] = await tx.select().from(complaints).where(eq(complaints.caseId, caseRow.id));
    if (!complaint) throw new AppError('complaint.not_found');
    const text = input.text.trim();
    const [event] = await tx
      .insert(caseEvents)
      .values({
        caseId: caseRow.id,
        occurredAt: now,
        actorUserId: relation.userId,
        actorSide: 'staff',
        kind: 'public_update',
        payload: { text, ...(input.templateId ? { templateId: input.templateId } : {}) },
        visibility: 'public',
      })
      .returning();
    await tx.execute(sql`update cases set updated_at = ${now} where id = ${caseRow.id}`);
    await appendAudit(
      tx,
      audit,
      {
        action: 'complaint.public_update',
        objectType: 'case',
        objectId: caseRow.id,
        agencyId: caseRow.agencyId,
        summary: { reference: caseRow.reference, event: event!.id, template: input.templateId ?? null },
      },
      now,
    );
    const state = COMPLAINT_PROCEDURE.states[caseRow.state]!.label;
    await notifyComplainant(tx, engine.platform, {
      caseRow,
      complaint,
      state: {
        ar: `${UPDATE.ar} — ${state.ar}`,
        fr: `${UPDATE.fr} — ${state.fr}`,
        en: `${UPDATE.en} — ${state.en}`,
      },
      text,
      key: `update:${event!.id}`,
    });
    return event!;
  });
}

export async function messageComplainant(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; body: string },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    if (caseRow.phase === 'draft') throw new AppError('case.not_editable');
    const [complaint] = await tx.select().from(complaints).where(eq(complaints.caseId, caseRow.id));
    if (!complaint) throw new AppError('complaint.not_found');
    const [message] = await tx
      .insert(caseMessages)
      .values({
        caseId: caseRow.id,
        authorUserId: relation.userId,
        authorSide: 'staff',
        body: input.body.trim(),
        createdAt: now,
      })
      .returning();
    await tx.execute(sql`update cases set updated_at = ${now} where id = ${caseRow.id}`);
    await notifyComplainant(tx, engine.platform, {
      caseRow,
      complaint,
      state: MESSAGE,
      text: input.body.trim(),
      key: `message:${message!.id}`,
    });
    return message!;
  });
}

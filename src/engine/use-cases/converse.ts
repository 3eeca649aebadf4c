// Messages between the applicant and the agency, internal notes, assignment, and typed requests to
// the applicant (replacement document, clarification) with their own due dates.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Orm } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, hasPermission } from '../../platform/tenancy/actor.ts';
import { addWorkingDays } from '../calendar/index.ts';
import { loadCase } from '../case-access.ts';
import { checklistItem } from '../checklist.ts';
import { moroccanDate } from '../clocks.ts';
import type { Engine } from '../engine.ts';
import { notifyApplicant, notifyStaff, staffWithRoles } from '../notify.ts';
import { caseDocuments, caseEvents, caseMessages, caseNotes, caseRequests, cases } from '../tables.ts';

const touch = (tx: Orm, caseId: string, now: Date) =>
  tx.execute(sql`update cases set updated_at = ${now} where id = ${caseId}`);

export async function postMessage(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; body: string; trackingVerified?: boolean },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      trackingVerified: input.trackingVerified ?? false,
    });
    if (caseRow.phase === 'draft') throw new AppError('case.not_editable');
    const side = relation.side === 'staff' ? 'staff' : 'applicant';
    const [message] = await tx
      .insert(caseMessages)
      .values({
        caseId: caseRow.id,
        authorUserId: relation.userId,
        authorSide: side,
        body: input.body.trim(),
        createdAt: now,
      })
      .returning();
    await touch(tx, caseRow.id, now);
    const def = engine.procedures.get(caseRow.procedureCode);
    const what = { ar: 'رسالة جديدة', fr: 'Nouveau message', en: 'New message' };
    if (side === 'staff')
      await notifyApplicant(tx, engine, { def, caseRow, detail: what, kind: 'case.message' });
    else if (caseRow.assignedTo)
      await notifyStaff(tx, engine.platform, {
        def,
        caseRow,
        roles: [],
        userIds: [caseRow.assignedTo],
        what,
        kind: 'case.message',
      });
    return message!;
  });
}

export async function addNote(engine: Engine, audit: AuditContext, input: { caseId: string; body: string }) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, { side: 'staff' });
    const [note] = await tx
      .insert(caseNotes)
      .values({ caseId: caseRow.id, authorUserId: relation.userId!, body: input.body.trim(), createdAt: now })
      .returning();
    return note!;
  });
}

/** Anyone acting on cases may take one; assigning someone else needs `case.assign`. */
export async function assignCase(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; assigneeId: string | null; version: number },
) {
  const now = engine.platform.now();
  const actor = audit.actor as Actor;
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, actor, input.caseId, { forUpdate: true, side: 'staff' });
    if (caseRow.version !== input.version)
      throw new AppError('case.stale_version', { extensions: { currentVersion: caseRow.version } });
    if (caseRow.phase !== 'open') throw new AppError('case.not_editable');
    const self = input.assigneeId === relation.userId;
    if (!self && !hasPermission(actor, 'case.assign')) throw new AppError('auth.forbidden');
    if (input.assigneeId) {
      const staff = await staffWithRoles(tx, caseRow.agencyId, [
        'front_desk',
        'instructor',
        'geomatics',
        'finance',
        'legal',
        'director',
        'committee_member',
        'commune_president',
      ]);
      if (!staff.some((s) => s.id === input.assigneeId)) throw new AppError('case.assignee_invalid');
    }
    const [after] = await tx
      .update(cases)
      .set({
        assignedTo: input.assigneeId,
        assignedAt: input.assigneeId ? now : null,
        version: caseRow.version + 1,
        updatedAt: now,
      })
      .where(eq(cases.id, caseRow.id))
      .returning();
    await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      occurredAt: now,
      actorUserId: relation.userId,
      actorSide: 'staff',
      kind: 'assigned',
      payload: { assigneeId: input.assigneeId },
      visibility: 'internal',
    });
    await appendAudit(
      tx,
      audit,
      {
        action: 'case.assigned',
        objectType: 'case',
        objectId: caseRow.id,
        agencyId: caseRow.agencyId,
        summary: { from: caseRow.assignedTo, to: input.assigneeId },
      },
      now,
    );
    if (input.assigneeId && !self) {
      const def = engine.procedures.get(caseRow.procedureCode);
      await notifyStaff(tx, engine.platform, {
        def,
        caseRow: after!,
        roles: [],
        userIds: [input.assigneeId],
        what: { ar: 'أسند إليك ملف', fr: 'Dossier qui vous est confié', en: 'File assigned to you' },
        kind: 'case.assigned',
      });
    }
    return after!;
  });
}

export async function createRequest(
  engine: Engine,
  audit: AuditContext,
  input: {
    caseId: string;
    kind: 'replacement_document' | 'clarification';
    checklistCodes: string[];
    message: string;
    dueInDays: number;
  },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    if (caseRow.phase !== 'open') throw new AppError('case.not_editable');
    const def = engine.procedures.get(caseRow.procedureCode);
    for (const code of input.checklistCodes)
      if (!checklistItem(def, code)) throw new AppError('case.outside_checklist', { params: { code } });
    if (input.kind === 'replacement_document' && input.checklistCodes.length === 0)
      throw new AppError('request.invalid', {
        fields: [{ pointer: '/checklistCodes', in: 'body', code: 'minItems', params: { limit: 1 } }],
      });
    const calendar = await engine.calendar.get();
    const [request] = await tx
      .insert(caseRequests)
      .values({
        caseId: caseRow.id,
        kind: input.kind,
        checklistCodes: input.checklistCodes,
        message: input.message.trim(),
        dueOn: addWorkingDays(moroccanDate(now), input.dueInDays, calendar),
        state: 'open',
        createdBy: relation.userId,
        createdAt: now,
      })
      .returning();
    await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      occurredAt: now,
      actorUserId: relation.userId,
      actorSide: 'staff',
      kind: 'request_opened',
      payload: {
        requestId: request!.id,
        kind: input.kind,
        checklistCodes: input.checklistCodes,
        dueOn: request!.dueOn,
      },
      visibility: 'applicant',
    });
    await touch(tx, caseRow.id, now);
    await appendAudit(
      tx,
      audit,
      {
        action: 'case.request_opened',
        objectType: 'case',
        objectId: caseRow.id,
        agencyId: caseRow.agencyId,
        summary: { kind: input.kind },
      },
      now,
    );
    await notifyApplicant(tx, engine, {
      def,
      caseRow,
      detail: { ar: input.message, fr: input.message, en: input.message },
      kind: 'case.request',
    });
    return request!;
  });
}

export async function answerRequest(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; requestId: string; answer: string; trackingVerified?: boolean },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'applicant',
      trackingVerified: input.trackingVerified ?? false,
    });
    const [request] = await tx
      .select()
      .from(caseRequests)
      .where(and(eq(caseRequests.id, input.requestId), eq(caseRequests.caseId, caseRow.id)));
    if (!request) throw new AppError('case.request_not_found');
    if (request.state !== 'open' || request.kind === 'missing_piece')
      throw new AppError('case.request_closed');
    if (request.checklistCodes.length) {
      const docs = await tx
        .select({ code: caseDocuments.checklistCode, at: caseDocuments.uploadedAt })
        .from(caseDocuments)
        .where(
          and(
            eq(caseDocuments.caseId, caseRow.id),
            isNull(caseDocuments.removedAt),
            inArray(caseDocuments.checklistCode, request.checklistCodes),
          ),
        );
      const def = engine.procedures.get(caseRow.procedureCode);
      const missing = request.checklistCodes.filter(
        (code) => !docs.some((d) => d.code === code && d.at >= request.createdAt),
      );
      if (missing.length)
        throw new AppError('case.checklist_incomplete', {
          params: { items: missing.map((c) => checklistItem(def, c)?.label.fr ?? c).join(', ') },
        });
    }
    const [answered] = await tx
      .update(caseRequests)
      .set({ state: 'answered', answeredAt: now, answer: input.answer.trim() || null })
      .where(eq(caseRequests.id, request.id))
      .returning();
    await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      occurredAt: now,
      actorUserId: relation.userId,
      actorSide: 'applicant',
      kind: 'request_answered',
      payload: { requestId: request.id },
      visibility: 'applicant',
    });
    await touch(tx, caseRow.id, now);
    if (caseRow.assignedTo) {
      await notifyStaff(tx, engine.platform, {
        def: engine.procedures.get(caseRow.procedureCode),
        caseRow,
        roles: [],
        userIds: [caseRow.assignedTo],
        what: { ar: 'رد على طلب', fr: 'Réponse à une demande', en: 'Request answered' },
        kind: 'case.request_answered',
      });
    }
    return answered!;
  });
}

export async function cancelRequest(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; requestId: string },
) {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'staff',
    });
    const [request] = await tx
      .update(caseRequests)
      .set({ state: 'cancelled', closedBy: relation.userId })
      .where(
        and(
          eq(caseRequests.id, input.requestId),
          eq(caseRequests.caseId, caseRow.id),
          eq(caseRequests.state, 'open'),
        ),
      )
      .returning();
    if (!request) throw new AppError('case.request_not_found');
    if (request.kind === 'missing_piece') throw new AppError('case.request_closed');
    await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      occurredAt: now,
      actorUserId: relation.userId,
      actorSide: 'staff',
      kind: 'request_cancelled',
      payload: { requestId: request.id },
      visibility: 'applicant',
    });
    return request;
  });
}

// One transition = one transaction: the state change, the clocks, the timeline event, the audit event,
// the notifications and the outbox rows commit together or not at all. Concurrent callers on one case
// queue on its row lock; the one holding a stale version gets 409.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import Value from 'typebox/value';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import type { Orm } from '../../platform/db/database.ts';
import { users } from '../../platform/db/tables.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenancy/actor.ts';
import { addWorkingDays } from '../calendar/index.ts';
import { loadCase, nextReference } from '../case-access.ts';
import { validateCaseData } from '../case-data.ts';
import { checklistItem, missingItems } from '../checklist.ts';
import { applyClockChanges } from '../clock-store.ts';
import { moroccanDate } from '../clocks.ts';
import type { ProcedureDefinition, TransitionDefinition } from '../definition.ts';
import type { Engine, TransitionEvent } from '../engine.ts';
import { notifyApplicant, notifyStaff } from '../notify.ts';
import { mayFire, type Relation, SYSTEM_RELATION } from '../relation.ts';
import { type CaseRow, caseDocuments, caseEvents, caseRequests, cases } from '../tables.ts';
import '../problems.ts';

export type TransitionRequest = {
  caseId: string;
  transition: string;
  /** The version the caller saw; omitted only by the system (clocks). */
  version?: number;
  input?: Record<string, unknown>;
  trackingVerified?: boolean;
};

/** Days the applicant gets to answer a missing-pieces request when the instructor gives none. */
export const DEFAULT_REQUEST_DAYS = 10;

function inputErrors(transition: TransitionDefinition, input: Record<string, unknown>): FieldError[] {
  if (!transition.input) {
    return Object.keys(input).map((name) => ({
      pointer: `/input/${name}`,
      in: 'body',
      code: 'additionalProperties',
      params: { name },
    }));
  }
  if (Value.Check(transition.input, input)) return [];
  return [...Value.Errors(transition.input, input)].map((e) => {
    const params = (e.params ?? {}) as Record<string, unknown>;
    const required =
      e.keyword === 'required' ? `/${(params.requiredProperties as string[] | undefined)?.[0] ?? ''}` : '';
    return {
      pointer: `/input${e.instancePath}${required}`,
      in: 'body',
      code: e.keyword,
      params: { limit: params.limit, format: params.format, type: params.type },
    };
  });
}

async function documentCodes(tx: Orm, caseId: string, since?: Date): Promise<Set<string>> {
  const rows = await tx
    .select({ code: caseDocuments.checklistCode, at: caseDocuments.uploadedAt })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), isNull(caseDocuments.removedAt)));
  return new Set(rows.filter((r) => !since || r.at >= since).map((r) => r.code));
}

async function checkGuards(
  engine: Engine,
  tx: Orm,
  def: ProcedureDefinition,
  t: TransitionDefinition,
  c: CaseRow,
) {
  for (const guard of t.guards ?? []) {
    if (guard === 'checklist_complete') {
      const missing = missingItems(def, c.data, await documentCodes(tx, c.id));
      if (missing.length) {
        throw new AppError('case.checklist_incomplete', {
          params: { items: missing.map((i) => i.label.fr).join(', ') },
          fields: missing.map((i) => ({ pointer: `/checklist/${i.code}`, in: 'body', code: 'required' })),
        });
      }
    } else if (guard === 'assigned') {
      if (!c.assignedTo)
        throw new AppError('case.guard_failed', { params: { reason: 'assigned' }, extensions: { guard } });
    } else {
      const check = engine.hooks.guards[guard];
      const reason = check ? await check(tx, c, def) : `no ${guard} check is configured`;
      if (reason) throw new AppError('case.guard_failed', { params: { reason }, extensions: { guard } });
    }
  }
}

/** Effects of the built-in transition kinds, before the state changes. Returns columns to set. */
async function kindEffects(
  engine: Engine,
  tx: Orm,
  ctx: {
    def: ProcedureDefinition;
    t: TransitionDefinition;
    c: CaseRow;
    input: Record<string, unknown>;
    relation: Relation;
    now: Date;
    today: string;
  },
): Promise<Partial<typeof cases.$inferInsert>> {
  const { def, t, c, input, relation, now, today } = ctx;
  switch (t.kind) {
    case 'deposit': {
      const errors = validateCaseData(def, c.data, { requireAll: true });
      if (errors.length) throw new AppError('request.invalid', { fields: errors });
      return {
        reference: c.reference ?? (await nextReference(tx, c, def.code, Number(today.slice(0, 4)))),
        depositedAt: now,
      };
    }
    case 'request_missing_pieces': {
      if (c.missingPiecesRequestedAt) throw new AppError('case.missing_pieces_already_requested');
      const codes = (input.checklistCodes as string[] | undefined) ?? [];
      for (const code of codes)
        if (!checklistItem(def, code)) throw new AppError('case.outside_checklist', { params: { code } });
      const days = (input.dueInDays as number | undefined) ?? DEFAULT_REQUEST_DAYS;
      const calendar = await engine.calendar.get();
      await tx.insert(caseRequests).values({
        caseId: c.id,
        kind: 'missing_piece',
        checklistCodes: codes,
        message: String(input.message ?? ''),
        dueOn: addWorkingDays(today, days, calendar),
        state: 'open',
        createdBy: relation.userId,
        createdAt: now,
      });
      return { missingPiecesRequestedAt: now };
    }
    case 'answer_missing_pieces': {
      const open = await tx
        .select()
        .from(caseRequests)
        .where(and(eq(caseRequests.caseId, c.id), eq(caseRequests.state, 'open')));
      for (const request of open) {
        const since = await documentCodes(tx, c.id, request.createdAt);
        const missing = request.checklistCodes.filter((code) => !since.has(code));
        if (missing.length) {
          throw new AppError('case.checklist_incomplete', {
            params: { items: missing.map((code) => checklistItem(def, code)?.label.fr ?? code).join(', ') },
            fields: missing.map((code) => ({ pointer: `/checklist/${code}`, in: 'body', code: 'required' })),
          });
        }
      }
      if (open.length) {
        await tx
          .update(caseRequests)
          .set({ state: 'answered', answeredAt: now, answer: (input.answer as string | undefined) ?? null })
          .where(
            inArray(
              caseRequests.id,
              open.map((r) => r.id),
            ),
          );
      }
      return {};
    }
    case 'refusal': {
      const reasons = input.reasons;
      if (
        !Array.isArray(reasons) ||
        reasons.length === 0 ||
        reasons.some((r) => typeof r !== 'string' || !r.trim())
      )
        throw new AppError('case.reasons_required', {
          fields: [{ pointer: '/input/reasons', in: 'body', code: 'required' }],
        });
      return {};
    }
    default:
      return {};
  }
}

async function assignmentEffect(tx: Orm, c: CaseRow, input: Record<string, unknown>, now: Date) {
  const assigneeId = input.assigneeId;
  if (typeof assigneeId !== 'string') return {};
  const [assignee] = await tx.select({ id: users.id }).from(users).where(eq(users.id, assigneeId));
  if (!assignee) throw new AppError('case.assignee_invalid');
  const { staffWithRoles } = await import('../notify.ts');
  const staff = await staffWithRoles(tx, c.agencyId, [
    'front_desk',
    'instructor',
    'geomatics',
    'finance',
    'legal',
    'director',
    'committee_member',
    'commune_president',
  ]);
  if (!staff.some((s) => s.id === assigneeId)) throw new AppError('case.assignee_invalid');
  return { assignedTo: assigneeId, assignedAt: now };
}

export type TransitionOutcome = { caseRow: CaseRow; event: TransitionEvent };

/** Inside an open transaction (the clock sweeper uses it for automatic transitions). */
export async function applyTransitionIn(
  engine: Engine,
  tx: Orm,
  audit: AuditContext,
  request: TransitionRequest,
  loaded?: { caseRow: CaseRow; relation: Relation },
): Promise<TransitionOutcome> {
  const now = engine.platform.now();
  const today = moroccanDate(now);
  const system = audit.actor.kind === 'system';
  const { caseRow: c, relation } =
    loaded ??
    (system
      ? {
          caseRow: (await tx.select().from(cases).where(eq(cases.id, request.caseId)).for('update'))[0]!,
          relation: SYSTEM_RELATION,
        }
      : await loadCase(tx, audit.actor as Actor, request.caseId, {
          forUpdate: true,
          trackingVerified: request.trackingVerified ?? false,
        }));
  if (!c) throw new AppError('case.not_found');
  if (request.version !== undefined && request.version !== c.version)
    throw new AppError('case.stale_version', { extensions: { currentVersion: c.version } });

  const def = engine.procedures.get(c.procedureCode);
  const t = def.transitions.find((x) => x.key === request.transition);
  if (!t?.from.includes(c.state) || !mayFire(t, relation)) {
    throw new AppError('case.transition_not_allowed', {
      params: {
        transition: t?.label.fr ?? request.transition,
        state: def.states[c.state]?.label.fr ?? c.state,
      },
    });
  }
  const input = request.input ?? {};
  const errors = inputErrors(t, input);
  if (errors.length) throw new AppError('request.invalid', { fields: errors });
  await checkGuards(engine, tx, def, t, c);

  const effects = {
    ...(await kindEffects(engine, tx, { def, t, c, input, relation, now, today })),
    ...(await assignmentEffect(tx, c, input, now)),
  };
  const target = def.states[t.to]!;
  const [after] = await tx
    .update(cases)
    .set({
      ...effects,
      state: t.to,
      phase: target.phase,
      holder: target.holder,
      version: c.version + 1,
      stateEnteredAt: t.to === c.state ? c.stateEnteredAt : now,
      closedAt: target.phase === 'closed' ? now : null,
      updatedAt: now,
    })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!after) throw new AppError('case.stale_version');

  await applyClockChanges(tx, {
    def,
    caseRow: after,
    from: c.state,
    to: t.to,
    today,
    calendar: await engine.calendar.get(),
  });
  const actorUserId = audit.actor.kind === 'user' ? audit.actor.userId : null;
  await tx.insert(caseEvents).values({
    caseId: c.id,
    occurredAt: now,
    actorUserId,
    actorSide: relation.side === 'staff' ? 'staff' : relation.side === 'applicant' ? 'applicant' : 'system',
    kind: t.kind === 'deposit' ? 'deposit' : 'transition',
    transition: t.key,
    fromState: c.state,
    toState: t.to,
    payload: { ...input, ...(t.kind === 'deposit' ? { reference: after.reference, receipt: true } : {}) },
    visibility: t.visibleToApplicant === false ? 'internal' : 'applicant',
  });
  await appendAudit(
    tx,
    audit,
    {
      action: `case.${t.key}`,
      objectType: 'case',
      objectId: c.id,
      agencyId: c.agencyId,
      summary: {
        procedure: def.code,
        reference: after.reference,
        from: c.state,
        to: t.to,
        version: after.version,
      },
    },
    now,
  );
  const event: TransitionEvent = {
    tx,
    definition: def,
    transition: t,
    before: c,
    after,
    input,
    audit,
    now,
    today,
  };
  for (const hook of engine.hooks.afterTransition) await hook(event);

  if (t.notifyApplicant !== false && (t.notifyApplicant || t.kind === 'deposit')) {
    const detail =
      typeof input.answer === 'string' ? { ar: input.answer, fr: input.answer, en: input.answer } : undefined;
    await notifyApplicant(tx, engine, {
      def,
      caseRow: after,
      kind: `case.${t.key}`,
      ...(detail ? { detail } : {}),
    });
  }
  if (t.notifyRoles?.length) {
    await notifyStaff(tx, engine.platform, {
      def,
      caseRow: after,
      roles: t.notifyRoles,
      what: target.label,
      kind: `case.${t.key}`,
    });
  }
  return { caseRow: after, event };
}

export async function applyTransition(
  engine: Engine,
  audit: AuditContext,
  request: TransitionRequest,
): Promise<CaseRow> {
  const outcome = await engine.platform.db.transaction((tx) => applyTransitionIn(engine, tx, audit, request));
  return outcome.caseRow;
}

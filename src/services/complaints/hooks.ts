// The complaint's own rules, plugged into the engine's transitions (they run inside the transition's
// transaction, so a refusal here undoes the transition):
// - the answer clock takes the category's delay (at most the definition's, itself held to Law 55-19);
// - triage records category, priority and unit; merging checks the original; redirecting checks the body;
// - the complainant hears of every public update, in their language; complainants whose complaints
//   were merged into this one hear of its answer too.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { addWorkingDays } from '../../engine/calendar/index.ts';
import type { Engine, TransitionEvent } from '../../engine/engine.ts';
import { caseClocks, cases } from '../../engine/tables.ts';
import type { Orm } from '../../platform/db/database.ts';
import { bodies } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { Localized } from '../../platform/i18n/locale.ts';
import { notifyComplainant } from './notify.ts';
import './problems.ts';
import { maskPersonalData } from './contact.ts';
import { COMPLAINT_PROCEDURE_CODE } from './procedure.ts';
import { type ComplaintRow, complaintCategories, complaints } from './tables.ts';
import { eventText } from './views.ts';

/** Transitions the complainant makes themselves: no message to tell them what they just did. */
const BY_COMPLAINANT = new Set(['submit', 'reopen', 'withdraw']);

async function setAnswerDelay(engine: Engine, tx: Orm, caseId: string, days: number) {
  const [clock] = await tx
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.clockKey, 'answer')));
  if (!clock || clock.status === 'stopped' || clock.days === days) return;
  const calendar = await engine.calendar.get();
  await tx
    .update(caseClocks)
    .set({ days, deadline: addWorkingDays(clock.startedOn, days + clock.pausedDays, calendar) })
    .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.clockKey, 'answer')));
}

async function categoryOf(tx: Orm, id: string) {
  const [row] = await tx.select().from(complaintCategories).where(eq(complaintCategories.id, id));
  return row!;
}

async function applyRules(engine: Engine, event: TransitionEvent, complaint: ComplaintRow) {
  const { tx, transition: t, after, input } = event;
  switch (t.key) {
    case 'submit':
    case 'reopen': {
      const category = await categoryOf(tx, complaint.categoryId);
      await setAnswerDelay(engine, tx, after.id, category.answerDays);
      return;
    }
    case 'triage': {
      const code = String(input.category);
      const [category] = await tx
        .select()
        .from(complaintCategories)
        .where(
          and(
            eq(complaintCategories.agencyId, after.agencyId),
            eq(complaintCategories.code, code),
            eq(complaintCategories.active, true),
          ),
        );
      if (!category)
        throw new AppError('complaint.category_unknown', {
          params: { category: code },
          fields: [{ pointer: '/input/category', in: 'body', code: 'enum' }],
        });
      const changed = category.id !== complaint.categoryId;
      await tx
        .update(complaints)
        .set({
          categoryId: category.id,
          priority: input.priority as ComplaintRow['priority'],
          unit: String(input.unit).trim(),
          // A new category brings its publicity, unless a moderator already decided.
          ...(changed && !complaint.visibilityDecidedBy ? { isPublic: category.isPublic } : {}),
          ...(changed ? { answers: {} } : {}),
        })
        .where(eq(complaints.caseId, after.id));
      if (changed) {
        await tx
          .update(cases)
          .set({ data: { ...after.data, category: category.code } })
          .where(eq(cases.id, after.id));
        await setAnswerDelay(engine, tx, after.id, category.answerDays);
      }
      return;
    }
    case 'answer': {
      if (!complaint.firstAnsweredAt)
        await tx
          .update(complaints)
          .set({ firstAnsweredAt: event.now })
          .where(eq(complaints.caseId, after.id));
      return;
    }
    case 'merge': {
      const reference = String(input.duplicateOf);
      const [target] = await tx
        .select({ caseRow: cases, complaint: complaints })
        .from(cases)
        .innerJoin(complaints, eq(complaints.caseId, cases.id))
        .where(
          and(
            eq(cases.reference, reference),
            eq(cases.agencyId, after.agencyId),
            eq(cases.procedureCode, COMPLAINT_PROCEDURE_CODE),
            ne(cases.id, after.id),
            isNull(complaints.duplicateOf),
          ),
        );
      if (!target || target.caseRow.state === 'merged' || target.caseRow.phase === 'draft')
        throw new AppError('complaint.duplicate_invalid', {
          fields: [{ pointer: '/input/duplicateOf', in: 'body', code: 'duplicate_invalid' }],
        });
      await tx
        .update(complaints)
        .set({ duplicateOf: target.caseRow.id })
        .where(eq(complaints.caseId, after.id));
      // Complaints already merged into this one follow the new original.
      await tx
        .update(complaints)
        .set({ duplicateOf: target.caseRow.id })
        .where(eq(complaints.duplicateOf, after.id));
      return;
    }
    case 'redirect': {
      const code = String(input.bodyCode);
      const [body] = await tx.select().from(bodies).where(eq(bodies.code, code));
      if (!body || body.kind === 'agency')
        throw new AppError('complaint.body_unknown', {
          fields: [{ pointer: '/input/bodyCode', in: 'body', code: 'enum' }],
        });
      await tx.update(complaints).set({ redirectBodyCode: code }).where(eq(complaints.caseId, after.id));
      return;
    }
    default:
      return;
  }
}

const BODY_LABEL: Localized = { ar: 'الجهة المختصة', fr: 'Organisme compétent', en: 'Body in charge' };

/** The text the complainant's message carries for this transition. */
async function messageText(event: TransitionEvent): Promise<string | Localized | undefined> {
  const { transition: t, input } = event;
  const text = eventText(
    {
      id: 0,
      caseId: event.after.id,
      occurredAt: event.now,
      actorUserId: null,
      actorSide: 'staff',
      kind: 'transition',
      transition: t.key,
      fromState: event.before.state,
      toState: event.after.state,
      payload: input,
      visibility: 'applicant',
    },
    'private',
  );
  if (t.key === 'merge') return [text, `→ ${String(input.duplicateOf)}`].filter(Boolean).join('\n\n');
  if (t.key === 'redirect') {
    const [body] = await event.tx
      .select()
      .from(bodies)
      .where(eq(bodies.code, String(input.bodyCode)));
    if (body) {
      const names: Localized = { ar: body.nameAr, fr: body.nameFr, en: body.nameEn };
      const line = (l: keyof Localized) => `${BODY_LABEL[l]}${l === 'fr' ? ' : ' : ': '}${names[l]}`;
      return {
        ar: [line('ar'), text].filter(Boolean).join('\n\n'),
        fr: [line('fr'), text].filter(Boolean).join('\n\n'),
        en: [line('en'), text].filter(Boolean).join('\n\n'),
      };
    }
  }
  return text ?? undefined;
}

async function tellMergedComplainants(engine: Engine, event: TransitionEvent) {
  const merged = await event.tx
    .select({ caseRow: cases, complaint: complaints })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .where(eq(complaints.duplicateOf, event.after.id));
  if (!merged.length) return;
  const [own] = await event.tx.select().from(complaints).where(eq(complaints.caseId, event.after.id));
  // Other people's complaint: they read what the public would (masked), and only if it is public.
  const answer = typeof event.input.answer === 'string' ? event.input.answer.trim() : '';
  const text = own?.isPublic && answer ? maskPersonalData(answer) : undefined;
  for (const m of merged) {
    await notifyComplainant(event.tx, engine.platform, {
      caseRow: m.caseRow,
      complaint: m.complaint,
      state: {
        ar: `تم الجواب على الشكاية ${event.after.reference}`,
        fr: `Réponse donnée à la réclamation ${event.after.reference}`,
        en: `Complaint ${event.after.reference} answered`,
      },
      ...(text ? { text } : {}),
      key: `original-answered:${event.after.id}:v${event.after.version}`,
    });
  }
}

export function complaintTransitionHook(engine: Engine) {
  return async (event: TransitionEvent): Promise<void> => {
    if (event.definition.code !== COMPLAINT_PROCEDURE_CODE) return;
    const [complaint] = await event.tx.select().from(complaints).where(eq(complaints.caseId, event.after.id));
    if (!complaint) return;
    await applyRules(engine, event, complaint);
    const { transition: t } = event;
    const byComplainant = BY_COMPLAINANT.has(t.key) || isApplicantActor(event);
    if (!byComplainant) {
      const [fresh] = await event.tx.select().from(complaints).where(eq(complaints.caseId, event.after.id));
      const [caseRow] = await event.tx.select().from(cases).where(eq(cases.id, event.after.id));
      await notifyComplainant(event.tx, engine.platform, {
        caseRow: caseRow!,
        complaint: fresh!,
        state: event.definition.states[event.after.state]!.label,
        text: await messageText(event),
        key: `${t.key}:v${event.after.version}`,
      });
    }
    if (t.key === 'answer') await tellMergedComplainants(engine, event);
  };
}

/** The applicant closing their own complaint ("I am satisfied") needs no message either. */
function isApplicantActor(event: TransitionEvent): boolean {
  const actor = event.audit.actor;
  if (actor.kind === 'anonymous') return true;
  return actor.kind === 'user' && actor.userId === event.after.applicantUserId;
}

// What each reader sees of a complaint.
// - Public (anyone with the tracking number, Open311): status, category, dates, the history of public
//   updates; for public complaints also the description, place and texts — moderated (a redaction
//   replaces or hides the original) and with e-mail addresses and phone/ID numbers masked. Never a
//   name, a contact, an attachment or an internal note.
// - Private (the complainant: account owner or holder of the private link): their own complaint as
//   filed, the full texts, attachments, messages, and what they may do now.
// - Staff: the engine's case view plus the complaint's data, moderation rows and duplicate suggestions.
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { clockViews } from '../../engine/clock-store.ts';
import { moroccanDate } from '../../engine/clocks.ts';
import type { ProcedureDefinition } from '../../engine/definition.ts';
import type { Engine } from '../../engine/engine.ts';
import { availableTransitions, type Relation } from '../../engine/relation.ts';
import { caseClocks, caseDocuments, caseMessages, cases } from '../../engine/tables.ts';
import { caseView } from '../../engine/use-cases/view-cases.ts';
import { rows } from '../../platform/db/database.ts';
import { bodies, users } from '../../platform/db/tables.ts';
import type { Localized } from '../../platform/i18n/locale.ts';
import { maskPersonalData } from './contact.ts';
import { type EventRow, type LoadedComplaint, publicEvents } from './load.ts';
import { COMPLAINT_PROCEDURE } from './procedure.ts';
import { answerText } from './questions.ts';
import { complaints, type RedactionRow } from './tables.ts';

const UPDATE_LABEL: Localized = { ar: 'مستجد', fr: 'Information', en: 'Update' };
const RECEIVED_LABEL: Localized = { ar: 'إيداع الشكاية', fr: 'Réclamation déposée', en: 'Complaint filed' };

/** Answered complaints count as closed for Open311 (the agency has acted); reopened ones are open again. */
export const open311Status = (state: string): 'open' | 'closed' =>
  ['answered', 'closed', 'merged', 'not_competent', 'dismissed', 'withdrawn'].includes(state)
    ? 'closed'
    : 'open';

export function latestRedaction(redactions: readonly RedactionRow[], target: string) {
  return redactions.filter((r) => r.target === target).at(-1);
}

/** The text a public view shows for `target`: the moderator's version, nothing if hidden, else masked. */
export function publicText(
  redactions: readonly RedactionRow[],
  target: string,
  original: string | null | undefined,
) {
  const redaction = latestRedaction(redactions, target);
  if (redaction) return redaction.hidden ? null : redaction.publicText;
  const text = original?.trim();
  return text ? maskPersonalData(text) : null;
}

/** The words of an event the complainant (and, moderated, the public) may read. */
export function eventText(event: EventRow, audience: 'public' | 'private'): string | null {
  const p = event.payload as Record<string, unknown>;
  if (event.kind === 'public_update') return typeof p.text === 'string' ? p.text : null;
  switch (event.transition) {
    case 'answer':
      return typeof p.answer === 'string' ? p.answer : null;
    case 'start':
    case 'merge':
    case 'redirect':
      return typeof p.note === 'string' ? p.note : null;
    case 'dismiss':
      return Array.isArray(p.reasons) ? p.reasons.filter((r) => typeof r === 'string').join('\n') : null;
    case 'reopen':
      // The complainant's own words: theirs to read, not the public's.
      return audience === 'private' && typeof p.reason === 'string' ? p.reason : null;
    default:
      return null;
  }
}

type BodyName = { code: string; name: Localized };

async function bodyNames(
  engine: Engine,
  codes: (string | null | undefined)[],
): Promise<Map<string, BodyName>> {
  const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  if (!wanted.length) return new Map();
  const found = await engine.platform.db.orm.select().from(bodies).where(inArray(bodies.code, wanted));
  return new Map(
    found.map((b) => [b.code, { code: b.code, name: { ar: b.nameAr, fr: b.nameFr, en: b.nameEn } }]),
  );
}

async function referencesOf(engine: Engine, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map<string, string>();
  const found = await engine.platform.db.orm
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(inArray(cases.id, wanted));
  return new Map(found.map((c) => [c.id, c.reference ?? '']));
}

export type HistoryEntry = {
  id: number;
  at: string;
  kind: 'received' | 'transition' | 'update';
  transition: string | null;
  label: Localized;
  state: Localized | null;
  text: string | null;
  /** A text exists but is for the complainant only (public view of a complaint that is not public). */
  withheld: boolean;
  duplicateOf: string | null;
  body: BodyName | null;
};

function history(
  def: ProcedureDefinition,
  events: EventRow[],
  options: {
    audience: 'public' | 'private';
    textsPublic: boolean;
    redactions: readonly RedactionRow[];
    bodies: Map<string, BodyName>;
  },
): HistoryEntry[] {
  return events
    .filter((e) => options.audience === 'private' || e.visibility !== 'internal')
    .map((e) => {
      const p = e.payload as Record<string, unknown>;
      const original = eventText(e, options.audience);
      let text: string | null = original;
      let withheld = false;
      if (options.audience === 'public' && original) {
        if (options.textsPublic) text = publicText(options.redactions, `event:${e.id}`, original);
        else {
          text = null;
          withheld = true;
        }
      }
      const transition = e.kind === 'transition' ? e.transition : null;
      return {
        id: e.id,
        at: e.occurredAt.toISOString(),
        kind: e.kind === 'deposit' ? 'received' : e.kind === 'public_update' ? 'update' : 'transition',
        transition,
        label:
          e.kind === 'deposit'
            ? RECEIVED_LABEL
            : e.kind === 'public_update'
              ? UPDATE_LABEL
              : (def.transitions.find((t) => t.key === e.transition)?.label ?? UPDATE_LABEL),
        state: e.toState ? (def.states[e.toState]?.label ?? null) : null,
        text,
        withheld,
        duplicateOf: transition === 'merge' && typeof p.duplicateOf === 'string' ? p.duplicateOf : null,
        body:
          transition === 'redirect' && typeof p.bodyCode === 'string'
            ? (options.bodies.get(p.bodyCode) ?? null)
            : null,
      } satisfies HistoryEntry;
    });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Public texts are shown only for public complaints, and never for dismissed ones (abuse, spam). */
export const textsArePublic = (loaded: LoadedComplaint) =>
  loaded.complaint.isPublic && loaded.caseRow.state !== 'dismissed';

async function answerClock(engine: Engine, caseId: string) {
  const [clock] = await engine.platform.db.orm
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.clockKey, 'answer')));
  return clock ?? null;
}

export async function publicView(engine: Engine, loaded: LoadedComplaint) {
  const { caseRow, complaint, category, agency, redactions } = loaded;
  const def = COMPLAINT_PROCEDURE;
  const events = await publicEvents(engine.platform.db.orm, [caseRow.id]);
  const names = await bodyNames(engine, [
    complaint.redirectBodyCode,
    ...events.map((e) => (e.payload as { bodyCode?: string }).bodyCode),
  ]);
  const refs = await referencesOf(engine, [complaint.duplicateOf]);
  const open = textsArePublic(loaded);
  const clock = await answerClock(engine, caseRow.id);
  const state = def.states[caseRow.state]!;
  const entries = history(def, events, { audience: 'public', textsPublic: open, redactions, bodies: names });
  const lastAnswer = [...entries].reverse().find((h) => h.transition === 'answer');
  const locationHidden = latestRedaction(redactions, 'location')?.hidden ?? false;
  return {
    reference: caseRow.reference ?? '',
    agency: { code: agency.code, name: { ar: agency.nameAr, fr: agency.nameFr, en: agency.nameFr } },
    category: { code: category.code, name: category.name },
    state: {
      key: caseRow.state,
      label: state.label,
      description: state.description ?? null,
      phase: state.phase,
    },
    status: open311Status(caseRow.state),
    isPublic: open,
    requestedAt: (caseRow.depositedAt ?? caseRow.createdAt).toISOString(),
    updatedAt: caseRow.updatedAt.toISOString(),
    expectedOn: clock && (clock.status === 'running' || clock.status === 'expired') ? clock.deadline : null,
    closedAt: caseRow.closedAt?.toISOString() ?? null,
    description: open ? publicText(redactions, 'description', String(caseRow.data.description ?? '')) : null,
    address: open ? publicText(redactions, 'address', complaint.address) : null,
    location:
      open && loaded.location && !locationHidden
        ? { latitude: round(loaded.location.latitude), longitude: round(loaded.location.longitude) }
        : null,
    duplicateOf: complaint.duplicateOf ? (refs.get(complaint.duplicateOf) ?? null) : null,
    redirectedTo: complaint.redirectBodyCode ? (names.get(complaint.redirectBodyCode) ?? null) : null,
    answer: lastAnswer ? { at: lastAnswer.at, text: lastAnswer.text, withheld: lastAnswer.withheld } : null,
    history: entries,
  };
}
export type PublicView = Awaited<ReturnType<typeof publicView>>;

function answersView(loaded: LoadedComplaint) {
  return loaded.category.questions
    .filter((q) => loaded.complaint.answers[q.code] !== undefined)
    .map((q) => ({
      code: q.code,
      label: q.label,
      value: loaded.complaint.answers[q.code],
      text: {
        ar: answerText(q, loaded.complaint.answers[q.code], 'ar'),
        fr: answerText(q, loaded.complaint.answers[q.code], 'fr'),
        en: answerText(q, loaded.complaint.answers[q.code], 'en'),
      },
    }));
}

async function attachmentsOf(engine: Engine, caseId: string) {
  return engine.platform.db.orm
    .select({
      id: caseDocuments.id,
      filename: caseDocuments.filename,
      mediaType: caseDocuments.mediaType,
      sizeBytes: caseDocuments.sizeBytes,
      uploadedAt: caseDocuments.uploadedAt,
      uploadedSide: caseDocuments.uploadedSide,
    })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), isNull(caseDocuments.removedAt)))
    .orderBy(asc(caseDocuments.uploadedAt));
}

/** The complainant's own view (account owner, or holder of the private link). */
export async function privateView(engine: Engine, loaded: LoadedComplaint, relation: Relation) {
  const { caseRow, complaint } = loaded;
  const db = engine.platform.db.orm;
  const def = COMPLAINT_PROCEDURE;
  const [base, events, attachments, messages, clocks] = await Promise.all([
    publicView(engine, loaded),
    publicEvents(db, [caseRow.id]),
    attachmentsOf(engine, caseRow.id),
    db
      .select()
      .from(caseMessages)
      .where(eq(caseMessages.caseId, caseRow.id))
      .orderBy(asc(caseMessages.createdAt)),
    db.select().from(caseClocks).where(eq(caseClocks.caseId, caseRow.id)),
  ]);
  const names = await bodyNames(
    engine,
    events.map((e) => (e.payload as { bodyCode?: string }).bodyCode),
  );
  const today = moroccanDate(engine.platform.now());
  const views = clockViews(def, clocks, today, await engine.calendar.get());
  const reopen = views.find((c) => c.key === 'reopen_window' && c.status === 'running');
  const entries = history(def, events, {
    audience: 'private',
    textsPublic: true,
    redactions: [],
    bodies: names,
  });
  const lastAnswer = [...entries].reverse().find((h) => h.transition === 'answer');
  return {
    ...base,
    caseId: caseRow.id,
    version: caseRow.version,
    description: String(caseRow.data.description ?? ''),
    address: complaint.address,
    location: loaded.location,
    answers: answersView(loaded),
    answer: lastAnswer ? { at: lastAnswer.at, text: lastAnswer.text, withheld: false } : null,
    history: entries,
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    messages: messages.map((m) => ({
      id: m.id,
      side: m.authorSide,
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
    actions: availableTransitions(def, caseRow, relation).map((t) => ({
      key: t.key,
      label: t.label,
      input: t.input ?? null,
    })),
    reopenUntil: reopen?.deadline ?? null,
    channel: complaint.contactChannel,
    publiclyVisible: base.isPublic,
  };
}

/** Open complaints of the same agency and category near this one (or at the same address), newest first. */
export async function suggestedDuplicates(engine: Engine, loaded: LoadedComplaint) {
  const { caseRow, complaint } = loaded;
  const near = loaded.location
    ? sql`ST_DWithin(c.location::geography, ST_SetSRID(ST_MakePoint(${loaded.location.longitude}, ${loaded.location.latitude}), 4326)::geography, 300)`
    : complaint.address
      ? sql`lower(c.address) = lower(${complaint.address})`
      : sql`false`;
  const distance = loaded.location
    ? sql`round(ST_Distance(c.location::geography, ST_SetSRID(ST_MakePoint(${loaded.location.longitude}, ${loaded.location.latitude}), 4326)::geography))::int`
    : sql`null::int`;
  return rows<{
    case_id: string;
    reference: string;
    state: string;
    deposited_at: Date | string;
    distance: number | null;
  }>(
    engine.platform.db.orm,
    sql`select c.case_id, k.reference, k.state, k.deposited_at, ${distance} as distance
        from complaints c join cases k on k.id = c.case_id
        where c.agency_id = ${complaint.agencyId} and c.category_id = ${complaint.categoryId}
          and c.case_id <> ${caseRow.id} and k.phase = 'open' and k.reference is not null
          and c.duplicate_of is null and ${near}
          and k.deposited_at > ${caseRow.createdAt}::timestamptz - interval '90 days'
        order by k.deposited_at desc limit 10`,
  );
}

/** The staff's page: the engine's case view, the complaint, moderation and what the public sees. */
export async function staffView(engine: Engine, loaded: LoadedComplaint, relation: Relation) {
  const { caseRow, complaint, category } = loaded;
  const db = engine.platform.db.orm;
  const [generic, preview, duplicates, mergedHere, moderators] = await Promise.all([
    caseView(engine, caseRow, relation),
    publicView(engine, loaded),
    suggestedDuplicates(engine, loaded),
    db
      .select({ id: cases.id, reference: cases.reference })
      .from(complaints)
      .innerJoin(cases, eq(cases.id, complaints.caseId))
      .where(and(eq(complaints.duplicateOf, caseRow.id), ne(cases.id, caseRow.id))),
    loaded.redactions.length
      ? db
          .select({ id: users.id, fullName: users.fullName })
          .from(users)
          .where(inArray(users.id, [...new Set(loaded.redactions.map((r) => r.redactedBy))]))
      : Promise.resolve([]),
  ]);
  const contact = caseRow.applicantContact;
  let applicant: {
    name: string;
    email: string | null;
    phone: string | null;
    account: boolean;
    locale: 'ar' | 'fr' | 'en';
  } = {
    name: contact?.name ?? '',
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    account: false,
    locale: contact?.locale ?? 'ar',
  };
  if (caseRow.applicantUserId) {
    const [user] = await db.select().from(users).where(eq(users.id, caseRow.applicantUserId));
    applicant = {
      name: user?.fullName ?? '',
      email: user?.email ?? null,
      phone: complaint.contactPhone ?? user?.phone ?? null,
      account: true,
      locale: user?.locale ?? 'ar',
    };
  }
  const refs = await referencesOf(engine, [complaint.duplicateOf]);
  return {
    case: generic,
    complaint: {
      caseId: caseRow.id,
      agencyId: caseRow.agencyId,
      reference: caseRow.reference,
      category: {
        code: category.code,
        name: category.name,
        isPublic: category.isPublic,
        answerDays: category.answerDays,
      },
      priority: complaint.priority,
      unit: complaint.unit,
      isPublic: complaint.isPublic,
      source: complaint.source,
      description: String(caseRow.data.description ?? ''),
      address: complaint.address,
      location: loaded.location,
      answers: answersView(loaded),
      applicant,
      channel: complaint.contactChannel,
      duplicateOf: complaint.duplicateOf
        ? { id: complaint.duplicateOf, reference: refs.get(complaint.duplicateOf) ?? '' }
        : null,
      merged: mergedHere.map((m) => ({ id: m.id, reference: m.reference ?? '' })),
      redirectBodyCode: complaint.redirectBodyCode,
      mediaUrl: complaint.mediaUrl,
    },
    redactions: loaded.redactions.map((r) => ({
      id: r.id,
      target: r.target,
      publicText: r.publicText,
      hidden: r.hidden,
      reason: r.reason,
      by: moderators.find((m) => m.id === r.redactedBy)?.fullName ?? '',
      at: r.redactedAt.toISOString(),
    })),
    publicPreview: preview,
    suggestedDuplicates: duplicates.map((d) => ({
      caseId: d.case_id,
      reference: d.reference,
      state: d.state,
      depositedAt: new Date(d.deposited_at).toISOString(),
      distanceMeters: d.distance === null ? null : Number(d.distance),
    })),
    genericCaseUrl: `/back-office/cases/${caseRow.id}`,
  };
}

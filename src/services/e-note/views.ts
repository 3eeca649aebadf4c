// What each side reads of a note. The applicant sees the parcel, whether the draft is ready, and the
// content once it is signed; staff see the automatic draft, the amendments, the diff between them, the
// hashes (current, reviewed, signed) and the history. The staff list is the queue of notes by deadline.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { issuedDocuments } from '../../documents/tables.ts';
import { loadCase } from '../../engine/case-access.ts';
import { clockViews } from '../../engine/clock-store.ts';
import { moroccanDate } from '../../engine/clocks.ts';
import type { Engine } from '../../engine/engine.ts';
import { caseClocks, cases } from '../../engine/tables.ts';
import { mainClock } from '../../engine/use-cases/view-cases.ts';
import { CRS_REGISTRY, type CrsCode } from '../../geo/crs.ts';
import { rows } from '../../platform/db/database.ts';
import { agencies, users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, type AgencyScope, inScope } from '../../platform/tenancy/actor.ts';
import { applyAmendments, contentHash, diffFromAutomatic } from './content.ts';
import { E_NOTE } from './procedure.ts';
import { enoteNotes, enoteRevisions, type NoteRow } from './tables.ts';
import './problems.ts';

async function parcelOf(engine: Engine, note: NoteRow) {
  const [geo] = await rows<{ g: string; lon: number; lat: number }>(
    engine.platform.db.orm,
    sql`select ST_AsGeoJSON(parcel, 9) as g, ST_X(ST_PointOnSurface(parcel)) as lon, ST_Y(ST_PointOnSurface(parcel)) as lat
        from enote_notes where case_id = ${note.caseId}::uuid`,
  );
  return {
    source: note.parcelSource,
    inputCrs: note.inputCrs,
    crsName: CRS_REGISTRY[note.inputCrs as CrsCode]?.name ?? note.inputCrs,
    swapped: note.swapped,
    areaM2: note.areaM2,
    geometry: geo ? JSON.parse(geo.g) : null,
    centroid: geo ? [Number(geo.lon), Number(geo.lat)] : null,
    landTitle: note.landTitleNumber ? { kind: note.landTitleKind, number: note.landTitleNumber } : null,
  };
}

async function documentOf(engine: Engine, documentId: string | null) {
  if (!documentId) return null;
  const [d] = await engine.platform.db.orm
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.id, documentId));
  if (!d) return null;
  return {
    id: d.id,
    number: d.number,
    status: d.status,
    verificationCode: d.verificationCode,
    ready: d.status !== 'pending',
    sha256: d.sha256,
    downloadUrl: `/api/documents/${d.id}/file`,
  };
}

/** The note as its applicant sees it (or staff of its agency, through the same route). */
export async function applicantNoteView(engine: Engine, actor: Actor, caseId: string) {
  const { caseRow } = await loadCase(engine.platform.db.orm, actor, caseId);
  if (caseRow.procedureCode !== E_NOTE.code) throw new AppError('enote.note_not_found');
  const [note] = await engine.platform.db.orm.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseId));
  if (!note) return { caseId, parcel: null, draftReady: false, content: null, document: null };
  const delivered = caseRow.state === 'delivered';
  return {
    caseId,
    parcel: await parcelOf(engine, note),
    draftReady: note.automaticAt !== null,
    content: delivered && note.automatic ? applyAmendments(note.automatic, note.amendments) : null,
    document: delivered ? await documentOf(engine, note.documentId) : null,
  };
}

/** The note as staff review it: the draft, what was changed, the hashes, the history. */
export async function staffNoteView(engine: Engine, actor: Actor, caseId: string) {
  const db = engine.platform.db.orm;
  const { caseRow, relation } = await loadCase(db, actor, caseId, { side: 'staff' });
  if (caseRow.procedureCode !== E_NOTE.code) throw new AppError('enote.note_not_found');
  const [note] = await db.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseId));
  if (!note) throw new AppError('enote.note_not_found');
  const content = note.automatic ? applyAmendments(note.automatic, note.amendments) : null;
  const revisions = await db
    .select({
      id: enoteRevisions.id,
      kind: enoteRevisions.kind,
      contentSha256: enoteRevisions.contentSha256,
      reason: enoteRevisions.reason,
      at: enoteRevisions.at,
      actorName: users.fullName,
    })
    .from(enoteRevisions)
    .leftJoin(users, eq(users.id, enoteRevisions.actorUserId))
    .where(eq(enoteRevisions.caseId, caseId))
    .orderBy(asc(enoteRevisions.id));
  const people = [note.reviewedBy, note.signedBy].filter((x): x is string => Boolean(x));
  const names = new Map(
    (people.length
      ? await db
          .select({ id: users.id, fullName: users.fullName })
          .from(users)
          .where(inArray(users.id, people))
      : []
    ).map((u) => [u.id, u.fullName]),
  );
  return {
    caseId,
    reference: caseRow.reference,
    state: caseRow.state,
    version: caseRow.version,
    canAmend:
      caseRow.state === 'review' && (relation.roles.has('instructor') || relation.roles.has('director')),
    parcel: await parcelOf(engine, note),
    automatic: note.automatic,
    automaticSha256: note.automaticSha256,
    automaticAt: note.automaticAt?.toISOString() ?? null,
    amendments: note.amendments,
    content,
    contentSha256: content ? contentHash(content) : null,
    editVersion: note.editVersion,
    diff: note.automatic ? diffFromAutomatic(note.automatic, note.amendments) : [],
    review: note.reviewedSha256
      ? {
          sha256: note.reviewedSha256,
          by: names.get(note.reviewedBy ?? '') ?? null,
          at: note.reviewedAt?.toISOString() ?? null,
        }
      : null,
    signature: note.signedSha256
      ? {
          sha256: note.signedSha256,
          by: names.get(note.signedBy ?? '') ?? null,
          at: note.signedAt?.toISOString() ?? null,
        }
      : null,
    document: await documentOf(engine, note.documentId),
    issueCount: note.issueCount,
    revisions: revisions.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

export type NoteListFilter = { state?: string; limit: number; offset: number };

/** The notes of the caller's agencies, earliest legal deadline first, with what bulk signature needs. */
export async function listNotes(engine: Engine, scope: AgencyScope, filter: NoteListFilter) {
  const db = engine.platform.db.orm;
  const deadline = sql`(select min(k.deadline) from case_clocks k where k.case_id = ${cases.id} and k.status in ('running','paused'))`;
  const where = and(
    eq(cases.procedureCode, E_NOTE.code),
    inScope(cases.agencyId, scope),
    filter.state ? eq(cases.state, filter.state) : sql`${cases.phase} = 'open'`,
  );
  const [found, total] = await Promise.all([
    db
      .select({ c: cases, n: enoteNotes, agencyCode: agencies.code })
      .from(cases)
      .innerJoin(enoteNotes, eq(enoteNotes.caseId, cases.id))
      .innerJoin(agencies, eq(agencies.id, cases.agencyId))
      .where(where)
      .orderBy(sql`${deadline} asc nulls last`, asc(cases.depositedAt), desc(cases.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(enoteNotes, eq(enoteNotes.caseId, cases.id))
      .where(where),
  ]);
  const ids = found.map((f) => f.c.id);
  const clocks = ids.length ? await db.select().from(caseClocks).where(inArray(caseClocks.caseId, ids)) : [];
  const today = moroccanDate(engine.platform.now());
  const calendar = await engine.calendar.get();
  return {
    total: Number(total[0]?.n ?? 0),
    items: found.map(({ c, n, agencyCode }) => ({
      id: c.id,
      reference: c.reference,
      agencyCode,
      state: {
        key: c.state,
        label: E_NOTE.states[c.state]?.label ?? { ar: c.state, fr: c.state, en: c.state },
      },
      version: c.version,
      depositedAt: c.depositedAt?.toISOString() ?? null,
      clock: mainClock(
        clockViews(
          E_NOTE,
          clocks.filter((k) => k.caseId === c.id),
          today,
          calendar,
        ),
      ),
      landTitle: n.landTitleNumber ? { kind: n.landTitleKind, number: n.landTitleNumber } : null,
      areaM2: n.areaM2,
      zones: n.automatic ? n.automatic.zones.filter((z) => !z.excluded).map((z) => z.zoneCode) : [],
      variant: n.automatic?.variant ?? null,
      warnings: n.automatic?.warnings.map((w) => w.code) ?? [],
      corrections: n.amendments.corrections.length,
      observations: n.amendments.observations.length,
      reviewedSha256: n.reviewedSha256,
    })),
  };
}

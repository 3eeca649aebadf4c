// The automatic draft (النسخة الأولية الآلية): once the fee is paid, an outbox job overlays the parcel
// on the agency's plans in force today (geo/overlay.ts, areas in the Lambert plane by PostGIS), turns
// the result into the note's content, stores it with its SHA-256 and moves the case on to review, in
// one transaction. The overlay runs before that transaction; the job is idempotent (a case no longer
// waiting for its draft is left alone).
import { and, eq, isNull } from 'drizzle-orm';
import { moroccanDate } from '../../engine/clocks.ts';
import type { Engine } from '../../engine/engine.ts';
import { cases } from '../../engine/tables.ts';
import { applyTransitionIn } from '../../engine/use-cases/apply-transition.ts';
import type { CrsCode } from '../../geo/crs.ts';
import { overlayParcel } from '../../geo/overlay.ts';
import type { Geometry } from '../../geo/types.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { OutboxJob } from '../../platform/outbox/outbox.ts';
import { applyAmendments, automaticContent, contentHash, type NoteContent } from './content.ts';
import { enoteNotes, enoteRevisions, type NoteRow } from './tables.ts';

export const DRAFT_TOPIC = 'enote.draft';
export const AWAITING_DRAFT = 'paid';

/** The note's automatic content for a parcel, from the plans of its agency in force on `at`. */
export async function draftContent(engine: Engine, note: NoteRow, at: string): Promise<NoteContent> {
  const overlay = await overlayParcel(engine.platform.db.orm, {
    agencyId: note.agencyId,
    geometry: note.parcelInput as unknown as Geometry,
    crs: note.inputCrs as CrsCode,
    at,
  });
  return automaticContent({
    overlay,
    source: note.parcelSource,
    landTitle:
      note.landTitleKind && note.landTitleNumber
        ? {
            kind: note.landTitleKind,
            number: note.landTitleNumber,
            display:
              note.landTitleKind === 'requisition'
                ? { fr: `Réq. n° ${note.landTitleNumber}`, ar: `مطلب التحفيظ رقم ${note.landTitleNumber}` }
                : { fr: `TF n° ${note.landTitleNumber}`, ar: `الرسم العقاري رقم ${note.landTitleNumber}` },
          }
        : null,
  });
}

/** Computes and stores the automatic draft of a paid case, then fires `draft_ready`. */
export async function prepareDraft(engine: Engine, caseId: string): Promise<'drafted' | 'skipped'> {
  const db = engine.platform.db;
  const [caseRow] = await db.orm.select().from(cases).where(eq(cases.id, caseId));
  const [note] = await db.orm.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseId));
  if (!caseRow || !note || caseRow.state !== AWAITING_DRAFT) return 'skipped';
  const now = engine.platform.now();
  const automatic = note.automatic ?? (await draftContent(engine, note, moroccanDate(now)));
  const automaticSha256 = contentHash(automatic);
  const content = contentHash(applyAmendments(automatic, note.amendments));
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    if (locked?.state !== AWAITING_DRAFT) return 'skipped';
    const audit = { actor: { kind: 'system' as const, label: 'e-note' } };
    const stored = await tx
      .update(enoteNotes)
      .set({ automatic, automaticSha256, automaticAt: now, contentSha256: content, updatedAt: now })
      .where(and(eq(enoteNotes.caseId, caseId), isNull(enoteNotes.automaticAt)))
      .returning({ caseId: enoteNotes.caseId });
    if (stored.length) {
      await tx
        .insert(enoteRevisions)
        .values({ caseId, kind: 'automatic', contentSha256: automaticSha256, at: now });
      await appendAudit(
        tx,
        audit,
        {
          action: 'enote.drafted',
          objectType: 'case',
          objectId: caseId,
          agencyId: locked.agencyId,
          summary: {
            sha256: automaticSha256,
            at: automatic.at,
            zones: automatic.zones.length,
            plans: automatic.plans.map((p) => p.versionId),
            warnings: automatic.warnings.map((w) => w.code),
          },
        },
        now,
      );
    }
    await applyTransitionIn(engine, tx, audit, { caseId, transition: 'draft_ready' }, undefined);
    return 'drafted';
  });
}

export const draftHandler =
  (engine: Engine) =>
  async (job: OutboxJob): Promise<void> => {
    const caseId = job.payload.caseId;
    if (typeof caseId !== 'string') throw new Error('enote.draft job without caseId');
    await prepareDraft(engine, caseId);
  };

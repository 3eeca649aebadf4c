// An agent amends a note under review: corrections of the values judgement may change (each with a
// reason) and observations. The automatic draft itself never changes; the content is recomputed and
// re-hashed, and every amendment is kept (enote_revisions). A stale edit (another agent saved first)
// is refused rather than lost.
import { and, eq } from 'drizzle-orm';
import { loadCase } from '../../../engine/case-access.ts';
import type { Engine } from '../../../engine/engine.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/tenancy/actor.ts';
import { type Amendments, applyAmendments, checkAmendments, contentHash } from '../content.ts';
import { enoteNotes, enoteRevisions, type NoteRow } from '../tables.ts';
import '../problems.ts';

export const AMENDABLE_STATE = 'review';

export async function amendNote(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; editVersion: number; amendments: Amendments },
): Promise<NoteRow> {
  const now = engine.platform.now();
  return engine.platform.db.transaction(async (tx) => {
    const { caseRow, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      side: 'staff',
      forUpdate: true,
    });
    if (caseRow.procedureCode !== 'NRU') throw new AppError('enote.note_not_found');
    if (!relation.roles.has('instructor') && !relation.roles.has('director'))
      throw new AppError('case.transition_not_allowed', {
        params: { transition: 'amend', state: caseRow.state },
      });
    if (caseRow.state !== AMENDABLE_STATE) throw new AppError('enote.not_editable');
    const [note] = await tx.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseRow.id)).for('update');
    if (!note) throw new AppError('enote.note_not_found');
    if (!note.automatic) throw new AppError('enote.draft_not_ready');
    if (note.editVersion !== input.editVersion)
      throw new AppError('enote.stale_edit', { extensions: { editVersion: note.editVersion } });
    checkAmendments(note.automatic, input.amendments);
    const sha256 = contentHash(applyAmendments(note.automatic, input.amendments));
    const [saved] = await tx
      .update(enoteNotes)
      .set({
        amendments: input.amendments,
        contentSha256: sha256,
        editVersion: note.editVersion + 1,
        updatedAt: now,
      })
      .where(and(eq(enoteNotes.caseId, note.caseId), eq(enoteNotes.editVersion, note.editVersion)))
      .returning();
    if (!saved) throw new AppError('enote.stale_edit');
    const userId = audit.actor.kind === 'user' ? audit.actor.userId : null;
    await tx.insert(enoteRevisions).values({
      caseId: note.caseId,
      kind: 'amended',
      contentSha256: sha256,
      amendments: input.amendments,
      actorUserId: userId,
      at: now,
    });
    await appendAudit(
      tx,
      audit,
      {
        action: 'enote.amended',
        objectType: 'case',
        objectId: note.caseId,
        agencyId: caseRow.agencyId,
        summary: {
          sha256,
          corrections: input.amendments.corrections.map((c) => c.path),
          observations: input.amendments.observations.length,
        },
      },
      now,
    );
    return saved;
  });
}

// The e-note service in the engine's transactions: the deposit needs an identified parcel (and a land
// title consistent with the land status), the payment queues the automatic draft, the instructor's
// submission records the hash of the reviewed content, the signature records what was signed.
import { and, eq } from 'drizzle-orm';
import { issuedDocuments } from '../../documents/tables.ts';
import type { Engine, TransitionEvent } from '../../engine/engine.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueue, type OutboxWorker } from '../../platform/outbox/outbox.ts';
import { applyAmendments, contentHash } from './content.ts';
import { AWAITING_DRAFT, DRAFT_TOPIC, draftHandler } from './draft.ts';
import { parseLandTitle } from './land-title.ts';
import { noteSourceKey } from './note-document.ts';
import { landTitleProblem } from './parcel.ts';
import { E_NOTE } from './procedure.ts';
import { enoteNotes, enoteRevisions } from './tables.ts';
import './problems.ts';

const short = (sha: string) => `${sha.slice(0, 8)}…`;

async function onDeposit(event: TransitionEvent): Promise<void> {
  const { tx, after: c, now } = event;
  const [note] = await tx.select().from(enoteNotes).where(eq(enoteNotes.caseId, c.id)).for('update');
  if (!note) throw new AppError('enote.parcel_missing');
  const status = c.data.land_status;
  const typed = typeof c.data.land_title === 'string' ? c.data.land_title : '';
  if (status === 'unregistered' && !typed.trim()) return;
  const parsed = parseLandTitle(typed);
  if (!parsed.ok) {
    const problem = landTitleProblem(parsed.error);
    throw new AppError(problem.code, {
      fields: [{ pointer: '/data/land_title', in: 'body', code: parsed.error }],
    });
  }
  const expected = status === 'requisition' ? 'requisition' : status === 'titled' ? 'titre_foncier' : null;
  if (expected && parsed.title.kind !== expected)
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/data/land_status', in: 'body', code: 'enum' }],
    });
  if (
    note.landTitleNumber &&
    note.parcelSource === 'title' &&
    note.landTitleNumber !== parsed.title.normalized
  )
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/data/land_title', in: 'body', code: 'const' }],
    });
  await tx
    .update(enoteNotes)
    .set({ landTitleKind: parsed.title.kind, landTitleNumber: parsed.title.normalized, updatedAt: now })
    .where(eq(enoteNotes.caseId, c.id));
}

async function onSubmit(event: TransitionEvent): Promise<void> {
  const { tx, after: c, audit, input, now } = event;
  const [note] = await tx.select().from(enoteNotes).where(eq(enoteNotes.caseId, c.id)).for('update');
  if (!note?.automatic) throw new AppError('enote.draft_not_ready');
  const sha256 = contentHash(applyAmendments(note.automatic, note.amendments));
  const shown = typeof input.contentSha256 === 'string' ? input.contentSha256 : '';
  if (shown !== sha256)
    throw new AppError('enote.content_changed', {
      params: { given: short(shown || '∅∅∅∅∅∅∅∅'), reviewed: short(sha256) },
      extensions: { contentSha256: sha256 },
    });
  const userId = audit.actor.kind === 'user' ? audit.actor.userId : null;
  await tx
    .update(enoteNotes)
    .set({
      reviewedSha256: sha256,
      reviewedBy: userId,
      reviewedAt: now,
      contentSha256: sha256,
      updatedAt: now,
    })
    .where(eq(enoteNotes.caseId, c.id));
  await tx.insert(enoteRevisions).values({
    caseId: c.id,
    kind: 'reviewed',
    contentSha256: sha256,
    amendments: note.amendments,
    actorUserId: userId,
    at: now,
  });
}

async function onReturn(event: TransitionEvent): Promise<void> {
  const { tx, after: c, now } = event;
  await tx
    .update(enoteNotes)
    .set({ reviewedSha256: null, reviewedBy: null, reviewedAt: null, updatedAt: now })
    .where(eq(enoteNotes.caseId, c.id));
}

async function onSign(event: TransitionEvent): Promise<void> {
  const { tx, after: c, audit, now } = event;
  const [note] = await tx.select().from(enoteNotes).where(eq(enoteNotes.caseId, c.id)).for('update');
  if (!note?.reviewedSha256) throw new AppError('enote.content_changed');
  const issue = note.issueCount + 1;
  // The producer (note-document.ts) registered the note in this transaction.
  const [document] = await tx
    .select({ id: issuedDocuments.id, number: issuedDocuments.number })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.sourceKey, noteSourceKey(c.id, issue)));
  const userId = audit.actor.kind === 'user' ? audit.actor.userId : null;
  await tx
    .update(enoteNotes)
    .set({
      signedSha256: note.reviewedSha256,
      signedBy: userId,
      signedAt: now,
      documentId: document?.id ?? null,
      issueCount: issue,
      updatedAt: now,
    })
    .where(and(eq(enoteNotes.caseId, c.id), eq(enoteNotes.reviewedSha256, note.reviewedSha256)));
  await tx.insert(enoteRevisions).values({
    caseId: c.id,
    kind: 'signed',
    contentSha256: note.reviewedSha256,
    actorUserId: userId,
    at: now,
  });
  await appendAudit(
    tx,
    audit,
    {
      action: 'enote.signed',
      objectType: 'case',
      objectId: c.id,
      agencyId: c.agencyId,
      summary: { reference: c.reference, sha256: note.reviewedSha256, document: document?.number ?? null },
    },
    now,
  );
}

/** The engine hook (runtime.ts): runs inside every transition's transaction, for NRU cases only. */
export function eNoteTransitionHook(_engine: Engine) {
  return async (event: TransitionEvent): Promise<void> => {
    if (event.definition.code !== E_NOTE.code) return;
    switch (event.transition.key) {
      case 'deposit':
        return onDeposit(event);
      case 'submit':
        return onSubmit(event);
      case 'return_to_review':
        return onReturn(event);
      case 'sign':
        return onSign(event);
    }
    if (event.transition.to === AWAITING_DRAFT) {
      await enqueue(event.tx, {
        topic: DRAFT_TOPIC,
        payload: { caseId: event.after.id },
        dedupeKey: `case:${event.after.id}:enote-draft`,
      });
    }
  };
}

/** The service as the runtime starts it: its engine hook, its outbox job, and its own case page. */
export function startENote(input: { engine: Engine; worker: OutboxWorker }): void {
  const { engine } = input;
  engine.hooks.afterTransition.push(eNoteTransitionHook(engine));
  // Notifications and mails take the applicant to the note's page rather than the generic one.
  engine.hooks.applicantLinks[E_NOTE.code] = async (_tx, caseRow) =>
    caseRow.applicantUserId ? `${engine.platform.config.http.publicUrl}/e-note/${caseRow.id}` : undefined;
  input.worker.register(DRAFT_TOPIC, draftHandler(engine));
}

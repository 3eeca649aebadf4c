// The signed note: produced by the director's `sign` transition. Inside that transaction the content
// is recomputed from the automatic draft and its amendments and hashed; the signature goes ahead only
// if that hash, the hash the instructor submitted and the hash the director was shown are the same
// (ADR 21). The registry then renders and signs it after commit: instructor, director, agency seal.
import { eq } from 'drizzle-orm';
import { applicantOf, type DocumentProducer } from '../../documents/hooks.ts';
import type { DocumentSpec } from '../../documents/registry.ts';
import type { PlannedSignatory } from '../../documents/tables.ts';
import { moroccanDate } from '../../engine/clocks.ts';
import type { Orm } from '../../platform/db/database.ts';
import { users } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { applyAmendments, contentHash, type NoteContent } from './content.ts';
import { NOTE_TITLE, noteView } from './note-view.ts';
import { enoteNotes, type NoteRow } from './tables.ts';
import './problems.ts';

export const NOTE_DOCUMENT_TYPE = 'information_note';
export const NOTE_SERIES = 'NOTE';
export const noteSourceKey = (caseId: string, issue: number) => `case:${caseId}:information_note:${issue}`;

const short = (sha: string) => (sha ? `${sha.slice(0, 8)}…` : '∅');

/** The content to sign, refused unless it is exactly the reviewed one and the one shown to the signer. */
export function contentToSign(note: NoteRow, shownSha256: string): { content: NoteContent; sha256: string } {
  if (!note.automatic) throw new AppError('enote.draft_not_ready');
  const content = applyAmendments(note.automatic, note.amendments);
  const sha256 = contentHash(content);
  const reviewed = note.reviewedSha256 ?? '';
  if (!reviewed || sha256 !== reviewed || shownSha256 !== reviewed) {
    throw new AppError('enote.content_changed', {
      params: { given: short(shownSha256), reviewed: short(reviewed) },
      extensions: { contentSha256: sha256, reviewedSha256: reviewed || null },
    });
  }
  return { content, sha256 };
}

async function person(tx: Orm, userId: string | null) {
  if (!userId) return null;
  const [u] = await tx
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId));
  return u ?? null;
}

/** Who signs a note: the instructor who reviewed it (if not the director), the director, the seal. */
export async function noteSignatories(
  tx: Orm,
  note: Pick<NoteRow, 'reviewedBy'>,
  director: { userId: string; fullName: string },
): Promise<PlannedSignatory[]> {
  const reviewer = await person(tx, note.reviewedBy);
  const list: PlannedSignatory[] = [];
  if (reviewer && reviewer.id !== director.userId)
    list.push({
      holder: 'user',
      userId: reviewer.id,
      role: 'instructor',
      nameLatin: reviewer.fullName,
      nameArabic: reviewer.fullName,
    });
  list.push(
    {
      holder: 'user',
      userId: director.userId,
      role: 'agency-director',
      nameLatin: director.fullName,
      nameArabic: director.fullName,
    },
    { holder: 'seal' },
  );
  return list;
}

/** The registry's spec of a note: its content, signatories, mail, and the note it replaces if any. */
export async function noteSpec(
  event: Pick<Parameters<DocumentProducer>[0], 'tx' | 'after'>,
  input: {
    note: NoteRow;
    content: NoteContent;
    director: { userId: string; fullName: string };
    supersedes?: { id: string; number: string } | null;
  },
): Promise<DocumentSpec> {
  const c = event.after;
  const applicant = await applicantOf(event);
  const signatories = await noteSignatories(event.tx, input.note, input.director);
  const requestedOn = moroccanDate(c.depositedAt ?? c.createdAt);
  return {
    type: NOTE_DOCUMENT_TYPE,
    series: NOTE_SERIES,
    title: NOTE_TITLE,
    template: 'information-note',
    agencyId: c.agencyId,
    caseId: c.id,
    recipientUserId: applicant.userId,
    sourceKey: noteSourceKey(c.id, input.note.issueCount + 1),
    signatories,
    data: (context) =>
      noteView({
        agency: context.agency,
        reference: context.number,
        issuedOn: context.issuedOn,
        verification: context.verification,
        specimen: context.specimen,
        ...(context.supersedes ? { supersedes: context.supersedes } : {}),
        content: input.content,
        caseReference: c.reference ?? '',
        requestedOn,
        applicant: applicant.name,
        signatories: context.signatories,
      }),
    delivery: applicant.email
      ? { to: applicant.email, locale: applicant.locale, vars: { name: applicant.name } }
      : null,
    supersedes: input.supersedes ?? null,
  };
}

/** Producer of the `sign` transition (DOCUMENT_PRODUCERS.information_note). */
export const informationNoteProducer: DocumentProducer = async (event) => {
  const { tx, after: c, audit, input } = event;
  if (audit.actor.kind !== 'user') return null;
  const [note] = await tx.select().from(enoteNotes).where(eq(enoteNotes.caseId, c.id)).for('update');
  if (!note) throw new AppError('enote.note_not_found');
  const { content } = contentToSign(note, typeof input.contentSha256 === 'string' ? input.contentSha256 : '');
  return noteSpec(event, {
    note,
    content,
    director: { userId: audit.actor.userId, fullName: audit.actor.fullName },
  });
};

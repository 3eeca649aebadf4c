// Bulk signature by the director: each note goes through its own `sign` transition (its own
// transaction, hash checks and registration), then is rendered and PAdES-signed at once with the
// director's certificate. One note failing (changed since review, stale, another agency's) does not
// stop the others; each result says what happened to that note.
import { eq } from 'drizzle-orm';
import { type DocumentService, renderRegisteredDocument } from '../../../documents/registry.ts';
import type { Engine } from '../../../engine/engine.ts';
import { applyTransition } from '../../../engine/use-cases/apply-transition.ts';
import type { AuditContext } from '../../../platform/audit/audit-log.ts';
import { isAppError, problemDefinition } from '../../../platform/errors.ts';
import { interpolate, type Locale } from '../../../platform/i18n/locale.ts';
import { enoteNotes } from '../tables.ts';

export type SignItem = { caseId: string; version: number; contentSha256: string };

export type LocalizedProblem = { code: string; status: number; title: string; detail?: string };

export type SignResult =
  | {
      caseId: string;
      reference: string | null;
      status: 'signed';
      document: {
        id: string;
        number: string;
        verificationCode: string;
        ready: boolean;
        sha256: string | null;
        signatures: number;
      } | null;
      renderProblem?: LocalizedProblem;
    }
  | { caseId: string; status: 'failed'; problem: LocalizedProblem };

export function localizedProblem(error: unknown, locale: Locale): LocalizedProblem {
  const code = isAppError(error) ? error.code : 'internal.error';
  const definition = problemDefinition(code) ?? problemDefinition('internal.error');
  const problem: LocalizedProblem = {
    code,
    status: definition?.status ?? 500,
    title: definition?.title[locale] ?? code,
  };
  if (definition?.detail)
    problem.detail = interpolate(definition.detail[locale], isAppError(error) ? error.params : {});
  return problem;
}

export async function signNotes(
  engine: Engine,
  documents: DocumentService,
  audit: AuditContext,
  input: { items: SignItem[]; locale: Locale },
): Promise<SignResult[]> {
  const results: SignResult[] = [];
  for (const item of input.items) {
    let signed: { reference: string | null; documentId: string | null };
    try {
      const caseRow = await applyTransition(engine, audit, {
        caseId: item.caseId,
        transition: 'sign',
        version: item.version,
        input: { contentSha256: item.contentSha256 },
      });
      const [note] = await engine.platform.db.orm
        .select({ documentId: enoteNotes.documentId })
        .from(enoteNotes)
        .where(eq(enoteNotes.caseId, item.caseId));
      signed = { reference: caseRow.reference, documentId: note?.documentId ?? null };
    } catch (error) {
      if (!isAppError(error))
        engine.platform.log.error({ err: error, caseId: item.caseId }, 'bulk signature failed');
      results.push({ caseId: item.caseId, status: 'failed', problem: localizedProblem(error, input.locale) });
      continue;
    }
    // The act is committed; render and sign the PDF now (the outbox job would, and will retry if this fails).
    try {
      const document = signed.documentId
        ? await renderRegisteredDocument(documents, signed.documentId)
        : undefined;
      results.push({
        caseId: item.caseId,
        reference: signed.reference,
        status: 'signed',
        document: document
          ? {
              id: document.id,
              number: document.number,
              verificationCode: document.verificationCode,
              ready: document.status !== 'pending',
              sha256: document.sha256,
              signatures: document.signers.length,
            }
          : null,
      });
    } catch (error) {
      engine.platform.log.warn(
        { err: error, caseId: item.caseId },
        'note signed, PDF rendering deferred to the outbox',
      );
      results.push({
        caseId: item.caseId,
        reference: signed.reference,
        status: 'signed',
        document: null,
        renderProblem: localizedProblem(error, input.locale),
      });
    }
  }
  return results;
}

// Filing a complaint, from the web (a signed-in person, or a visitor with a confirmed contact) or from
// a partner system (Open311). Everything a person can get wrong is checked before anything is
// written — category, questions, place, attachments, contact — and reported together. Then the case
// is created, the complaint row written, attachments stored, and the complaint submitted (reference
// number and receipt) in one last transaction with the receipt message.
import { and, eq, sql } from 'drizzle-orm';
import type { Engine } from '../../../engine/engine.ts';
import type { ApplicantContact } from '../../../engine/tables.ts';
import { caseClocks } from '../../../engine/tables.ts';
import { applyTransitionIn } from '../../../engine/use-cases/apply-transition.ts';
import { type Applicant, createCase } from '../../../engine/use-cases/create-case.ts';
import { uploadDocument } from '../../../engine/use-cases/upload-document.ts';
import type { AuditContext } from '../../../platform/audit/audit-log.ts';
import { sniffMediaType } from '../../../platform/blobs/sniff.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { hitRateLimit } from '../../../platform/security/rate-limit.ts';
import { normalizePhone } from '../contact.ts';
import { ownerPath, privatePath, sealTracking } from '../links.ts';
import { isInMorocco } from '../morocco.ts';
import { sendReceipt } from '../notify.ts';
import '../problems.ts';
import {
  ATTACHMENT_CODE,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  COMPLAINT_PROCEDURE_CODE,
  MAX_ATTACHMENTS,
} from '../procedure.ts';
import { checkAnswers } from '../questions.ts';
import { type CategoryRow, complaints } from '../tables.ts';
import { agencyByCode, findCategory } from './manage-categories.ts';
import { consumeProof, peekProof } from './verify-contact.ts';

export type Attachment = { filename: string; bytes: Buffer };

export type Filer =
  | { kind: 'user'; userId: string; accountType: 'citizen' | 'professional' | 'staff'; phone: string | null }
  /** A visitor with the proof of a confirmed contact. */
  | { kind: 'visitor'; proof: string | undefined }
  /** A partner system (Open311): its api token, and the contact it vouches for. */
  | { kind: 'partner'; apiTokenId: string; contact: ApplicantContact };

export type FilingRequest = {
  agencyCode: string;
  category?: string | undefined;
  description: string;
  answers?: Record<string, unknown> | undefined;
  address?: string | undefined;
  location?: { latitude: number; longitude: number } | null | undefined;
  contact?:
    | { name?: string | undefined; channel?: 'email' | 'sms' | undefined; phone?: string | undefined }
    | undefined;
  mediaUrl?: string | undefined;
  locale: Locale;
  attachments?: Attachment[];
};

export type FiledComplaint = {
  id: string;
  reference: string;
  deadline: string | null;
  /** For visitors and partners: the private tracking link's token, shown once. */
  trackingToken?: string;
  trackingUrl: string;
  category: CategoryRow;
};

const megabytes = (n: number) => `${Math.round(n / 1_048_576)} MB`;

/** Check attachments (count, size, content type sniffed from the bytes) before anything is stored. */
async function checkAttachments(files: Attachment[]) {
  if (files.length > MAX_ATTACHMENTS) throw new AppError('upload.too_many_files');
  for (const [i, file] of files.entries()) {
    if (file.bytes.length === 0) throw new AppError('upload.missing_file');
    if (file.bytes.length > ATTACHMENT_MAX_BYTES)
      throw new AppError('upload.too_large', {
        params: { max: megabytes(ATTACHMENT_MAX_BYTES) },
        fields: [{ pointer: `/attachments/${i}`, in: 'file', code: 'too_large' }],
      });
    const sniffed = await sniffMediaType(file.bytes, file.filename);
    if (!sniffed || !(ATTACHMENT_TYPES as readonly string[]).includes(sniffed.mediaType))
      throw new AppError('upload.type_not_accepted', {
        params: { found: sniffed?.mediaType ?? 'unknown', accepted: ATTACHMENT_TYPES.join(', ') },
        fields: [{ pointer: `/attachments/${i}`, in: 'file', code: 'type' }],
      });
  }
}

export async function fileComplaint(
  engine: Engine,
  audit: AuditContext,
  filer: Filer,
  request: FilingRequest,
): Promise<FiledComplaint> {
  const platform = engine.platform;
  const db = platform.db.orm;
  const now = platform.now();

  // Flooding: per address for people (partner systems are limited per key, by the Open311 route),
  // and per account on top.
  if (filer.kind !== 'partner')
    await hitRateLimit(
      db,
      `complaint:file:ip:${audit.ip ?? 'none'}`,
      { limit: 10, windowSeconds: 3600 },
      now,
    );
  if (filer.kind === 'user')
    await hitRateLimit(db, `complaint:file:user:${filer.userId}`, { limit: 20, windowSeconds: 86_400 }, now);

  // What the person typed, all problems at once.
  const fields: FieldError[] = [];
  const agency = await agencyByCode(db, request.agencyCode);
  if (!agency) fields.push({ pointer: '/agencyCode', in: 'body', code: 'unknown_reference' });
  const categoryCode = request.category?.trim() ?? '';
  let category: CategoryRow | undefined;
  if (!categoryCode) fields.push({ pointer: '/category', in: 'body', code: 'required' });
  else if (agency) category = await findCategory(db, agency.id, categoryCode, { active: true });
  const description = request.description.trim();
  if (!description) fields.push({ pointer: '/description', in: 'body', code: 'required' });
  else if (description.length < 10)
    fields.push({ pointer: '/description', in: 'body', code: 'minLength', params: { limit: 10 } });
  const checked = category
    ? checkAnswers(category.questions, request.answers ?? {})
    : { value: {}, errors: [] };
  fields.push(...checked.errors);
  if (fields.length) throw new AppError('request.invalid', { fields });
  if (!agency) throw new AppError('request.invalid');
  if (!category)
    throw new AppError('complaint.category_unknown', {
      params: { category: categoryCode },
      fields: [{ pointer: '/category', in: 'body', code: 'enum' }],
    });

  const location = request.location ?? null;
  if (location && !isInMorocco(location.longitude, location.latitude))
    throw new AppError('complaint.outside_morocco', {
      params: { latitude: location.latitude, longitude: location.longitude },
      fields: [{ pointer: '/location', in: 'body', code: 'outside_morocco' }],
    });
  const address = request.address?.trim() || null;
  if (category.locationRequired && !location && !address)
    throw new AppError('complaint.location_required', {
      fields: [{ pointer: '/location', in: 'body', code: 'required' }],
    });
  const files = request.attachments ?? [];
  await checkAttachments(files);

  // Who is complaining, and how they want to hear from us.
  let applicant: Applicant;
  let channel: 'email' | 'sms' = request.contact?.channel ?? 'email';
  let contactPhone: string | null = null;
  if (filer.kind === 'user') {
    applicant = { kind: 'user', userId: filer.userId, accountType: filer.accountType };
    if (channel === 'sms') {
      contactPhone = normalizePhone(request.contact?.phone ?? filer.phone ?? '');
      if (!contactPhone)
        throw new AppError('complaint.phone_required', {
          fields: [{ pointer: '/contact/phone', in: 'body', code: 'pattern' }],
        });
    }
  } else if (filer.kind === 'visitor') {
    if (!filer.proof) throw new AppError('complaint.verification_required');
    const verified = await peekProof(db, filer.proof, now);
    await hitRateLimit(
      db,
      `complaint:file:to:${verified.destination}`,
      { limit: 5, windowSeconds: 86_400 },
      now,
    );
    channel = verified.channel;
    applicant = {
      kind: 'anonymous',
      contact: {
        name: request.contact?.name?.trim().slice(0, 120) ?? '',
        ...(verified.channel === 'email' ? { email: verified.destination } : { phone: verified.destination }),
        channels: [verified.channel],
        locale: request.locale,
        verifiedAt: verified.verifiedAt?.toISOString() ?? now.toISOString(),
      },
    };
  } else {
    applicant = { kind: 'anonymous', contact: filer.contact };
    channel = filer.contact.channels.includes('email') && filer.contact.email ? 'email' : 'sms';
  }

  // Write: the case (a draft), the complaint, the attachments, then submit with the receipt.
  const { caseRow: draft, trackingToken } = await createCase(engine, audit, applicant, {
    procedure: COMPLAINT_PROCEDURE_CODE,
    agencyCode: agency.code,
    data: { category: category.code, description, ...(address ? { address } : {}) },
    title: description.replace(/\s+/g, ' ').slice(0, 80),
  });
  await platform.db.transaction(async (tx) => {
    await tx.insert(complaints).values({
      caseId: draft.id,
      agencyId: agency.id,
      categoryId: category.id,
      answers: checked.value,
      location: location
        ? (sql`ST_SetSRID(ST_MakePoint(${location.longitude}, ${location.latitude}), 4326)` as unknown as string)
        : null,
      address,
      isPublic: category.isPublic,
      contactChannel: channel,
      contactPhone,
      trackingSealed: trackingToken ? sealTracking(platform, trackingToken) : null,
      source: filer.kind === 'partner' ? 'open311' : 'web',
      partnerTokenId: filer.kind === 'partner' ? filer.apiTokenId : null,
      mediaUrl: request.mediaUrl ?? null,
      createdAt: now,
    });
  });
  const viaToken = applicant.kind === 'anonymous';
  for (const file of files) {
    await uploadDocument(engine, audit, {
      caseId: draft.id,
      checklistCode: ATTACHMENT_CODE,
      filename: file.filename,
      bytes: file.bytes,
      trackingVerified: viaToken,
    });
  }
  const trackingUrl =
    platform.config.http.publicUrl + (trackingToken ? privatePath(trackingToken) : ownerPath(draft.id));
  return platform.db.transaction(async (tx) => {
    if (filer.kind === 'visitor' && filer.proof) await consumeProof(tx, filer.proof, draft.id, now);
    const { caseRow } = await applyTransitionIn(engine, tx, audit, {
      caseId: draft.id,
      transition: 'submit',
      trackingVerified: viaToken,
    });
    const [complaint] = await tx.select().from(complaints).where(eq(complaints.caseId, draft.id));
    const [clock] = await tx
      .select({ deadline: caseClocks.deadline })
      .from(caseClocks)
      .where(and(eq(caseClocks.caseId, draft.id), eq(caseClocks.clockKey, 'answer')));
    await sendReceipt(tx, {
      caseRow,
      complaint: complaint!,
      agency: { ar: agency.nameAr, fr: agency.nameFr, en: agency.nameFr },
      category: category.name,
      deadline: clock?.deadline ?? '',
      url: trackingUrl,
    });
    return {
      id: caseRow.id,
      reference: caseRow.reference!,
      deadline: clock?.deadline ?? null,
      ...(trackingToken ? { trackingToken } : {}),
      trackingUrl,
      category,
    };
  });
}

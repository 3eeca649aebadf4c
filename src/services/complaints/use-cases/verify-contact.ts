// Visitors without an account file complaints once they have shown they own an e-mail address or a
// phone number: a six-digit code is sent there; five wrong tries and it is dead; a right one gives a
// proof, good for one complaint within two hours. Only hashes are stored.
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AuditContext } from '../../../platform/audit/audit-log.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Orm } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { queueMail } from '../../../platform/mail/mailer.ts';
import { hmacHex, randomToken, safeEqual, sha256Hex } from '../../../platform/security/crypto.ts';
import { hitRateLimit } from '../../../platform/security/rate-limit.ts';
import { queueSms } from '../../../platform/sms/sms.ts';
import { hintOf, normalizeEmail, normalizePhone } from '../contact.ts';
import { VerificationCodeMail } from '../mails.ts';
import '../problems.ts';
import { complaintVerifications } from '../tables.ts';

export const CODE_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;
export const PROOF_HOURS = 2;

export type ContactRequest = { channel: 'email' | 'sms'; destination: string; locale: Locale };

const codeHash = (platform: Platform, id: string, code: string) =>
  hmacHex(platform.config.secrets.secretKey, `complaint-code:${id}:${code}`);

export function normalizeDestination(channel: 'email' | 'sms', raw: string): string {
  const value = channel === 'email' ? normalizeEmail(raw) : normalizePhone(raw);
  if (!value)
    throw new AppError('request.invalid', {
      fields: [
        {
          pointer: '/destination',
          in: 'body',
          code: channel === 'email' ? 'format' : 'pattern',
          params: { format: 'email' },
        },
      ],
    });
  return value;
}

export async function requestCode(platform: Platform, audit: AuditContext, input: ContactRequest) {
  const now = platform.now();
  const destination = normalizeDestination(input.channel, input.destination);
  const db = platform.db.orm;
  await hitRateLimit(db, `complaint:code:ip:${audit.ip ?? 'none'}`, { limit: 10, windowSeconds: 3600 }, now);
  await hitRateLimit(db, `complaint:code:to:${destination}`, { limit: 3, windowSeconds: 900 }, now);
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  await platform.db.transaction(async (tx) => {
    await tx.insert(complaintVerifications).values({
      id,
      channel: input.channel,
      destination,
      locale: input.locale,
      codeHash: codeHash(platform, id, code),
      createdAt: now,
      expiresAt,
      ip: audit.ip ?? null,
    });
    if (input.channel === 'email') {
      await queueMail(
        tx,
        {
          to: destination,
          template: VerificationCodeMail.key,
          locale: input.locale,
          vars: { code, minutes: CODE_MINUTES },
        },
        `complaint-code:${id}`,
      );
    } else {
      const text =
        input.locale === 'ar'
          ? `تعمير: رمز تأكيد الشكاية ${code} (صالح ${CODE_MINUTES} دقيقة).`
          : input.locale === 'fr'
            ? `Taamir : code de confirmation ${code} (valable ${CODE_MINUTES} min).`
            : `Taamir: confirmation code ${code} (valid ${CODE_MINUTES} min).`;
      await queueSms(tx, { to: destination, text }, `complaint-code:${id}`);
    }
  });
  return { id, expiresAt: expiresAt.toISOString(), sentTo: hintOf(input.channel, destination) };
}

export async function confirmCode(
  platform: Platform,
  audit: AuditContext,
  input: { id: string; code: string },
) {
  const now = platform.now();
  await hitRateLimit(
    platform.db.orm,
    `complaint:confirm:ip:${audit.ip ?? 'none'}`,
    { limit: 30, windowSeconds: 600 },
    now,
  );
  type Outcome =
    | { error: string; remaining?: number; proof?: undefined }
    | {
        error?: undefined;
        remaining?: undefined;
        proof: string;
        expiresAt: string;
        channel: 'email' | 'sms';
        sentTo: string;
      };
  const outcome: Outcome = await platform.db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx
      .select()
      .from(complaintVerifications)
      .where(eq(complaintVerifications.id, input.id))
      .for('update');
    if (!row || row.verifiedAt) return { error: 'complaint.verification_not_found' };
    if (row.attempts >= MAX_CODE_ATTEMPTS) return { error: 'complaint.code_attempts_exhausted' };
    if (row.expiresAt <= now) return { error: 'complaint.code_expired' };
    const attempts = row.attempts + 1;
    if (!safeEqual(row.codeHash, codeHash(platform, row.id, input.code.trim()))) {
      await tx.update(complaintVerifications).set({ attempts }).where(eq(complaintVerifications.id, row.id));
      const remaining = MAX_CODE_ATTEMPTS - attempts;
      return remaining > 0
        ? { error: 'complaint.code_invalid', remaining }
        : { error: 'complaint.code_attempts_exhausted' };
    }
    const proof = randomToken(24);
    const proofExpiresAt = new Date(now.getTime() + PROOF_HOURS * 3_600_000);
    await tx
      .update(complaintVerifications)
      .set({ attempts, verifiedAt: now, proofHash: sha256Hex(proof), proofExpiresAt })
      .where(eq(complaintVerifications.id, row.id));
    return {
      proof,
      expiresAt: proofExpiresAt.toISOString(),
      channel: row.channel,
      sentTo: hintOf(row.channel, row.destination),
    };
  });
  // Wrong tries are counted even though the request fails: the error is raised after the commit.
  if (outcome.error) {
    throw new AppError(outcome.error, {
      ...(outcome.remaining !== undefined ? { params: { remaining: outcome.remaining } } : {}),
      ...(outcome.error === 'complaint.code_invalid'
        ? { fields: [{ pointer: '/code', in: 'body' as const, code: 'code_invalid' }] }
        : {}),
    });
  }
  const { error: _error, remaining: _remaining, ...proof } = outcome;
  return proof;
}

/** The verified contact behind a proof, marked used by `caseId` (inside the filing transaction). */
export async function consumeProof(tx: Orm, proof: string, caseId: string, now: Date) {
  const [row] = await tx
    .update(complaintVerifications)
    .set({ usedAt: now, usedFor: caseId })
    .where(
      and(
        eq(complaintVerifications.proofHash, sha256Hex(proof)),
        isNull(complaintVerifications.usedAt),
        sql`${complaintVerifications.proofExpiresAt} > ${now}`,
      ),
    )
    .returning();
  if (!row) throw new AppError('complaint.proof_invalid');
  return row;
}

/** The verified contact behind a proof, without using it (checked before any work is done). */
export async function peekProof(db: Orm, proof: string, now: Date) {
  const [row] = await db
    .select()
    .from(complaintVerifications)
    .where(
      and(
        eq(complaintVerifications.proofHash, sha256Hex(proof)),
        isNull(complaintVerifications.usedAt),
        sql`${complaintVerifications.proofExpiresAt} > ${now}`,
      ),
    );
  if (!row) throw new AppError('complaint.proof_invalid');
  return row;
}

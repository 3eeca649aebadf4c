// The private tracking link of complainants without an account: a token that only they have (sent
// with the receipt), which makes its holder the applicant of that one case. Looked up by hash.
import { and, eq } from 'drizzle-orm';
import { cases } from '../../../engine/tables.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { sha256Hex } from '../../../platform/security/crypto.ts';
import { hitRateLimit } from '../../../platform/security/rate-limit.ts';
import '../problems.ts';
import { COMPLAINT_PROCEDURE_CODE } from '../procedure.ts';

const TOKEN = /^[A-Za-z0-9_-]{24,64}$/;

export async function caseOfTrackingToken(platform: Platform, token: string | undefined, ip: string | null) {
  await hitRateLimit(
    platform.db.orm,
    `complaint:follow:ip:${ip ?? 'none'}`,
    { limit: 120, windowSeconds: 600 },
    platform.now(),
  );
  if (!token || !TOKEN.test(token)) throw new AppError('complaint.tracking_invalid');
  const [row] = await platform.db.orm
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(eq(cases.trackingTokenHash, sha256Hex(token)), eq(cases.procedureCode, COMPLAINT_PROCEDURE_CODE)),
    );
  if (!row) throw new AppError('complaint.tracking_invalid');
  return row.id;
}

// Where a complainant follows a complaint: signed-in people in their space, visitors without an account
// by their private link (the token is kept sealed so every message can carry it), everyone by the
// public status page.
import { eq } from 'drizzle-orm';
import type { ApplicantLink } from '../../engine/engine.ts';
import type { Platform } from '../../platform/context.ts';
import { seal, unseal } from '../../platform/security/crypto.ts';
import { complaints } from './tables.ts';

const PURPOSE = 'complaint-tracking';

export const sealTracking = (platform: Platform, token: string) =>
  seal(platform.config.secrets.secretKey, token, PURPOSE);

export function unsealTracking(platform: Platform, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return unseal(platform.config.secrets.secretKey, sealed, PURPOSE);
  } catch {
    return null;
  }
}

export const publicPath = (reference: string) => `/complaints/track/${encodeURIComponent(reference)}`;
export const privatePath = (token: string) => `/complaints/follow#${token}`;
export const ownerPath = (caseId: string) => `/complaints/mine/${caseId}`;
export const staffPath = (caseId: string) => `/back-office/complaints/${caseId}`;

/** The link a complainant's messages carry. */
export function complainantUrl(
  platform: Platform,
  c: {
    caseId: string;
    reference: string | null;
    applicantUserId: string | null;
    trackingSealed: string | null;
  },
): string {
  const base = platform.config.http.publicUrl;
  if (c.applicantUserId) return base + ownerPath(c.caseId);
  const token = unsealTracking(platform, c.trackingSealed);
  if (token) return base + privatePath(token);
  return base + publicPath(c.reference ?? '');
}

/** The engine's link for a complaint's applicant: their complaint page, or the private link. */
export const complaintApplicantLink =
  (platform: Platform): ApplicantLink =>
  async (tx, caseRow) => {
    const [row] = await tx
      .select({ trackingSealed: complaints.trackingSealed })
      .from(complaints)
      .where(eq(complaints.caseId, caseRow.id));
    return complainantUrl(platform, {
      caseId: caseRow.id,
      reference: caseRow.reference,
      applicantUserId: caseRow.applicantUserId,
      trackingSealed: row?.trackingSealed ?? null,
    });
  };

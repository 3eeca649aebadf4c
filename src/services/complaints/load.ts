// Reading a complaint with everything its views need: the case, the complaint row (with its point as
// numbers), the category, the agency and the moderation rows.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type CaseRow, caseEvents, cases } from '../../engine/tables.ts';
import type { Orm } from '../../platform/db/database.ts';
import { agencies } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import './problems.ts';
import { COMPLAINT_PROCEDURE_CODE } from './procedure.ts';
import {
  type CategoryRow,
  type ComplaintRow,
  complaintCategories,
  complaintRedactions,
  complaints,
  type RedactionRow,
} from './tables.ts';

export type Point = { latitude: number; longitude: number };

export type LoadedComplaint = {
  caseRow: CaseRow;
  complaint: ComplaintRow;
  category: CategoryRow;
  agency: { id: string; code: string; nameAr: string; nameFr: string };
  location: Point | null;
  redactions: RedactionRow[];
};

const latitude = sql<number | null>`ST_Y(${complaints.location})`;
const longitude = sql<number | null>`ST_X(${complaints.location})`;

async function load(db: Orm, where: ReturnType<typeof eq>): Promise<LoadedComplaint | undefined> {
  const [row] = await db
    .select({
      caseRow: cases,
      complaint: complaints,
      category: complaintCategories,
      agency: { id: agencies.id, code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr },
      latitude,
      longitude,
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .where(and(where, eq(cases.procedureCode, COMPLAINT_PROCEDURE_CODE)));
  if (!row) return undefined;
  const redactions = await db
    .select()
    .from(complaintRedactions)
    .where(eq(complaintRedactions.caseId, row.caseRow.id))
    .orderBy(asc(complaintRedactions.redactedAt));
  return {
    caseRow: row.caseRow,
    complaint: row.complaint,
    category: row.category,
    agency: row.agency,
    location:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    redactions,
  };
}

export const loadByCase = (db: Orm, caseId: string) => load(db, eq(complaints.caseId, caseId));
export const loadByReference = (db: Orm, reference: string) => load(db, eq(cases.reference, reference));

export async function mustLoadByCase(db: Orm, caseId: string): Promise<LoadedComplaint> {
  const found = await loadByCase(db, caseId);
  if (!found) throw new AppError('complaint.not_found');
  return found;
}

/** The case's timeline events that can be public (transitions and public updates), oldest first. */
export async function publicEvents(db: Orm, caseIds: string[]) {
  if (!caseIds.length) return [];
  return db
    .select()
    .from(caseEvents)
    .where(
      and(
        inArray(caseEvents.caseId, caseIds),
        inArray(caseEvents.kind, ['deposit', 'transition', 'public_update']),
        inArray(caseEvents.visibility, ['public', 'applicant']),
      ),
    )
    .orderBy(asc(caseEvents.id));
}

export type EventRow = Awaited<ReturnType<typeof publicEvents>>[number];

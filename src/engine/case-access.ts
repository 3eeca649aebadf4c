// Loading a case for a caller: the applicant, staff of its agency, or (for tracking links) the holder
// of its token. Anyone else is told it does not exist.
import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { agencies } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/tenancy/actor.ts';
import './problems.ts';
import { type Relation, relationOf } from './relation.ts';
import { type CaseRow, caseCounters, cases } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export async function loadCase(
  tx: Orm,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean; trackingVerified?: boolean; side?: 'applicant' | 'staff' } = {},
): Promise<{ caseRow: CaseRow; relation: Relation }> {
  if (!UUID.test(caseId)) throw new AppError('case.not_found');
  const query = tx.select().from(cases).where(eq(cases.id, caseId));
  const [caseRow] = options.forUpdate ? await query.for('update') : await query;
  if (!caseRow) throw new AppError('case.not_found');
  const relation = relationOf(actor, caseRow, options.trackingVerified);
  const visible =
    options.side === 'applicant'
      ? relation.isApplicant
      : options.side === 'staff'
        ? relation.roles.size > 0
        : relation.side !== 'none';
  if (!visible) throw new AppError('case.not_found');
  return { caseRow, relation };
}

/** The next reference number, gap-free: the counter row stays locked until the transaction ends. */
export async function nextReference(
  tx: Orm,
  caseRow: CaseRow,
  procedureCode: string,
  year: number,
): Promise<string> {
  const [agency] = await tx
    .select({ code: agencies.code })
    .from(agencies)
    .where(eq(agencies.id, caseRow.agencyId));
  const [counter] = await tx
    .insert(caseCounters)
    .values({ agencyId: caseRow.agencyId, procedureCode, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.agencyId, caseCounters.procedureCode, caseCounters.year],
      set: { lastNumber: sql`${caseCounters.lastNumber} + 1` },
    })
    .returning({ n: caseCounters.lastNumber });
  return `${agency!.code}-${procedureCode}-${year}-${String(counter!.n).padStart(6, '0')}`;
}

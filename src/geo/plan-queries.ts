// SQL shared by the overlay, the OGC API and the tiles: the state of a plan version on a date,
// the same rule as plan-lifecycle.ts statusAt (tested together in overlay.int.test.ts).
import { type SQL, sql } from 'drizzle-orm';

/** `v` is plan_versions. The state on `at`: in_force, public_enquiry, expired, replaced or null. */
export const statusAtSql = (at: string): SQL => sql`(case
  when v.status = 'in_study' then null
  when v.replaced_on is not null and v.replaced_on <= ${at}::date then 'replaced'
  when v.approved_on is not null and v.approved_on <= ${at}::date then
    case when v.effects_until is not null and v.effects_until <= ${at}::date then 'expired' else 'in_force' end
  when v.enquiry_start is not null and v.enquiry_start <= ${at}::date then 'public_enquiry'
end)`;

/** States in which a version is shown to the public and read by the overlay. */
export const VISIBLE_STATES = ['in_force', 'public_enquiry', 'expired'] as const;
export type VisibleState = (typeof VISIBLE_STATES)[number];

/** The ids of the versions visible on `at` (a subquery). */
export const visibleVersionIds = (at: string): SQL =>
  sql`(select v.id from plan_versions v where ${statusAtSql(at)} in ('in_force', 'public_enquiry', 'expired'))`;

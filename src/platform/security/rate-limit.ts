// Fixed-window counters kept in the database, so every app process shares them.
import { sql } from 'drizzle-orm';
import { type Orm, one } from '../db/database.ts';
import { AppError } from '../errors.ts';

export type RateRule = { limit: number; windowSeconds: number };

/** Count one hit for `key`; throw `request.rate_limited` (429, with Retry-After) past the limit. */
export async function hitRateLimit(db: Orm, key: string, rule: RateRule, now = new Date()): Promise<void> {
  const row = await one<{ hits: number; window_start: Date | string }>(
    db,
    sql`insert into rate_limits (key, window_start, hits) values (${key}, ${now}, 1)
        on conflict (key) do update set
          hits = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then 1 else rate_limits.hits + 1 end,
          window_start = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then ${now}::timestamptz else rate_limits.window_start end
        returning hits, window_start`,
  );
  if (row && row.hits > rule.limit) {
    const start = new Date(row.window_start).getTime();
    const retryAfter = Math.max(1, Math.ceil((start + rule.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new AppError('request.rate_limited', {
      params: { retryAfter },
      headers: { 'retry-after': String(retryAfter) },
    });
  }
}

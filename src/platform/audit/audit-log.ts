// The audit trail: append-only events, hash-chained. Each agency has its own chain (so agencies do not
// wait on each other), and platform-level acts go to the 'platform' chain. A row's hash covers the
// previous row's hash, so altering or removing any row breaks every link after it.
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { auditChainHeads, auditEvents } from '../db/tables.ts';
import type { Actor } from '../tenancy/actor.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const PLATFORM_CHAIN = 'platform';

/** Who did it and from where: taken from the HTTP request, the CLI or a worker. */
export type AuditContext = {
  actor: Actor | { kind: 'system'; label: string };
  ip?: string | null;
  requestId?: string | null;
};

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId?: string | null;
  agencyId?: string | null;
  organizationId?: string | null;
  /** A short before/after summary: identifiers and states, never secrets or whole documents. */
  summary?: Record<string, unknown>;
};

type HashedFields = {
  chain: string;
  position: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  organizationId: string | null;
  agencyId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
};

export function eventHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest('hex');
}

function actorFields(actor: AuditContext['actor']): { actorUserId: string | null; actorLabel: string } {
  switch (actor.kind) {
    case 'user':
      return { actorUserId: actor.userId, actorLabel: actor.email };
    case 'partner':
      return { actorUserId: null, actorLabel: `partner:${actor.name}` };
    case 'system':
      return { actorUserId: null, actorLabel: `system:${actor.label}` };
    default:
      return { actorUserId: null, actorLabel: 'anonymous' };
  }
}

/** Append one event. Call it inside the transaction that makes the change it records. */
export async function appendAudit(tx: Orm, context: AuditContext, entry: AuditEntry, now = new Date()) {
  const chain = entry.agencyId ?? PLATFORM_CHAIN;
  await tx
    .insert(auditChainHeads)
    .values({ chain, lastPosition: 0, lastHash: GENESIS_HASH })
    .onConflictDoNothing();
  // The row lock on the chain head orders concurrent writers; after waiting, READ COMMITTED re-reads
  // the head, so each writer links to the one that committed before it.
  const [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.chain, chain))
    .for('update');
  if (!head) throw new Error(`audit chain head missing: ${chain}`);
  const fields: HashedFields = {
    chain,
    position: head.lastPosition + 1,
    // Millisecond precision survives the round trip through timestamptz, so the hash can be recomputed.
    occurredAt: new Date(Math.floor(now.getTime())),
    ...actorFields(context.actor),
    organizationId: entry.organizationId ?? null,
    agencyId: entry.agencyId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    summary: entry.summary ?? {},
    ip: context.ip ?? null,
    requestId: context.requestId ?? null,
  };
  const hash = eventHash(head.lastHash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash: head.lastHash, hash });
  await tx
    .update(auditChainHeads)
    .set({ lastPosition: fields.position, lastHash: hash })
    .where(eq(auditChainHeads.chain, chain));
}

export type AuditVerification =
  | { ok: true; chains: number; events: number }
  | {
      ok: false;
      chains: number;
      events: number;
      chain: string;
      position: number;
      id: number;
      reason: string;
    };

/** Walk every chain from its start and report the first broken link. */
export async function verifyAudit(db: Orm, batchSize = 2000): Promise<AuditVerification> {
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chain));
  let events = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expected = 1;
    let after = 0;
    for (;;) {
      const batch = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, head.chain), gt(auditEvents.position, after)))
        .orderBy(asc(auditEvents.position))
        .limit(batchSize);
      for (const row of batch) {
        events++;
        const fail = (reason: string): AuditVerification => ({
          ok: false,
          chains: heads.length,
          events,
          chain: head.chain,
          position: row.position,
          id: row.id,
          reason,
        });
        if (row.position !== expected) return fail(`missing event before position ${row.position}`);
        if (row.prevHash !== prevHash) return fail('previous-hash link does not match');
        const { id: _id, hash, prevHash: _prev, ...fields } = row;
        if (eventHash(prevHash, fields) !== hash) return fail('event content does not match its hash');
        prevHash = hash;
        expected++;
        after = row.position;
      }
      if (batch.length < batchSize) break;
    }
    if (expected - 1 !== head.lastPosition || prevHash !== head.lastHash) {
      return {
        ok: false,
        chains: heads.length,
        events,
        chain: head.chain,
        position: expected,
        id: 0,
        reason: 'chain ends before its recorded head (events removed)',
      };
    }
  }
  return { ok: true, chains: heads.length, events };
}

export const countAuditEvents = async (db: Orm) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n ?? 0;

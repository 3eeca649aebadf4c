// Transactional outbox: a side effect (mail, SMS, PDF, webhook) is written as a row in the same
// transaction as the change that causes it, and a worker performs it after commit, with retries.
// Handlers must be idempotent: a row can run twice if a worker dies after the effect but before marking it.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Database, type Orm, rows } from '../db/database.ts';
import { outbox } from '../db/tables.ts';

export type OutboxMessage = {
  topic: string;
  payload: Record<string, unknown>;
  /** Enqueuing twice with the same key keeps one row (idempotent producers). */
  dedupeKey?: string;
  availableAt?: Date;
};

export async function enqueue(tx: Orm, message: OutboxMessage): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      topic: message.topic,
      payload: message.payload,
      dedupeKey: message.dedupeKey ?? null,
      availableAt: message.availableAt ?? new Date(),
    })
    .onConflictDoNothing();
}

export type OutboxJob = { id: number; topic: string; payload: Record<string, unknown>; attempts: number };
export type OutboxHandler = (job: OutboxJob) => Promise<void>;

const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 10;
const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 2 ** (attempts - 1));

export class OutboxWorker {
  readonly #db: Database;
  readonly #log: Logger;
  readonly #handlers = new Map<string, OutboxHandler>();
  readonly #pollMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #stopped = true;

  constructor(options: { db: Database; log: Logger; pollMs: number }) {
    this.#db = options.db;
    this.#log = options.log;
    this.#pollMs = options.pollMs;
  }

  register(topic: string, handler: OutboxHandler): void {
    if (this.#handlers.has(topic)) throw new Error(`outbox handler registered twice: ${topic}`);
    this.#handlers.set(topic, handler);
  }

  start(): void {
    if (!this.#stopped || this.#pollMs === 0) return;
    this.#stopped = false;
    const tick = async () => {
      if (this.#stopped) return;
      await this.runOnce().catch((error) => this.#log.error({ err: error }, 'outbox tick failed'));
      if (!this.#stopped) this.#timer = setTimeout(tick, this.#pollMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  /** Process available jobs until none is left (tests and CLI call this directly). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  runOnce(): Promise<number> {
    if (!this.#running) {
      this.#running = this.#claimAndRun().finally(() => {
        this.#running = undefined;
      });
    }
    return this.#running;
  }

  async #claimAndRun(): Promise<number> {
    const topics = [...this.#handlers.keys()];
    if (topics.length === 0) return 0;
    const jobs = await rows<OutboxJob>(
      this.#db.orm,
      sql`update outbox set attempts = attempts + 1,
            available_at = now() + make_interval(secs => ${LEASE_SECONDS})
          where id in (
            select id from outbox
            where processed_at is null and available_at <= now()
              and topic in (${sql.join(
                topics.map((t) => sql`${t}`),
                sql`, `,
              )})
            order by id limit 20 for update skip locked)
          returning id, topic, payload, attempts`,
    );
    // UPDATE … RETURNING gives rows in physical order, not the subquery's: run them in enqueue order.
    jobs.sort((a, b) => Number(a.id) - Number(b.id));
    for (const job of jobs) {
      const handler = this.#handlers.get(job.topic);
      try {
        if (!handler) throw new Error(`no handler for ${job.topic}`);
        await handler({ ...job, id: Number(job.id) });
        await this.#db.orm
          .update(outbox)
          .set({ processedAt: new Date(), lastError: null })
          .where(and(eq(outbox.id, Number(job.id)), isNull(outbox.processedAt)));
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        const dead = job.attempts >= MAX_ATTEMPTS;
        this.#log.warn(
          { err: error, jobId: job.id, topic: job.topic, attempts: job.attempts, dead },
          'outbox job failed',
        );
        await this.#db.orm
          .update(outbox)
          .set({
            lastError: dead ? `dead: ${message}` : message,
            availableAt: dead
              ? new Date('9999-12-31T00:00:00Z')
              : new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
          })
          .where(eq(outbox.id, Number(job.id)));
      }
    }
    return jobs.length;
  }
}

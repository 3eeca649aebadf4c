import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import Type from 'typebox';
import type { Platform } from '../context.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  databaseReachable: Type.Boolean(),
  version: Type.String(),
  uptimeSeconds: Type.Integer(),
  time: Type.String({ format: 'date-time' }),
});

export function healthRoutes(platform: Platform, version: string): FastifyPluginAsyncTypebox {
  // The database answer is reused for a second: health probes come often, and each need not cost a query.
  let probe: { at: number; ok: Promise<boolean> } | undefined;
  const databaseReachable = (now: number) => {
    if (!probe || now - probe.at > 1000) {
      const ok = platform.db.orm.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
      probe = { at: now, ok };
    }
    return probe.ok;
  };
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['platform'],
          summary: 'Liveness and database reachability',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const now = Date.now();
        const reachable = await databaseReachable(now);
        reply.header('cache-control', 'no-store');
        return reply.code(reachable ? 200 : 503).send({
          status: reachable ? 'ok' : 'degraded',
          database: platform.db.kind,
          databaseReachable: reachable,
          version,
          uptimeSeconds: Math.round(process.uptime()),
          time: new Date(now).toISOString(),
        });
      },
    );
  };
}

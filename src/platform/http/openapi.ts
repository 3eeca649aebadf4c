import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from './schemas.ts';

/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, with a docs page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, options: { version: string; publicUrl: string }) {
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Taamir API',
        version: options.version,
        description:
          "API of Taamir (تعمير), the platform of Morocco's urban agencies. Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: ar|fr|en`.",
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'taamir_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Partner API token (tmr_…)' },
        },
      },
    },
    hideUntagged: true,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });
  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

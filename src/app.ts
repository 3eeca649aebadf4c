// The composition root: what the platform is made of, in the order a request meets it.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminRoutes } from './accounts/admin-routes.ts';
import { resolveApiToken } from './accounts/api-tokens.ts';
import { accountRoutes } from './accounts/routes.ts';
import { resolveSession } from './accounts/sessions.ts';
import { documentRoutes } from './documents/routes.ts';
import { calendarRoutes } from './engine/calendar-routes.ts';
import { engineRoutes } from './engine/routes.ts';
import { geoRoutes } from './geo/routes.ts';
import { formActionOrigins } from './payments/module.ts';
import { paymentRoutes } from './payments/routes.ts';
import { registerAccessControl } from './platform/http/access.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerProblemHandler } from './platform/http/problem-handler.ts';
import { registerRequestContext, requestIdFor } from './platform/http/request-context.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { registerWebApp } from './platform/web/web-app.ts';
import { referenceRoutes } from './reference/routes.ts';
import type { Runtime } from './runtime.ts';
import { open311Routes } from './services/complaints/open311/routes.ts';
import { complaintRoutes } from './services/complaints/routes.ts';
import { eNoteRoutes } from './services/e-note/routes.ts';
import { VERSION } from './version.ts';

export async function buildApp(
  runtime: Pick<Runtime, 'platform' | 'engine' | 'documents' | 'payments'>,
): Promise<FastifyInstance> {
  const { platform, engine } = runtime;
  const { config } = platform;
  const app = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  // Transport and security
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(multipart, {
    limits: { fileSize: config.uploads.limitBytes, files: 1, fields: 10, parts: 12 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...config.geo.basemapOrigins],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...config.geo.basemapOrigins],
        formAction: ["'self'", ...formActionOrigins(config.payments.cmi)],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.http.secureCookies,
  });
  if (config.http.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      max: config.http.rateLimitPerMinute,
      timeWindow: '1 minute',
    });
  }
  registerProblemHandler(app);
  registerRequestContext(app, {
    secureCookies: config.http.secureCookies,
    resolver: {
      session: (token) => resolveSession(platform.db.orm, token, platform.now()),
      apiToken: (token) => resolveApiToken(platform.db.orm, token, platform.now()),
    },
  });
  registerAccessControl(app);
  await registerOpenApi(app, { version: VERSION, publicUrl: config.http.publicUrl });

  // Services
  await app.register(healthRoutes(platform, VERSION));
  await app.register(referenceRoutes(platform));
  await app.register(accountRoutes(platform));
  await app.register(adminRoutes(platform));
  await app.register(geoRoutes(platform));
  await app.register(engineRoutes(engine));
  await app.register(calendarRoutes(engine));
  await app.register(documentRoutes(runtime.documents));
  await app.register(paymentRoutes(runtime.payments));
  await app.register(complaintRoutes(engine));
  await app.register(open311Routes(engine), { prefix: '/open311' });
  await app.register(eNoteRoutes(runtime));

  // The web app answers every other GET
  await registerWebApp(app, config.web.distDir);
  return app;
}

// Everything the geo module serves: the public geoportal API, the staff import API, OGC API –
// Features at /ogc and vector tiles at /tiles.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/context.ts';
import { geoAdminRoutes } from './admin-routes.ts';
import { geoportalRoutes } from './geoportal-routes.ts';
import { ogcRoutes } from './ogc-routes.ts';
import { tileRoutes } from './tile-routes.ts';

export function geoRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(geoportalRoutes(platform));
    await app.register(geoAdminRoutes(platform));
    await app.register(ogcRoutes(platform));
    await app.register(tileRoutes(platform));
  };
}

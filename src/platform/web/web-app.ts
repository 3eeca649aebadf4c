// Serves the built web app (dist/web) from the same process: static assets with long cache, and
// index.html for every other non-API path, with <html lang dir> set for the caller's language so the
// first paint is already right-to-left in Arabic.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundProblem } from '../http/problem-handler.ts';

const API_PREFIXES = ['/api/', '/ogc', '/open311', '/tiles/', '/metrics', '/problems/', '/sandbox/cmi/'];
const isApiPath = (url: string) =>
  API_PREFIXES.some((p) => url === p.replace(/\/$/, '') || url.startsWith(p));

const FALLBACK_HTML = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>تعمير</title></head><body><main><h1>تعمير — Taamir</h1><p>واجهة الويب غير مبنية بعد. شغّل <code>npm run build</code>.</p><p lang="fr" dir="ltr">L'interface web n'est pas construite. Lancez <code>npm run build</code>.</p></main></body></html>`;

export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const built = existsSync(indexFile);
  const template = built ? readFileSync(indexFile, 'utf8') : FALLBACK_HTML;

  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(distDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
      decorateReply: false,
    });
    const publicFiles = ['favicon.svg', 'robots.txt'];
    for (const file of publicFiles) {
      const full = path.join(distDir, file);
      if (!existsSync(full)) continue;
      const body = readFileSync(full);
      app.get(
        `/${file}`,
        { config: { access: { kind: 'public' } }, schema: { hide: true } },
        async (_r, reply) =>
          reply
            .type(file.endsWith('.svg') ? 'image/svg+xml' : 'text/plain')
            .header('cache-control', 'public, max-age=86400')
            .send(body),
      );
    }
  }

  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    const html = template.replace(
      /<html[^>]*>/,
      `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
    );
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };

  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFoundProblem(request, reply);
    if (isApiPath(request.url) || /\.[a-z0-9]{2,5}$/i.test(request.url.split('?')[0] ?? ''))
      return notFoundProblem(request, reply);
    return page(request, reply);
  });
}

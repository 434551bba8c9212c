import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/** Serves the built web app; every non-API GET falls back to index.html for the client router. */
export async function installWeb(app: FastifyInstance, dist = WEB_DIST) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app not built; only the API is served');
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound();
    const file = path.join(dist, path.normalize(url));
    if (file.startsWith(dist) && path.extname(file) && existsSync(file)) return reply.sendFile(path.relative(dist, file));
    if (path.extname(url)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}

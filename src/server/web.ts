import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

const COMPRESSED_COPY = /\.(br|gz)$/;

/**
 * Built assets are named by their content's hash, so a browser keeps them for good; everything
 * else (index.html above all, which names the current assets) is checked on every load, so that
 * an upgrade reaches users at once.
 */
export function cacheControlOf(file: string, dist = WEB_DIST): string {
  // Judged inside the build's folder: a folder named "assets" above it must not make index.html immutable.
  return path.relative(dist, file).split(path.sep)[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Serves the built web app; every non-API GET falls back to index.html for the client router. */
export async function installWeb(app: FastifyInstance, dist = WEB_DIST) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app not built; only the API is served');
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each text file (web-precompress.ts): sent to browsers
    // that accept them, never served as files of their own.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply, file) => reply.header('cache-control', cacheControlOf(file, dist)),
  });
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound();
    if (COMPRESSED_COPY.test(url)) return reply.callNotFound();
    const file = path.join(dist, path.normalize(url));
    if (file.startsWith(dist) && path.extname(file) && existsSync(file)) return reply.sendFile(path.relative(dist, file));
    if (path.extname(url)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}

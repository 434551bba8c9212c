import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlOf, installWeb, WEB_DIST } from './web.ts';

/** The scripts index.html loads before the first page shows (entry and preloads). */
function initialScripts(): string[] {
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

// The test run's global setup builds the app when it is stale, as `tide start` does.
describe('the built web app as a phone downloads it', () => {
  const app = Fastify();
  beforeAll(async () => {
    await installWeb(app);
    await app.ready();
  });
  afterAll(() => app.close());

  it('has Brotli and gzip copies of every script the first page loads, of the same bytes', () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      const raw = readFileSync(path.join(WEB_DIST, script));
      if (raw.length < 1024) continue;
      expect(brotliDecompressSync(readFileSync(path.join(WEB_DIST, `${script}.br`))).equals(raw), script).toBe(true);
      expect(gunzipSync(readFileSync(path.join(WEB_DIST, `${script}.gz`))).equals(raw), script).toBe(true);
    }
  });

  it('keeps pages out of the first download: each loads its own chunk on first visit', () => {
    const pages = readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => /\.page-[\w-]+\.js$/.test(f));
    expect(pages.some((f) => f.startsWith('pool-settings.page-'))).toBe(true);
    expect(pages.length).toBeGreaterThan(20);
    const initial = new Set(initialScripts().map((s) => path.basename(s)));
    expect(pages.filter((f) => initial.has(f))).toEqual([]);
  });

  it('sends the compressed copy the browser accepts, and caches hashed assets for good', async () => {
    const entry = initialScripts()[0]!;
    const raw = readFileSync(path.join(WEB_DIST, entry));
    const br = await app.inject({ url: `/${entry}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(raw.length / 2);

    const gzipped = await app.inject({ url: `/${entry}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).equals(raw)).toBe(true);

    const plain = await app.inject({ url: `/${entry}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('has every page address answer with the current index.html, checked on each load', async () => {
    const html = readFileSync(path.join(WEB_DIST, 'index.html'));
    for (const url of ['/', '/customers', '/settings/pools']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload;
      expect(body.equals(html), url).toBe(true);
    }
  });

  it('never serves a compressed copy as a file of its own', async () => {
    const entry = initialScripts()[0]!;
    expect(existsSync(path.join(WEB_DIST, `${entry}.br`))).toBe(true);
    expect((await app.inject({ url: `/${entry}.br` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/${entry}.gz` })).statusCode).toBe(404);
  });

  it('tells hashed assets from the rest by their folder', () => {
    expect(cacheControlOf(path.join(WEB_DIST, 'assets', 'index-abc.js'))).toMatch(/immutable/);
    expect(cacheControlOf(path.join(WEB_DIST, 'index.html'))).toBe('no-cache');
  });
});

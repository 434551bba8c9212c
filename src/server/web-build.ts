import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './web.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((f) => newestMtime(path.join(target, f))));
}

/** The built web app is missing, or older than a web source file or the build configuration (and its plugin). */
export function webBuildIsStale(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'web/src')),
    newestMtime(path.join(ROOT, 'web/index.html')),
    newestMtime(path.join(ROOT, 'vite.config.ts')),
    newestMtime(path.join(ROOT, 'src/server/web-precompress.ts')),
  );
  return sources > statSync(built).mtimeMs;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

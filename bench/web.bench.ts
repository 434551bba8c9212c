// What a browser downloads before the first page shows: the scripts and styles index.html names,
// raw and as the Brotli and gzip copies the server sends.
//   npm run bench -- web
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWeb } from '../src/server/web-build.ts';
import { WEB_DIST } from '../src/server/web.ts';

await buildWeb();
const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const size = (file: string) => statSync(path.join(WEB_DIST, file)).size;
// Files under 1 KiB have no compressed copy: the server sends them as they are.
const sent = (file: string, ext: string) => (existsSync(path.join(WEB_DIST, file + ext)) ? size(file + ext) : size(file));
const sum = (ext: string) => initial.reduce((n, f) => n + (ext ? sent(f, ext) : size(f)), 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const scripts = readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
const all = scripts.reduce((n, f) => n + size(`assets/${f}`), 0);
const largest = scripts.map((f) => ({ f, n: size(`assets/${f}`) })).sort((a, b) => b.n - a.n)[0]!;

console.log(`| files before the first page | raw | Brotli | gzip | all scripts (raw) | page chunks | largest chunk |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(
  `| ${initial.length} | ${kb(sum(''))} | ${kb(sum('.br'))} | ${kb(sum('.gz'))} | ${kb(all)} in ${scripts.length} files | ${scripts.filter((f) => /\.page-/.test(f)).length} | ${largest.f} ${kb(largest.n)} |`,
);

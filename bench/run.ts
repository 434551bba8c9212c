// npm run bench -- <name> [options]: runs bench/<name>.bench.ts.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
const dir = import.meta.dirname;
const available = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
if (!name || !existsSync(path.join(dir, `${name}.bench.ts`))) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(2);
}
await import(path.join(dir, `${name}.bench.ts`));

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import { allTenantIds } from '../../src/modules/tenants/index.ts';
import { copyPgliteTemplate } from '../helpers/databases.ts';

const WRITER = path.join(import.meta.dirname, 'fixtures/crash-writer.ts');

function runWriterAndKill(dataDir: string, killAfterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

describe('embedded database under SIGKILL', () => {
  const dataDir = copyPgliteTemplate();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'reopens after every kill mid-transaction, with only whole transactions kept',
    async () => {
      let previous = 0;
      for (const killAfter of [300, 1200, 700, 2000]) {
        await runWriterAndKill(dataDir, killAfter);
        // The dead writer's lock file is taken over at once: its pid is gone.
        const db = await openDatabase({ dataDir });
        try {
          const [tenantId] = await allTenantIds(db);
          const batches = await db.tenantTx(tenantId!, (tx) =>
            queryRows<{ entity_id: string; n: number }>(
              tx,
              sql`select entity_id, count(*)::int as n from audit_log where action = 'crash.write' group by entity_id`,
            ),
          );
          const total = batches.reduce((sum, b) => sum + b.n, 0);
          expect(batches.every((b) => b.n === 50)).toBe(true);
          expect(total).toBeGreaterThanOrEqual(previous);
          previous = total;
          const [check] = await db.tenantTx(tenantId!, (tx) => queryRows<{ ok: boolean }>(tx, sql`select count(*) >= 0 as ok from users`));
          expect(check?.ok).toBe(true);
        } finally {
          await db.close();
        }
      }
      expect(previous).toBeGreaterThan(0);
    },
    240_000,
  );

  it('refuses to open a data folder another live process holds, with a clear message', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${path.resolve('src/db/client.ts')}').then(m => m.openDatabase({ dataDir: '${dataDir}' })).catch(e => { console.error(e.message); process.exit(3); })`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(3);
      expect(stderr).toMatch(/in use by another Tide process \(pid \d+\)/);
    } finally {
      await db.close();
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TIDE = path.resolve('bin/tide.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [TIDE, 'start'], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Server listening') || out.includes('Tide is listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, ready, exited };
}

describe('tide start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tide-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'starts on an embedded database, creates the demo tenant once, and shuts down gracefully',
    async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const first = start({ PORT: String(port), TIDE_DATA_DIR: dataDir });
      await first.ready;
      const password = /password\s+(\S+)/.exec(first.output())?.[1];
      expect(first.output()).toContain('admin@demo.tide');
      expect(password).toBeTruthy();
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);

      // SIGTERM while a login (a deliberately slow password hash) is in flight: it still completes.
      const inFlight = fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin@demo.tide', password }),
      });
      await new Promise((r) => setTimeout(r, 20));
      first.child.kill('SIGTERM');
      expect((await inFlight).status).toBe(200);
      expect(await first.exited).toBe(0);

      const second = start({ PORT: String(port), TIDE_DATA_DIR: dataDir });
      await second.ready;
      expect(second.output()).not.toContain('First start');
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin@demo.tide', password }),
      });
      expect(login.status).toBe(200);
      const customers = await fetch(`${base}/api/v1/customers?limit=5`, { headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! } });
      expect((await customers.json()).items).toHaveLength(5);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    },
    180_000,
  );
});

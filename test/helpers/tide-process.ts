import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const TIDE = path.resolve('bin/tide.mjs');
const run = promisify(execFile);

/** `tide start` as a child process, the way an operator runs it. */
export type TideProcess = {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Runs a `tide` command to the end and answers its parsed `--json` output. */
export async function tideJson<T>(args: string[], env: Record<string, string>): Promise<T> {
  const { stdout } = await run(process.execPath, [TIDE, ...args, '--json'], { env: { ...process.env, ...env }, timeout: 120_000 });
  return JSON.parse(stdout) as T;
}

/** Starts the server on a free port and waits for its "listening" line. */
export function startTideProcess(env: Record<string, string>): Promise<TideProcess> {
  const child = spawn(process.execPath, [TIDE, 'start'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /Tide is listening on (http:\/\/[^"\s]+)/.exec(out)?.[1];
      if (url) resolve({ child, pid: child.pid!, url, output: () => out, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`tide start exited early (${code ?? signal}): ${out.slice(-4000)}`)));
  });
}

/** Resident memory of a process in bytes, from /proc (Linux): VmRSS now and VmHWM, its peak. */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** A logged-in HTTP client of a running server (session cookie). */
export async function loginClient(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    cookie,
    async json<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
      const r = await fetch(`${url}${route}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

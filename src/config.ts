import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  sessionSecret: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** A company registry extract (CSV) for the local enrichment provider, if any. */
  registryFile: string | undefined;
};

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads configuration from the environment. The session secret, when not given, is generated
 * once and kept in the data folder so that sessions survive restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TIDE_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel,
    sessionSecret: env.TIDE_SESSION_SECRET || readOrCreateSecret(dataDir),
    bodyLimit: Number(env.TIDE_BODY_LIMIT ?? 1024 * 1024),
    registryFile: env.TIDE_REGISTRY_FILE || undefined,
  };
}

/**
 * `TIDE_WEBHOOKS_ALLOW_PRIVATE=1` lets webhooks reach loopback and private-network addresses, for
 * self-hosted installs whose receivers live there. Read on each use rather than in `loadConfig`,
 * as the delivery job has no config of its own.
 */
export const webhooksAllowPrivate = (env: NodeJS.ProcessEnv = process.env): boolean => env.TIDE_WEBHOOKS_ALLOW_PRIVATE === '1';

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

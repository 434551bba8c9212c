import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes are stored: a leaked table does not yield working sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Session cookie value: the tenant travels with the secret, so the lookup runs under that tenant's RLS. */
export function formatSessionValue(tenantId: string, secret: string): string {
  return `${tenantId}.${secret}`;
}

export function parseSessionValue(value: string): { tenantId: string; secret: string } | undefined {
  const dot = value.indexOf('.');
  const tenantId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  return dot > 0 && UUID.test(tenantId) && secret.length >= 32 ? { tenantId, secret } : undefined;
}

/** API token: `tide_<tenant id without dashes>_<secret>`. */
export function formatApiToken(tenantId: string, secret: string): string {
  return `tide_${tenantId.replaceAll('-', '')}_${secret}`;
}

export function parseApiToken(token: string): { tenantId: string; secret: string } | undefined {
  const match = /^tide_([0-9a-f]{32})_([A-Za-z0-9_-]{32,})$/.exec(token);
  if (!match) return undefined;
  const hex = match[1]!;
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, secret: match[2]! };
}

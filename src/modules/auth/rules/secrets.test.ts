import { describe, expect, it } from 'vitest';
import { formatApiToken, formatSessionValue, hashSecret, newSecret, parseApiToken, parseSessionValue } from './secrets.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

const tenantId = '0b6f3c1e-9a2d-4c3b-8e7f-112233445566';

describe('secrets', () => {
  it('round-trips API tokens and session values', () => {
    const secret = newSecret();
    expect(parseApiToken(formatApiToken(tenantId, secret))).toEqual({ tenantId, secret });
    expect(parseSessionValue(formatSessionValue(tenantId, secret))).toEqual({ tenantId, secret });
  });

  it('rejects malformed tokens', () => {
    expect(parseApiToken('tide_abc_def')).toBeUndefined();
    expect(parseApiToken(`Bearer ${formatApiToken(tenantId, newSecret())}`)).toBeUndefined();
    expect(parseSessionValue('not-a-uuid.' + newSecret())).toBeUndefined();
  });

  it('hashes deterministically and differently per secret', () => {
    expect(hashSecret('a')).toBe(hashSecret('a'));
    expect(hashSecret('a')).not.toBe(hashSecret('b'));
  });
});

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse 电池');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse 电池', hash)).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(false);
  });
});

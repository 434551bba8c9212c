import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type TestTenant } from '../../../test/helpers/app.ts';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { upsertCustomerBatch, type IncomingCustomer } from './customer-batch.service.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';
const person = (i: number, line: number): IncomingCustomer => ({
  line,
  kind: 'person',
  name: `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}${GIVEN[Math.floor(i / 400) % 20]}`,
  email: `member${i}@example.com`,
  city: '杭州市',
});

// More candidates than one query fetches (2,000): the batch reads them in chunks, the next while
// the last is prepared, and every row still finds its own customer.
describe.each(DB_KINDS)('fuzzy matching of a batch with thousands of candidates on %s', (kind) => {
  const N = 2_300;
  let t: TestDatabase;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    tenant = await buildTenant(t);
  });
  afterAll(() => t?.drop());

  it('matches each row to the customer with its name and email', async () => {
    const now = new Date();
    const options = { channel: 'test', importId: null, now };
    const base = await t.db.tenantTx(tenant.id, (tx) =>
      upsertCustomerBatch(tx, tenant.id, Array.from({ length: N }, (_, i) => person(i, i + 1)), { ...options, fuzzy: false }),
    );
    expect(base.every((o) => o.action === 'created')).toBe(true);
    const again = await t.db.tenantTx(tenant.id, (tx) => upsertCustomerBatch(tx, tenant.id, Array.from({ length: N }, (_, i) => person(i, i + 1)), options));
    const wrong = again.filter((o, i) => o.customerId !== base[i]!.customerId || o.action !== 'updated' || !o.fuzzy);
    expect(wrong.length, JSON.stringify(wrong.slice(0, 3))).toBe(0);
  }, 120_000);
});

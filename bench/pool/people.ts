import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/client.ts';
import { hashPassword } from '../../src/modules/auth/index.ts';
import { createTeam } from '../../src/modules/org/index.ts';

export const SELLER_PASSWORD = 'bench-password-1';

/**
 * Salespeople in one team, set-based: createUser hashes every password (scrypt, tens of ms each),
 * which would make a 200-person setup the slowest part of the bench. They all share one hash.
 */
export async function createSellers(db: Database, tenantId: string, count: number): Promise<string[]> {
  const hash = await hashPassword(SELLER_PASSWORD);
  return db.tenantTx(tenantId, async (tx) => {
    const team = await createTeam(tx, { tenantId, userId: null }, { name: '销售部' });
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO users (tenant_id, name, email, password_hash, role_key, team_id)
          SELECT ${tenantId}::uuid, '销售' || i, 'seller' || i || '@bench.test', ${hash}, 'sales', ${team.id}::uuid
          FROM generate_series(1, ${count}::int) AS i
          RETURNING id`,
    );
    return rows.map((r) => r.id);
  });
}

export const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

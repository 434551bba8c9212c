import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '../../db/client.ts';

/**
 * Records other modules keep on a customer: leads linked to it, opportunities, follow-up tasks.
 * A merge moves them to the survivor, and its undo moves back exactly the ones it moved (not
 * those added to the survivor since). The customers module knows them only through these
 * followers, which their own modules register, so it never touches their tables.
 */
export type MergeFollower = {
  /** Moves the records on `fromId` to `toId`; returns their ids. */
  move(tx: Tx, fromId: string, toId: string): Promise<string[]>;
  /** Puts the records with these ids back on `toId`. */
  moveBack(tx: Tx, ids: string[], toId: string): Promise<void>;
};

/** What a merge moved, per follower: kept on the merge so that its undo can move them back. */
export type MovedFollowers = Record<string, string[]>;

const followers = new Map<string, MergeFollower>();

export function registerMergeFollower(name: string, follower: MergeFollower): void {
  followers.set(name, follower);
}

/**
 * The usual follower: a table whose `customerColumn` points at the customer, its rows named by
 * `idColumn`, optionally only the rows `only` selects (e.g. tasks on customers, not on leads).
 */
export function columnFollower(table: PgTable, idColumn: PgColumn, customerColumn: PgColumn, only?: SQL): MergeFollower {
  const target = sql.identifier(customerColumn.name);
  return {
    move: async (tx, fromId, toId) => {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`update ${table} set ${target} = ${toId} where ${customerColumn} = ${fromId}${only ? sql` and ${only}` : sql``} returning ${idColumn} as id`,
      );
      return rows.map((r) => r.id);
    },
    moveBack: async (tx, ids, toId) => {
      if (ids.length) await tx.execute(sql`update ${table} set ${target} = ${toId} where ${inArray(idColumn, ids)}`);
    },
  };
}

export async function moveFollowers(tx: Tx, fromId: string, toId: string): Promise<MovedFollowers> {
  const moved: MovedFollowers = {};
  for (const [name, follower] of followers) {
    const ids = await follower.move(tx, fromId, toId);
    if (ids.length) moved[name] = ids;
  }
  return moved;
}

export async function moveFollowersBack(tx: Tx, moved: MovedFollowers | undefined, toId: string): Promise<void> {
  for (const [name, ids] of Object.entries(moved ?? {})) {
    const follower = followers.get(name);
    // A merge recorded by a module this process did not load: refuse rather than half-undo.
    if (!follower) throw new Error(`no merge follower registered for ${name}`);
    await follower.moveBack(tx, ids, toId);
  }
}

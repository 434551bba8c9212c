import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';
import type { RecordType } from './pool.tables.ts';
import type { PoolEntry } from './records.service.ts';

/**
 * What the pool needs of the modules whose records it manages (leads, customers): to set the
 * owner on their own rows. The pool never writes their tables; they register a handler here.
 * `changes` is a query yielding rows `(record_id uuid, owner_user_id uuid)`, so one statement can
 * move a million records (a recycle run) as easily as one (a claim).
 */
export type RecordTypeHandler = {
  setOwners(tx: Tx, changes: SQL): Promise<void>;
  /** Whether the caller may see the record itself (its history follows the record's visibility). */
  canSee(tx: Tx, caller: Caller, id: string): Promise<boolean>;
  /** How records the caller may see would enter a pool (for a manager moving records not yet in one). */
  entries(tx: Tx, caller: Caller, ids: readonly string[]): Promise<PoolEntry[]>;
};

const handlers = new Map<RecordType, RecordTypeHandler>();

export function registerPoolRecordType(type: RecordType, handler: RecordTypeHandler) {
  handlers.set(type, handler);
}

export function handlerOf(type: RecordType): RecordTypeHandler {
  const handler = handlers.get(type);
  if (!handler) throw new Error(`no pool handler registered for ${type}`);
  return handler;
}

import type { Tx } from '../../db/client.ts';
import type { Caller } from '../../server/caller.ts';

/** A lead qualified into this customer (new or existing). */
export type Qualified = { leadId: string; customerId: string };
type Follower = (tx: Tx, caller: Caller, qualified: Qualified) => Promise<void>;

const followers = new Map<string, Follower>();

/**
 * Lets a module that keeps records on a lead carry them to the customer the lead becomes (the
 * tasks module moves the open follow-ups), in the qualifying transaction, without the leads
 * module knowing its tables.
 */
export function registerQualifyFollower(name: string, follow: Follower): void {
  followers.set(name, follow);
}

export async function followQualified(tx: Tx, caller: Caller, qualified: Qualified): Promise<void> {
  for (const follow of followers.values()) await follow(tx, caller, qualified);
}

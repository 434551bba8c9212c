export type SpreadMethod = 'round_robin' | 'least_loaded';
export type HandoverItemType = 'lead' | 'customer' | 'opportunity';

/** Something of the leaver's book; `customerId` ties leads and opportunities to their customer. */
export type HandoverItem = { type: HandoverItemType; id: string; customerId: string | null; title: string };
export type PlannedItem = HandoverItem & { toUserId: string };

/**
 * Items that must go to one person: a customer with its opportunities and the leads linked to it
 * (or, when the customer itself is not moving, the leads and opportunities that share it).
 */
export type Family = { key: string; items: HandoverItem[]; weight: number };

const TYPE_ORDER: Record<HandoverItemType, number> = { customer: 0, lead: 1, opportunity: 2 };

/**
 * Groups the book into families in a stable order (by key). A family weighs what it adds to the
 * measure of load, open leads plus customers; one made only of opportunities weighs its count so
 * that those too are spread rather than piled on whoever is lightest.
 */
export function familiesOf(items: readonly HandoverItem[]): Family[] {
  const byKey = new Map<string, HandoverItem[]>();
  for (const item of items) {
    const key = item.type === 'customer' ? item.id : (item.customerId ?? `${item.type}:${item.id}`);
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const members = [...list].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id.localeCompare(b.id));
      const counted = members.filter((i) => i.type !== 'opportunity').length;
      return { key, items: members, weight: counted > 0 ? counted : members.length };
    });
}

/**
 * Decides who gets each family. Round robin deals families out in turn in the recipients' order;
 * least loaded gives the heaviest family first to whoever holds least (current load plus what
 * they have been given so far), ties going to the earlier recipient.
 */
export function spreadFamilies(
  families: readonly Family[],
  recipients: readonly string[],
  method: SpreadMethod,
  load: ReadonlyMap<string, number> = new Map(),
): Map<string, string> {
  const out = new Map<string, string>();
  if (recipients.length === 0) {
    if (families.length > 0) throw new Error('spreadFamilies: no recipients');
    return out;
  }
  switch (method) {
    case 'round_robin':
      families.forEach((f, i) => out.set(f.key, recipients[i % recipients.length]!));
      return out;
    case 'least_loaded': {
      const held = new Map(recipients.map((r) => [r, load.get(r) ?? 0]));
      const order = [...families].sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
      for (const f of order) {
        let best = recipients[0]!;
        for (const r of recipients) if (held.get(r)! < held.get(best)!) best = r;
        out.set(f.key, best);
        held.set(best, held.get(best)! + f.weight);
      }
      return out;
    }
  }
}

/** The whole plan: every item with its recipient, families kept together, in a stable order. */
export function planHandover(items: readonly HandoverItem[], recipients: readonly string[], method: SpreadMethod, load?: ReadonlyMap<string, number>): PlannedItem[] {
  const families = familiesOf(items);
  const chosen = spreadFamilies(families, recipients, method, load);
  return families.flatMap((f) => f.items.map((item) => ({ ...item, toUserId: chosen.get(f.key)! })));
}

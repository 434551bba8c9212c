import { generateDedupeSet } from '../generator.ts';
import { prepareRecord } from '../../../src/modules/dedupe/rules/prepare.ts';
const set = generateDedupeSet({ seed: 20240603, entities: 20000, dupRate: 0.1 });
const byId = new Map(set.records.map(r => [r.id, prepareRecord(r)]));
let bare = 0, bareDupDup = 0; const tagCount = new Map<string, number>();
let kinds = { person: 0, company: 0 };
for (const c of set.truth) for (let x = 0; x < c.length; x++) for (let y = x + 1; y < c.length; y++) {
  const a = byId.get(c[x]!)!, b = byId.get(c[y]!)!;
  const shared = (a.mobile && a.mobile === b.mobile) || (a.email && a.email === b.email) || (a.nationalId && a.nationalId.value === b.nationalId?.value) || (a.creditCode && a.creditCode.value === b.creditCode?.value) || (a.address !== '' && a.address === b.address);
  if (shared) continue;
  bare++; kinds[a.kind]++;
  const ca = set.changes[c[x]!] ?? [], cb = set.changes[c[y]!] ?? [];
  if (ca.length && cb.length) bareDupDup++;
  const key = [...ca, '/', ...cb].join(',');
  for (const t of new Set([...ca, ...cb])) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
}
console.log({ bare, bareDupDup, kinds });
console.log([...tagCount].sort((a, b) => b[1] - a[1]));
// base share of records without mobile and without address
const orig = set.records.filter(r => !set.changes[r.id]);
console.log('no mobile', orig.filter(r => !r.mobile).length / orig.length, 'no addr', orig.filter(r => !r.address).length / orig.length, 'neither', orig.filter(r => !r.address && !r.mobile).length / orig.length);

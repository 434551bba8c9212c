// Public and private pools at scale.
//   npm run bench -- pool recycle [n=1000000] [pglite|postgres|both] [explain] [--mix backlog|night]
//     The recycle run over n private records (leads and customers, 50 sellers, 3 pools with rules
//     per level): seconds, records fallen and warned, a second run that must move nothing, checks.
//     `--mix backlog` (the default, worst case): 20 % past their deadline, 10 % to warn, 10 % exempt;
//     `--mix night` (a steady nightly run): 1 % came due, 2 % to warn, 10 % exempt.
//     `explain` prints EXPLAIN ANALYZE of the heavy statements (then the timings are not clean).
//   npm run bench -- pool claims [claimers=200] [records=1000] [postgres|pglite|both]
//     Every claimer claims random public records over HTTP at once until none are left or all
//     are capped: claims/s, requests/s, latency, outcomes, checks.
import type { DbKind } from '../src/db/client.ts';
import setup from '../test/helpers/global-setup.ts';
import { claimsBench, printClaims, type ClaimsResult } from './pool/claims.ts';
import { MIXES, printRecycle, recycleBench, type Mix, type RecycleResult } from './pool/recycle.ts';

const argv = process.argv.slice(3);
const mixAt = argv.indexOf('--mix');
const mixArg = mixAt >= 0 ? argv.splice(mixAt, 2)[1] : 'backlog';
if (mixArg === undefined || !(mixArg in MIXES)) {
  console.error(`unknown mix: ${mixArg} (one of ${Object.keys(MIXES).join(', ')})`);
  process.exit(2);
}
const mix = mixArg as Mix;
const [mode, ...args] = argv;
const kindsOf = (arg: string | undefined, fallback: DbKind[]): DbKind[] =>
  !arg ? fallback : arg === 'both' ? ['postgres', 'pglite'] : arg.split(',').map((k) => {
    if (k !== 'postgres' && k !== 'pglite') throw new Error(`unknown database kind: ${k}`);
    return k;
  });

if (mode !== 'recycle' && mode !== 'claims') {
  console.error('usage: npm run bench -- pool recycle [n=1000000] [pglite|postgres|both] [explain] [--mix backlog|night]\n       npm run bench -- pool claims [claimers=200] [records=1000] [postgres|pglite|both]');
  process.exit(2);
}

const teardown = await setup();
let failed = false;
try {
  if (mode === 'recycle') {
    const n = Number(args[0] ?? 1_000_000);
    const results: RecycleResult[] = [];
    for (const kind of kindsOf(args[1], ['postgres', 'pglite'])) results.push(await recycleBench(kind, n, { explain: args[2] === 'explain', mix }));
    printRecycle(results);
    failed = results.some((r) => r.failures.length > 0);
  } else {
    const claimers = Number(args[0] ?? 200);
    const records = Number(args[1] ?? 1000);
    const results: ClaimsResult[] = [];
    for (const kind of kindsOf(args[2], ['postgres'])) results.push(await claimsBench(kind, claimers, records));
    printClaims(results);
    failed = results.some((r) => r.failures.length > 0);
  }
} finally {
  teardown();
}
if (failed) process.exitCode = 1;

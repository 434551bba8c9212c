// The functions a CPU profile spent the most time in, by self time and by file.
//   node --import tsx bench/profile-top.ts <file.cpuprofile> [count=25]
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const tally = (keyOf: (n: Node) => string) => {
  const out = new Map<string, number>();
  for (const [id, micros] of selfMicros) out.set(keyOf(byId.get(id)!), (out.get(keyOf(byId.get(id)!)) ?? 0) + micros);
  return [...out].sort((a, b) => b[1] - a[1]);
};
const short = (url: string) => url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;

console.log(`${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nby function (self time):');
for (const [key, micros] of tally((n) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`).slice(0, Number(countArg ?? 25))) console.log(`${pct(micros)}  ${key}`);
console.log('\nby file:');
for (const [key, micros] of tally((n) => short(n.callFrame.url) || `(${n.callFrame.functionName})`).slice(0, 15)) console.log(`${pct(micros)}  ${key}`);

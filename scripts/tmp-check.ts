import { enabledThreads, init, stepState } from '../src/core';
import { IntWriter } from '../src/core/explore/engine/int-writer';
import { encodeState } from '../src/core/schema/state-codec';
import type { State } from '../src/core/types';
import { scenarioById } from '../src/scenarios';
const s = scenarioById(process.argv[2] ?? 'copy-user-baseline')!;
const future = (st: State) => JSON.stringify({ ...st, scenario: 0, time: 0, counters: 0, findings: 0 });
const key = (st: State) => { const w = new IntWriter(); encodeState(st, w); return w.key(); };
const seen = new Map<string, string>(); // json -> key
const byKey = new Map<string, string>();
let frontier: State[] = [init(s)];
seen.set(future(frontier[0]!), key(frontier[0]!));
let merged = 0; let example = '';
while (frontier.length) {
  const next: State[] = [];
  for (const st of frontier) for (const t of enabledThreads(st)) {
    const r = stepState(st, t); if (!r.ok) continue;
    const j = future(r.state); if (seen.has(j)) continue;
    const k = key(r.state); seen.set(j, k);
    const other = byKey.get(k);
    if (other !== undefined) { merged++; if (!example) example = `${other}\n---\n${j}`; } else byKey.set(k, j);
    if (r.event.findings.every(() => true)) next.push(r.state);
  }
  frontier = next;
}
console.log(s.id, 'json states', seen.size, 'distinct keys', byKey.size + 1, 'merged', merged);
if (example) { const [a, b] = example.split('\n---\n'); const A = JSON.parse(a!), B = JSON.parse(b!);
  const diff = (x: any, y: any, p: string): void => { if (JSON.stringify(x) === JSON.stringify(y)) return; if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) { console.log(p, JSON.stringify(x), '≠', JSON.stringify(y)); return; } for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diff(x[k], y[k], `${p}.${k}`); };
  diff(A, B, 'state'); }

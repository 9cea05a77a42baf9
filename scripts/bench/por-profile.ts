// Profiling target (node --cpu-prof) for the reduced search: the matrix's cell variants, reduced, in one thread,
// `--rounds` times (warm), or stress with `--stress`. Prints states, transitions and CPU s per round.
import { explore } from '../../src/core/explore/engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { searchMachine } from '../../src/core/explore/ringside/ringside';
import { MM_KINDS, validateScenario } from '../../src/core/index';
import type { Scenario } from '../../src/core/types';
import { stress } from './scenarios';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const por = !process.argv.includes('--no-por');
const which: Scenario[] = process.argv.includes('--stress')
  ? [stress]
  : matrixRows().flatMap(({ design, bug }) =>
      MM_KINDS.flatMap((event) => {
        const cell = validateScenario(cellScenario(design, event, bug));
        return cell.ok ? cellVariants(cell.scenario, event) : [];
      }),
    );
const profile = process.argv.includes('--warm-profile') ? await warmProfiler() : null;
for (let round = 0, rounds = arg('--rounds', 5); round < rounds; round++) {
  if (round === 1) await profile?.start();
  const c0 = process.cpuUsage();
  let [states, transitions] = [0, 0];
  for (const s of which) {
    const r = explore(searchMachine(s), { por, maxStates: arg('--max-states', 2_000_000) });
    states += r.states;
    transitions += r.transitions;
  }
  const c = process.cpuUsage(c0);
  console.log(
    `round ${round}: states ${states} transitions ${transitions} CPU ${((c.user + c.system) / 1e6).toFixed(3)} s`,
  );
}
await profile?.stop();

/** `--warm-profile`: a CPU profile of the rounds after the first (cold) one, written to por-warm.cpuprofile. */
async function warmProfiler() {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => session.post('Profiler.start'),
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync('por-warm.cpuprofile', JSON.stringify(profile));
    },
  };
}

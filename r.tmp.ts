import { cellScenario } from './src/core/explore/matrix';
import { checkScenarioLiveness } from './src/core/explore/ringside-liveness';
import { explore } from './src/core/explore/engine';
import { ringsideMachine } from './src/core/explore/ringside';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const s = cellScenario('interval-notifier', 'reclaim', null);
const m = ringsideMachine(s);
for (let i = 0; i < 4; i++) {
  let c0 = cpu(); const a = explore(m); const c1 = cpu();
  const b = checkScenarioLiveness(s, m); const c2 = cpu();
  console.log(a.states, a.transitions, b.transitions, Math.round(c1 - c0), Math.round(c2 - c1));
}

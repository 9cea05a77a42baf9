import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system, every thread) used so far by this process's descendants but `skip` and its own (the
 * preview server), that is by the browser, from Linux's /proc; NaN elsewhere. On a shared machine CPU time says
 * what a run costs when wall time cannot.
 */
export function cpuSecondsOfChildren(skip, root = process.pid) {
  try {
    const parentOf = new Map();
    const cpuOf = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parentOf.set(Number(entry), Number(fields[1]));
        // utime and stime, in clock ticks (100 a second on Linux).
        cpuOf.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The process ended while the table was read.
      }
    }
    const mine = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parentOf)
        if (pid !== skip && !mine.has(pid) && mine.has(parent)) {
          mine.add(pid);
          grew = true;
        }
    }
    mine.delete(root);
    return [...mine].reduce((sum, pid) => sum + (cpuOf.get(pid) ?? 0), 0);
  } catch {
    return Number.NaN;
  }
}

import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system, every thread) used so far by this process's descendants but `skip` and its own (the
 * preview server), that is by the browser, from Linux's /proc; NaN elsewhere. On a shared machine CPU time says
 * what a run costs when wall time cannot.
 */
export function cpuSecondsOfChildren(skip, root = process.pid) {
  try {
    let sum = 0;
    for (const pid of descendants(skip, root)) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, in clock ticks (100 a second on Linux).
        sum += (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // The process ended while it was read.
      }
    }
    return sum;
  } catch {
    return Number.NaN;
  }
}

/** The processes under `root` but `skip` (and `root` itself), as pids. */
function descendants(skip, root) {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
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
  return [...mine];
}

/**
 * CPU seconds per thread of the browser (as `cpuSecondsOfChildren`), keyed by `pid/tid name`: subtract two readings
 * to see which threads (the page's main thread, each DedicatedWorker, V8's helpers) did a run's work. Empty off Linux.
 */
export function cpuSecondsByThread(skip, root = process.pid) {
  const out = new Map();
  try {
    for (const pid of descendants(skip, root))
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          out.set(`${pid}/${tid} ${name}`, (Number(fields[11]) + Number(fields[12])) / 100);
        } catch {
          // The thread ended while it was read.
        }
      }
  } catch {
    return out;
  }
  return out;
}

/** Per kind of thread (its name without digits), the CPU seconds between two `cpuSecondsByThread` readings. */
export function threadSplit(before, after) {
  const kinds = new Map();
  for (const [key, seconds] of after) {
    const spent = seconds - (before.get(key) ?? 0);
    if (spent < 0.005) continue;
    const kind = key.replace(/^\S+ /, '').replace(/\d+$/, '').trim();
    const list = kinds.get(kind) ?? [];
    list.push(spent);
    kinds.set(kind, list);
  }
  return [...kinds]
    .sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0))
    .map(([kind, list]) => `${kind} ${list.map((s) => s.toFixed(2)).join('+')}`)
    .join(', ');
}

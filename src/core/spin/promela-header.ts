import type { Scenario } from '../types';

/** What the header names besides the scenario: who made the file and the link that opens the scenario. */
export interface PromelaMeta {
  ringsideVersion: string;
  modelVersion: string;
  /** The share link (query string, or a full URL) that opens the scenario in the stepper. */
  link: string;
}

/** The first line of every export; the trail reader checks it before anything else. */
export const HEADER_TAG = '/* Ringside Promela export';

const safe = (text: string) => text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');

export const BUILD_SAFETY =
  'spin -a model.pml && gcc -O2 -w -DSAFETY -DVECTORSZ=4096 -o pan pan.c && ./pan -c0 -m1000000';
export const BUILD_LIVENESS =
  'spin -DPROGRESS -a model.pml && gcc -O2 -w -DNP -DVECTORSZ=4096 -o pan pan.c && ./pan -l -f -m1000000';

export function promelaHeader(scenario: Scenario, meta: PromelaMeta): string {
  return [
    `${HEADER_TAG} */`,
    `/* scenario: ${safe(scenario.id)} (${safe(scenario.title)})`,
    ` * ringside: ${safe(meta.ringsideVersion)}  model: ${safe(meta.modelVersion)}`,
    ` * open in Ringside: ${safe(meta.link)}`,
    ' * safety (-c0: every hazard kind; without -c0 pan stops at the first and writes model.pml.trail;',
    ' * add -DNOREDUCE for no partial-order reduction, -DBITSTATE or -DNCORE=2 for large models):',
    ` *   ${BUILD_SAFETY}`,
    ' * liveness (non-progress cycles under weak fairness; -DPROGRESS adds the progress labels):',
    ` *   ${BUILD_LIVENESS}`,
    ' * a counterexample back into Ringside: npm run explore -- <scenario> --spin-trail model.pml.trail',
    ' * Each Ringside step is one d_step; printf("RS <thread> <pc>") names it in a replay (spin -t).',
    ' */',
  ].join('\n');
}

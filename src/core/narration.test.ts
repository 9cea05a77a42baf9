import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { cellScenario, matrixRows } from './explore/matrix/matrix';
import { MM_KINDS } from './index';
import { replay } from './step';
import { runChoices } from './test-helpers';
import type { Frame, Scenario, State, StepEvent } from './types';
import { validateScenario } from './validate';

type FrameCheck = (before: Frame | undefined, after: Frame | undefined) => boolean;

/** Each narrated claim about named frames, and what the state before and after the step must show for it. */
const CLAIMS: [RegExp, FrameCheck][] = [
  [/set_page_dirty(?:_lock)? on frame (#[\d, #]+)/g, (_b, a) => a?.dirty === true],
  // "PG_dirty set" claims a change: the frame was clean before the step; a frame that was not says "already dirty".
  [/PG_dirty (?:is )?set on frame (#[\d, #]+)/g, (b, a) => a?.dirty === true && b?.dirty === false],
  [/frame (#[\d, #]+) already dirty/g, (b, a) => b?.dirty === true && a?.dirty === true],
  [/PG_dirty newly set on frame (#[\d, #]+)/g, (b, a) => a?.dirty === true && b?.dirty === false],
  [/Frame (#[\d, #]+) was already dirty/g, (b) => b?.dirty === true],
  [/PG_dirty is clear on frame (#[\d, #]+)/g, (_b, a) => a?.dirty === false],
  [/PG_dirty cleared on frame (#[\d, #]+)/g, (_b, a) => a?.dirty === false],
  [/pageout wrote frame (#[\d, #]+)/g, (_b, a) => a?.dirty === false],
  [/PG_locked on frame (#[\d, #]+)/g, (_b, a) => a?.locked === true],
  [/frame (#\d+) reached refcount 0/g, (_b, a) => a?.owner === 'free' && a.refcount === 0],
  [/frame (#[\d, #]+) now belongs to another task/g, (_b, a) => a?.owner === 'reused-by-other'],
  [/took a reference on frame\(s\) (#[\d, #]+)/g, (b, a) => (a?.refcount ?? 0) > (b?.refcount ?? 0)],
];

const framesIn = (list: string) => [...list.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));

/** Every claim a step's narration makes about a frame holds in the states around it, and names a frame the step changed. */
function checkEvent(before: State, after: State, event: StepEvent, where: string): void {
  const changed = new Set(event.changed.filter((c) => c.startsWith('frames.')).map((c) => Number(c.slice(7))));
  for (const [pattern, holds] of CLAIMS) {
    for (const match of event.detail.matchAll(pattern)) {
      for (const f of framesIn(match[1] ?? '')) {
        const freedHere = event.detail.includes(`frame #${f} reached refcount 0`);
        const ok = holds(before.frames[f], after.frames[f]) || (freedHere && after.frames[f]?.owner === 'free');
        if (!ok) expect.fail(`${where}: "${match[0]}" but frame #${f} is ${JSON.stringify(after.frames[f])}`);
        const stated = !/already|is clear/.test(match[0]);
        if (stated && !changed.has(f) && !/set_page_dirty/.test(match[0]))
          expect.fail(`${where}: "${match[0]}" names frame #${f}, which the step did not change`);
      }
    }
  }
  for (const f of framesIn(event.detail)) expect(after.frames[f], `${where}: frame #${f} exists`).toBeDefined();
  // An empty frame list joined into a sentence ("for frame #.") names nothing.
  expect(event.detail, `${where}: a "#" without a frame number`).not.toMatch(/#(?!\d)/);
  for (const finding of event.findings) {
    if (finding.kind !== 'use-after-free') continue;
    for (const f of finding.frames) expect(['free', 'reused-by-other']).toContain(after.frames[f]?.owner);
  }
  if (before.scenario.design === 'direct-map-rcu')
    expect(`${event.detail} ${event.findings.map((f) => f.message).join(' ')}`).not.toMatch(/kmap/);
}

function checkSchedule(scenario: Scenario, schedule: readonly number[]): void {
  const run = replay(scenario, schedule);
  run.events.forEach((event, i) => {
    checkEvent(run.states[i] as State, run.states[i + 1] as State, event, `${scenario.id} step ${i}`);
  });
}

describe('narration names only frames whose state shows what it says', () => {
  it.each(builtinScenarios.map((s) => [s.id, s] as const))('%s: every step of its story', (_id, scenario) => {
    checkSchedule(scenario, scenario.story);
  });

  it('random schedules of every matrix cell', () => {
    const cells = matrixRows().flatMap(({ design, bug }) =>
      MM_KINDS.flatMap((event) => {
        const v = validateScenario(cellScenario(design, event, bug));
        return v.ok ? [v.scenario] : [];
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.array(fc.nat(7), { minLength: 10, maxLength: 80 }),
        (scenario, choices) => {
          checkSchedule(scenario, runChoices(scenario, choices).schedule);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

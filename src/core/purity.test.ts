import { describe, expect, it, vi } from 'vitest';

// The core must run with React and the DOM absent: mock React away, then drive a whole replay.
vi.mock('react', () => ({}));

describe('src/core is pure', () => {
  it('replays a scenario without React, DOM or worker globals', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const core = await import('.');
    const { builtinScenarios } = await import('../scenarios');
    const scenario = builtinScenarios[0];
    if (!scenario) throw new Error('no scenario');
    const run = core.replay(scenario, scenario.story);
    expect(run.events.length).toBe(scenario.story.length);
    expect(structuredClone(run.states.at(-1))).toEqual(run.states.at(-1));
  });
});

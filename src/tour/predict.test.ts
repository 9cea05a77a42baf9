import { describe, expect, it } from 'vitest';
import { replay, step } from '../core';
import { builtinScenarios } from '../scenarios';
import { questionAt } from './predict';

const scenario = (id: string) => {
  const found = builtinScenarios.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('predict, then check: answers read from the model', () => {
  it('the refcount answer is the frame refcount after the next step, whatever the step', () => {
    const s = scenario('gup-munmap-uaf');
    const states = replay(s, s.story).states;
    for (const [i, thread] of s.story.entries()) {
      const state = states[i];
      if (!state) throw new Error('no state');
      const question = questionAt(state, thread, { kind: 'refcount', ringPage: 0 });
      const next = step(state, thread);
      if (!next.ok) throw new Error(next.error);
      const frame = state.ptes[0]?.frame ?? -1;
      expect(question?.answers).toEqual([String(next.state.frames[frame]?.refcount)]);
    }
  });

  it('the dirty answer follows the bug switch: set_page_dirty in start keeps the page dirty, skipping it does not', () => {
    const buggy = scenario('swapout-lost-write');
    const fixed = { ...buggy, bugs: [] };
    const at = 12;
    const ask = (s: typeof buggy) => {
      const state = replay(s, s.story.slice(0, at)).states[at];
      const next = s.story[at];
      if (!state || next === undefined) throw new Error('no state');
      return questionAt(state, next, { kind: 'dirty', ringPage: 2 })?.answers;
    };
    expect(ask(buggy)).toEqual(['clear']);
    expect(ask(fixed)).toEqual(['set']);
  });

  it('which thread must run next: only munmap keeps the use-after-free reachable once vhost dropped its reference', () => {
    const s = scenario('gup-munmap-uaf');
    const state = replay(s, s.story.slice(0, 5)).states[5];
    if (!state) throw new Error('no state');
    const question = questionAt(state, 1, { kind: 'next-thread', hazard: 'use-after-free' });
    expect(question?.choices.map((c) => c.value)).toEqual(['0', '1']);
    expect(question?.answers).toEqual(['1']);
    const safe = { ...s, bugs: [] };
    const safeState = replay(safe, s.story.slice(0, 5)).states[5];
    if (!safeState) throw new Error('no state');
    expect(questionAt(safeState, 1, { kind: 'next-thread', hazard: 'use-after-free' })).toBeNull();
  });
});

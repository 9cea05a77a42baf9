import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { decode } from './decode';
import { encodeRunLink } from './encode';
import { MAX_LINK_STEPS, MAX_QUERY_CHARS } from './run-link-types';

const base = builtinScenarios[0];
if (!base) throw new Error('no built-in scenario');

describe('the query cap (below the server header limit)', () => {
  it('the encoder never writes a query over MAX_QUERY_CHARS, even for 2,000 steps of thread 63', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 2000 }), (title, summary) => {
        const schedule = Array<number>(MAX_LINK_STEPS).fill(63);
        const link = encodeRunLink({
          scenarioId: 'mine',
          edited: { ...base, id: 'mine', title, summary },
          schedule,
          index: 0,
        });
        const query = link.split('#')[0] ?? '';
        expect(query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a longer query with a message, before parsing it', () => {
    const text = `?v=2&s=gup-munmap-uaf&t=${'0.'.repeat(MAX_QUERY_CHARS / 2)}0&i=0`;
    expect(decode(text)).toEqual({
      status: 'error',
      error: `The link's query is ${text.length} characters long; at most ${MAX_QUERY_CHARS}.`,
      nearest: null,
    });
  });

  it('still reads a long fragment: only the query is capped this low', () => {
    const link = encodeRunLink({ scenarioId: base.id, schedule: [], index: 0 });
    expect(decode(`${link}#${'y'.repeat(MAX_QUERY_CHARS)}`).status).toBe('ok');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX } from '../core/excerpt';
import type { Scenario } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { runLinkArb } from './arbitraries.test-util';
import { checksum, encodeRunLink } from './encode';
import { MODEL_VERSION } from './model-version';
import { decode, decodeRunLink, MAX_LINK_STEPS } from './run-link';
import { MAX_QUERY_SCENARIO_CHARS } from './run-link-types';
import { encodeScenario } from './scenario-code';

const ID = 'gup-munmap-uaf';
/** A version-2 link with a correct checksum over whatever thread and step text it is given. */
const v2 = (threads: string, index: string) =>
  `?v=2&m=${MODEL_VERSION}&s=${ID}&t=${threads}&i=${index}&c=${checksum(MODEL_VERSION, ID, threads, index)}`;

describe('run links', () => {
  it('decode(encode(situation)) is the identity for any built-in or edited scenario, schedule and step', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(runLinkArb, (link) => {
        expect(decode(encodeRunLink(link))).toEqual({ status: 'ok', link });
      }),
      { numRuns: 2000 },
    );
  });

  it('puts an edited scenario in the fragment exactly when its code is long', () => {
    fc.assert(
      fc.property(runLinkArb, (link) => {
        const long = link.edited !== undefined && encodeScenario(link.edited).length > MAX_QUERY_SCENARIO_CHARS;
        expect(encodeRunLink(link).includes('#x=')).toBe(long);
      }),
      { numRuns: 300 },
    );
  });

  it('puts a long edited scenario in the fragment, which still decodes', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + (next() % 90))).join('');
    const base = builtinScenarios[0];
    if (!base) throw new Error('no built-in scenario');
    const edited = { ...base, id: 'long-one', title: noise(200), summary: noise(1500) };
    const link = encodeRunLink({ scenarioId: edited.id, edited, schedule: [0, 1], index: 1 });
    expect(link).toMatch(/^\?v=2&m=\w{4}&t=0\.1&i=1&c=\w{5}#x=/);
    expect(decode(link)).toEqual({
      status: 'ok',
      link: { scenarioId: 'long-one', edited, schedule: [0, 1], index: 1 },
    });
  });

  it('keeps a built-in scenario with a 40-step schedule well under 200 characters', () => {
    const link = encodeRunLink({ scenarioId: 'interval-notifier-safe', schedule: Array(40).fill(4), index: 40 });
    expect(link.length).toBeLessThan(160);
  });

  it('reads the older format 1, strictly, with a note', () => {
    expect(decode(`?v=1&s=${ID}&t=0.0.1&i=2`)).toMatchObject({
      status: 'ok',
      link: { scenarioId: ID, schedule: [0, 0, 1], index: 2 },
      note: expect.stringMatching(/before links recorded the model version/),
    });
    expect(decode(`?v=1&s=${ID}&t=1.0`)).toMatchObject({ link: { index: 2 } });
  });

  it.each([
    ['a trailing dot', v2('0.0.', '2'), /thread numbers/],
    ['an empty part', v2('0..1', '2'), /thread numbers/],
    ['hexadecimal', v2('0x1', '0'), /thread numbers/],
    ['an exponent', v2('1e0', '0'), /thread numbers/],
    ['a space', v2('0.%201', '0'), /thread numbers/],
    ['a leading zero', v2('01', '0'), /thread numbers/],
    ['an empty step', v2('0.1', ''), /not a whole number/],
    ['a step beyond the schedule', v2('0.1', '3'), /outside the 2 recorded steps/],
    ['a signed step', v2('0.1', '+1'), /not a whole number/],
  ])('refuses %s in the schedule or step', (_name, link, error) => {
    expect(decode(link)).toMatchObject({ status: 'error', error });
    expect(decode(link.replace('v=2', 'v=1'))).toMatchObject({ status: 'error', error });
  });

  it('opens the nearest valid run: the scenario start, or the schedule at its end', () => {
    expect(decode(v2('0.0.', '2'))).toMatchObject({ nearest: { scenarioId: ID, schedule: [], index: 0 } });
    expect(decode(v2('0.1', '9'))).toMatchObject({ nearest: { scenarioId: ID, schedule: [0, 1], index: 2 } });
    expect(decode('?v=2&s=nope&t=&i=0')).toMatchObject({ error: /unknown scenario "nope"/, nearest: null });
  });

  it('notices a changed or truncated link through its checksum', () => {
    const good = encodeRunLink({ scenarioId: ID, schedule: [0, 0, 1, 1], index: 3 });
    expect(decode(good.replace('t=0.0.1.1', 't=0.0.1.0'))).toMatchObject({ error: /checksum/ });
    expect(decode(good.slice(0, good.indexOf('&c=') + 4))).toMatchObject({ error: /checksum/ });
    expect(decode(good.slice(0, good.indexOf('&c=')))).toMatchObject({ error: /checksum/ });
  });

  it('says which model made a link from another model version, and still opens it', () => {
    const m = 'zzzz';
    const link = `?v=2&m=${m}&s=${ID}&t=0&i=1&c=${checksum(m, ID, '0', '1')}`;
    expect(decode(link)).toMatchObject({
      status: 'ok',
      note: `This link was made by model zzzz; this is model ${MODEL_VERSION}. It is replayed by this model.`,
    });
  });

  it('refuses unknown versions, duplicated keys and oversized links with a short, escaped excerpt', () => {
    expect(decode('?v=3&s=a')).toMatchObject({ error: /format version "3" is unknown/ });
    expect(decode(`?v=1&s=${ID}&s=${ID}`)).toMatchObject({ error: /"s" more than once/ });
    expect(decode(`?v=1&s=${'a'.repeat(17_000)}`)).toMatchObject({ error: /at most 16000/ });
    const long = decode(`?v=1&s=${'<b>x</b>'.repeat(500)}`);
    expect(long.status === 'error' && long.error.length).toBeLessThan(EXCERPT_MAX + 80);
    expect(decode('?v=1&s=%0Aevil')).toMatchObject({ error: /"\\u000aevil"/ });
  });

  it('quotes at most a short, printable part of an edited scenario the validator refuses', () => {
    const base = builtinScenarios[0];
    if (!base) throw new Error('no built-in scenario');
    const hostile = { ...base, id: 'bad', design: `\u202e${'x'.repeat(3000)}` } as unknown as Scenario;
    const decoded = decode(encodeRunLink({ scenarioId: 'bad', edited: hostile, schedule: [], index: 0 }));
    expect(decoded).toMatchObject({ status: 'error', error: /^Its edited scenario is not valid: design: / });
    const error = decoded.status === 'error' ? decoded.error : '';
    expect(error.length).toBeLessThan(300);
    expect(error).not.toContain('\u202e');
  });

  it('refuses an oversized schedule before replaying anything', () => {
    const long = Array.from({ length: MAX_LINK_STEPS + 1 }, () => 0).join('.');
    expect(decodeRunLink(`?v=1&s=${ID}&t=${long}`)).toEqual({
      ok: false,
      error: `The link holds ${MAX_LINK_STEPS + 1} steps; Ringside replays at most ${MAX_LINK_STEPS}.`,
    });
  });

  it('keeps decodeRunLink: null without a link, ok or an error sentence otherwise', () => {
    expect(decodeRunLink('')).toBeNull();
    expect(decodeRunLink('?utm=1')).toBeNull();
    expect(decodeRunLink(`?v=1&s=${ID}&t=0&i=1`)).toEqual({
      ok: true,
      link: { scenarioId: ID, schedule: [0], index: 1 },
    });
    expect(decodeRunLink('?v=1&s=nope')).toEqual({ ok: false, error: 'It names an unknown scenario "nope".' });
    expect(builtinScenarios.some((s) => s.id === ID)).toBe(true);
  });
});

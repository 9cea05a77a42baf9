import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSchedule, MAX_COMPARED_STEPS, parseSchedule } from './parse-schedule';

describe('schedules typed as thread numbers', () => {
  it('reads back what it writes, whatever the separators', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((threads) =>
            fc.tuple(fc.constant(threads), fc.array(fc.integer({ min: 0, max: threads - 1 }), { maxLength: 40 })),
          ),
        fc.constantFrom(' ', '.', ',', ' , '),
        ([threads, schedule], separator) => {
          const text = formatSchedule(schedule).replace(/ /g, separator);
          expect(parseSchedule(text, threads)).toEqual({ ok: true, schedule });
        },
      ),
    );
  });

  it('never throws on any text and refuses what is not a thread number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parseSchedule(text, 2);
        if (parsed.ok) expect(parsed.schedule.every((t) => t === 0 || t === 1)).toBe(true);
      }),
    );
    expect(parseSchedule('1 3', 2)).toEqual({ ok: false, error: '“3” is not a thread number from 1 to 2.' });
    expect(parseSchedule('0', 2).ok).toBe(false);
    expect(parseSchedule('1 '.repeat(MAX_COMPARED_STEPS + 1), 2).ok).toBe(false);
  });
});

/**
 * Window planning for long texts (main/language/ner/token-windows.ts): every token is read, no window is
 * longer than the model's positions, windows move forward and cut at word starts where one is near, and each
 * token's prediction comes from a window that reads it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerWindows, planWindows } from '../../../main/language/ner/token-windows';

describe('token windows', () => {
  it('keeps a short text in one window and an empty one in none', () => {
    expect(planWindows([true, false, true], 62)).toEqual([{ start: 0, end: 3 }]);
    expect(planWindows([], 62)).toEqual([]);
  });

  it('overlaps windows and cuts them at word starts', () => {
    const wordStarts = Array.from({ length: 20 }, (_, i) => i % 3 === 0);
    const windows = planWindows(wordStarts, 8);
    for (const { start, end } of windows) {
      expect(wordStarts[start]).toBe(true);
      if (end < 20) expect(wordStarts[end]).toBe(true);
    }
    expect(windows[0]).toEqual({ start: 0, end: 6 });
    expect(windows.at(-1)?.end).toBe(20);
  });

  it('covers every token with bounded, advancing windows (any words, any size)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), fc.integer({ min: 1, max: 70 }), (starts, size) => {
        const windows = planWindows(starts, size);
        const owners = ownerWindows(windows, starts.length);
        windows.forEach(({ start, end }, w) => {
          expect(end - start).toBeGreaterThan(0);
          expect(end - start).toBeLessThanOrEqual(size);
          const previous = windows[w - 1];
          if (previous) {
            expect(start).toBeGreaterThan(previous.start);
            expect(start).toBeLessThanOrEqual(previous.end);
            expect(end).toBeGreaterThan(previous.end);
          }
        });
        owners.forEach((w, i) => {
          const window = windows[w];
          expect(window && i >= window.start && i < window.end).toBe(true);
        });
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { alignTranslation } from '../../../main/speech/align-translation';

describe('alignTranslation', () => {
  it('gives each English piece to the source segment it overlaps most', () => {
    const source = [
      { startMs: 0, endMs: 2000, text: 'मुझे सिरदर्द है' },
      { startMs: 2500, endMs: 5000, text: 'कब से?' },
    ];
    const english = [
      { startMs: 0, endMs: 1900, text: 'I have a headache' },
      { startMs: 2400, endMs: 3000, text: 'Since' },
      { startMs: 3000, endMs: 5000, text: 'when?' },
    ];
    expect(alignTranslation(source, english)).toEqual(['I have a headache', 'Since when?']);
  });

  it('puts a piece that overlaps nothing on the nearest segment and leaves others empty', () => {
    const source = [
      { startMs: 0, endMs: 1000, text: 'a' },
      { startMs: 5000, endMs: 6000, text: 'b' },
    ];
    expect(alignTranslation(source, [{ startMs: 6100, endMs: 6500, text: 'late' }])).toEqual(['', 'late']);
  });
});

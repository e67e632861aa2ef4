import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../store/thrown';
import { createSegmenter, segmentSpeech, type SpeechSegment } from '../../../main/audio/vad/segmenter';

const F = 512;
const RATE = 16_000;
const ms = (frames: number): number => (frames * F * 1000) / RATE;
/** A probability sequence from runs: [probability, frames][]. */
const runs = (...parts: Array<[number, number]>): number[] => parts.flatMap(([p, n]) => Array<number>(n).fill(p));

/** Probability sequences with realistic structure: runs of speech, pauses and in-between values. */
const probabilitySequence = fc
  .array(
    fc.tuple(
      fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.2, 0.4, 0.6, 0.95)),
      fc.integer({ min: 1, max: 60 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => runs(...parts));

const segmenterOptions = fc.record({
  minSpeechMs: fc.integer({ min: 0, max: 500 }),
  minSilenceMs: fc.integer({ min: 32, max: 1500 }),
  padMs: fc.integer({ min: 0, max: 30 }),
  maxSegmentMs: fc.integer({ min: 400, max: 5000 }),
});

const assertWellFormed = (segments: SpeechSegment[], total: number, maxSamples: number): void => {
  let previousEnd = 0;
  for (const s of segments) {
    expect(s.startSample).toBeGreaterThanOrEqual(previousEnd);
    expect(s.endSample).toBeGreaterThan(s.startSample);
    expect(s.endSample).toBeLessThanOrEqual(total);
    expect(s.endSample - s.startSample).toBeLessThanOrEqual(maxSamples);
    expect(s.startMs).toBe((s.startSample * 1000) / RATE);
    expect(s.endMs).toBe((s.endSample * 1000) / RATE);
    previousEnd = s.endSample;
  }
};

describe('speech segmenter', () => {
  it('finds one padded segment around a burst of speech', () => {
    const probabilities = runs([0.01, 50], [0.9, 40], [0.01, 50]);
    expect(segmentSpeech(probabilities, { padMs: 96 })).toEqual([
      { startSample: 50 * F - 1536, endSample: 90 * F + 1536, startMs: ms(50) - 96, endMs: ms(90) + 96 },
    ]);
  });

  it('finds nothing in silence or in noise that never crosses the start threshold', () => {
    expect(segmentSpeech(runs([0, 500]))).toEqual([]);
    expect(segmentSpeech(runs([0.49, 500]))).toEqual([]);
  });

  it('uses hysteresis: values between the thresholds neither start nor end speech', () => {
    const probabilities = runs([0.4, 30], [0.9, 20], [0.4, 100], [0.9, 20], [0.1, 30]);
    const [only, ...rest] = segmentSpeech(probabilities, { padMs: 0 });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ startSample: 30 * F, endSample: 170 * F });
  });

  it('keeps pauses shorter than the minimum silence inside one segment and splits at longer ones', () => {
    const short = segmentSpeech(runs([0.9, 20], [0.1, 15], [0.9, 20], [0, 40]), { padMs: 0, minSilenceMs: 500 });
    expect(short.map((s) => [s.startSample / F, s.endSample / F])).toEqual([[0, 55]]);
    const long = segmentSpeech(runs([0.9, 20], [0.1, 16], [0.9, 20], [0, 40]), { padMs: 0, minSilenceMs: 500 });
    expect(long.map((s) => [s.startSample / F, s.endSample / F])).toEqual([
      [0, 20],
      [36, 56],
    ]);
  });

  it('drops bursts shorter than the minimum speech duration', () => {
    const probabilities = runs([0, 20], [0.9, 5], [0, 40], [0.9, 10], [0, 40]);
    const found = segmentSpeech(probabilities, { padMs: 0, minSpeechMs: 250 });
    expect(found.map((s) => [s.startSample / F, s.endSample / F])).toEqual([[65, 75]]);
  });

  it('splits long speech at its quietest frame in the later half and loses nothing', () => {
    const probabilities = runs([0.9, 100], [0.55, 1], [0.9, 100], [0, 40]);
    probabilities[30] = 0.51; // quieter, but in the first half: not chosen
    const found = segmentSpeech(probabilities, { padMs: 0, maxSegmentMs: 4000 });
    expect(found.map((s) => [s.startSample / F, s.endSample / F])).toEqual([
      [0, 100],
      [100, 201],
    ]);
  });

  it('clamps the last segment to the real length when the audio ends mid-speech', () => {
    const segmenter = createSegmenter({ padMs: 100 });
    expect(segmenter.push(runs([0, 10], [0.9, 30]))).toEqual([]);
    const [last] = segmenter.flush(40 * F - 100);
    expect(last).toMatchObject({ startSample: 10 * F - 1600, endSample: 40 * F - 100 });
  });

  it('refuses inconsistent options', () => {
    expect(thrownBy(() => createSegmenter({ startThreshold: 0.3, endThreshold: 0.5 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(thrownBy(() => createSegmenter({ padMs: 600, minSilenceMs: 500 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('property: segments are ordered, disjoint, inside the audio and never longer than the maximum', () => {
    fc.assert(
      fc.property(probabilitySequence, segmenterOptions, (probabilities, options) => {
        const total = probabilities.length * F;
        const found = segmentSpeech(probabilities, options, total);
        assertWellFormed(found, total, Math.floor((options.maxSegmentMs * RATE) / 1000));
      }),
    );
  });

  it('property: without a minimum speech duration every speech frame is covered', () => {
    fc.assert(
      fc.property(probabilitySequence, segmenterOptions, (probabilities, options) => {
        const found = segmentSpeech(probabilities, { ...options, minSpeechMs: 0 });
        probabilities.forEach((p, frame) => {
          if (p < 0.5) return;
          const covered = found.some((s) => s.startSample <= frame * F && (frame + 1) * F <= s.endSample);
          expect(covered, `frame ${frame}`).toBe(true);
        });
      }),
    );
  });

  it('property: streaming in any block sizes gives the same segments as all at once', () => {
    fc.assert(
      fc.property(
        probabilitySequence,
        segmenterOptions,
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1 }),
        (probabilities, options, cuts) => {
          const segmenter = createSegmenter(options);
          const streamed: SpeechSegment[] = [];
          let offset = 0;
          for (let i = 0; offset < probabilities.length; i += 1) {
            const size = cuts[i % cuts.length] ?? 1;
            streamed.push(...segmenter.push(probabilities.slice(offset, offset + size)));
            offset += size;
          }
          streamed.push(...segmenter.flush());
          expect(streamed).toEqual(segmentSpeech(probabilities, options));
        },
      ),
    );
  });

  it('property: a segment is emitted once its trailing silence is long enough, not at the end', () => {
    fc.assert(
      fc.property(probabilitySequence, (probabilities) => {
        // No splitting here: a split segment is emitted while its speech goes on.
        const segmenter = createSegmenter({ minSilenceMs: 500, padMs: 100, maxSegmentMs: 600_000 });
        const silenceFrames = Math.ceil(8000 / F);
        probabilities.forEach((p, frame) => {
          for (const s of segmenter.push([p])) {
            // Emitted no later than the minimum silence (plus one frame) after its speech ended.
            expect((frame + 1) * F - (s.endSample - 1600)).toBeLessThanOrEqual((silenceFrames + 1) * F);
            expect(s.endSample).toBeLessThanOrEqual((frame + 1) * F);
          }
        });
      }),
    );
  });
});

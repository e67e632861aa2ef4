import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../store/thrown';
import {
  createWindowPacker,
  packWindows,
  windowMsToRecordingMs,
  windowSampleToRecordingSample,
  type PackedWindow,
  type SampleSpan,
} from '../../../main/audio/vad/pack-windows';

const RATE = 16_000;
const S = (seconds: number): number => seconds * RATE;

/** Sorted, disjoint segments with gaps (some zero) between them, some longer than a window. */
const segmentsArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: S(3) }), fc.integer({ min: 1, max: S(70) })), { maxLength: 25 })
  .map((pairs) => {
    let at = 0;
    return pairs.map(([gap, length]): SampleSpan => {
      const startSample = at + gap;
      at = startSample + length;
      return { startSample, endSample: at };
    });
  });
const optionsArbitrary = fc.record({
  maxWindowMs: fc.constantFrom(30_000, 10_000, 1_000),
  mergeGapMs: fc.constantFrom(0, 200, 2_000),
});

const allPieces = (windows: PackedWindow[]) =>
  windows.flatMap((w) =>
    w.pieces.map((p) => ({ start: p.recordingStartSample, end: p.recordingStartSample + p.lengthSamples })),
  );

describe('window packer', () => {
  it('packs short segments into one window and drops the silence between them', () => {
    const windows = packWindows([
      { startSample: S(1), endSample: S(3) },
      { startSample: S(10), endSample: S(12) },
    ]);
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window?.pieces).toEqual([
      { windowStartSample: 0, recordingStartSample: S(1), lengthSamples: S(2) },
      { windowStartSample: S(2), recordingStartSample: S(10), lengthSamples: S(2) },
    ]);
    expect(window?.durationMs).toBe(4000);
    expect(window?.recordingStartMs).toBe(1000);
    expect(window?.recordingEndMs).toBe(12_000);
    // 2.5 s into the window is 0.5 s into the second segment.
    expect(windowMsToRecordingMs(window!, 2500)).toBe(10_500);
  });

  it('starts a new window when the next segment would not fit in 30 s', () => {
    const windows = packWindows([
      { startSample: 0, endSample: S(20) },
      { startSample: S(21), endSample: S(32) },
    ]);
    expect(windows.map((w) => w.durationMs)).toEqual([20_000, 11_000]);
  });

  it('splits a segment longer than a window into near-equal parts', () => {
    const windows = packWindows([{ startSample: 0, endSample: S(70) }]);
    expect(windows.map((w) => w.lengthSamples)).toEqual([373_333, 373_333, 373_334]);
  });

  it('keeps short gaps in place when asked to, so the audio is continuous', () => {
    const [window] = packWindows(
      [
        { startSample: 0, endSample: S(1) },
        { startSample: S(1.1), endSample: S(2) },
      ],
      { mergeGapMs: 200 },
    );
    expect(window?.pieces).toEqual([{ windowStartSample: 0, recordingStartSample: 0, lengthSamples: S(2) }]);
  });

  it('refuses segments out of order or overlapping', () => {
    const packer = createWindowPacker();
    packer.push({ startSample: S(5), endSample: S(6) });
    expect(thrownBy(() => packer.push({ startSample: S(5.5), endSample: S(7) }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('streaming: emits when the oldest pending speech is older than the latency limit', () => {
    const packer = createWindowPacker({ maxPendingMs: 8000 });
    expect(packer.push({ startSample: S(1), endSample: S(3) })).toEqual([]);
    expect(packer.push({ startSample: S(4), endSample: S(6) })).toEqual([]);
    expect(packer.poll(8999)).toEqual([]);
    const [window] = packer.poll(9000);
    expect(window?.pieces.map((p) => p.recordingStartSample)).toEqual([S(1), S(4)]);
    expect(packer.pendingSamples).toBe(0);
    expect(packer.push({ startSample: S(7), endSample: S(9) })).toEqual([]);
    expect(packer.flush().map((w) => w.index)).toEqual([1]);
    expect(packer.flush()).toEqual([]);
  });

  it('property: every speech sample is covered exactly once and nothing else but merged gaps', () => {
    fc.assert(
      fc.property(segmentsArbitrary, optionsArbitrary, (segments, options) => {
        const windows = packWindows(segments, options);
        const pieces = allPieces(windows);
        // Disjoint and in order on the recording.
        for (let i = 1; i < pieces.length; i += 1) expect(pieces[i]!.start).toBeGreaterThanOrEqual(pieces[i - 1]!.end);
        // Every segment lies inside the union of pieces; pieces hold only speech and gaps <= mergeGap.
        const speech = segments.reduce((sum, s) => sum + s.endSample - s.startSample, 0);
        const covered = pieces.reduce((sum, p) => sum + p.end - p.start, 0);
        for (const s of segments) {
          let at = s.startSample;
          for (const p of pieces) if (p.start <= at && at < p.end) at = Math.min(p.end, s.endSample);
          expect(at).toBe(s.endSample);
        }
        const maxGap = Math.round((options.mergeGapMs * RATE) / 1000);
        expect(covered - speech).toBeLessThanOrEqual(maxGap * segments.length);
        if (options.mergeGapMs === 0) expect(covered).toBe(speech);
      }),
    );
  });

  it('property: windows are at most the maximum and their pieces are back to back', () => {
    fc.assert(
      fc.property(segmentsArbitrary, optionsArbitrary, (segments, options) => {
        const max = Math.floor((options.maxWindowMs * RATE) / 1000);
        packWindows(segments, options).forEach((window, index) => {
          expect(window.index).toBe(index);
          expect(window.lengthSamples).toBeGreaterThan(0);
          expect(window.lengthSamples).toBeLessThanOrEqual(max);
          let at = 0;
          for (const piece of window.pieces) {
            expect(piece.windowStartSample).toBe(at);
            at += piece.lengthSamples;
          }
          expect(at).toBe(window.lengthSamples);
        });
      }),
    );
  });

  it('property: mapping back to the recording is monotone and exact inside every piece', () => {
    fc.assert(
      fc.property(
        segmentsArbitrary,
        optionsArbitrary,
        fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (segments, options, fractions) => {
          for (const window of packWindows(segments, options)) {
            for (const piece of window.pieces) {
              for (const offset of [0, piece.lengthSamples >> 1, piece.lengthSamples - 1]) {
                expect(windowSampleToRecordingSample(window, piece.windowStartSample + offset)).toBe(
                  piece.recordingStartSample + offset,
                );
              }
            }
            const times = fractions.map((f) => f * window.durationMs).sort((a, b) => a - b);
            const mapped = times.map((t) => windowMsToRecordingMs(window, t));
            for (let i = 1; i < mapped.length; i += 1) expect(mapped[i]).toBeGreaterThanOrEqual(mapped[i - 1]!);
            expect(mapped[0]).toBeGreaterThanOrEqual(window.recordingStartMs);
            expect(mapped.at(-1)).toBeLessThanOrEqual(window.recordingEndMs);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: streaming one by one with a final flush equals packing all at once', () => {
    fc.assert(
      fc.property(segmentsArbitrary, optionsArbitrary, (segments, options) => {
        const packer = createWindowPacker(options);
        const streamed = [...segments.flatMap((s) => packer.push(s)), ...packer.flush()];
        expect(streamed).toEqual(packWindows(segments, options));
      }),
    );
  });

  it('property: with a latency limit no pending speech waits longer than the limit after a poll', () => {
    fc.assert(
      fc.property(segmentsArbitrary, fc.integer({ min: 1000, max: 20_000 }), (segments, maxPendingMs) => {
        const packer = createWindowPacker({ maxPendingMs });
        const windows: PackedWindow[] = [];
        for (const s of segments) {
          windows.push(...packer.push(s));
          const now = (s.endSample * 1000) / RATE;
          windows.push(...packer.poll(now));
          // Whatever is still pending started less than the limit before now.
          const oldest = packer.oldestPendingMs;
          if (oldest !== null) expect(now - oldest).toBeLessThan(maxPendingMs);
        }
        windows.push(...packer.flush());
        const speech = segments.reduce((sum, s) => sum + s.endSample - s.startSample, 0);
        expect(windows.reduce((sum, w) => sum + w.lengthSamples, 0)).toBe(speech);
      }),
    );
  });
});

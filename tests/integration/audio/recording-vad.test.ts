import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWindowPacker, windowMsToRecordingMs, type PackedWindow } from '../../../main/audio/vad/pack-windows';
import { loadSileroModel, type SileroModel } from '../../../main/audio/vad/silero';
import type { SpeechSegment } from '../../../main/audio/vad/segmenter';
import { createSpeechDetector, detectSpeech } from '../../../main/audio/vad/speech-detector';
import { fakeClock, makeRecorder, makeVaultDir } from './recording-fixtures';
import { JFK_WAV, hasJfk, readWav16 } from './vad-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
let model: SileroModel;
beforeAll(async () => {
  model = await loadSileroModel();
});
afterAll(async () => {
  await model.close();
});

const toS16 = (samples: Float32Array): Buffer => {
  const out = Buffer.alloc(samples.length * 2);
  samples.forEach((x, i) => out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(x * 32768))), i * 2));
  return out;
};

describe.skipIf(!hasJfk)('a live visit: recording, VAD and windows together', () => {
  it('streams a 50-s recording through the VAD into windows of at most 30 s that map back exactly', async () => {
    const { samples: jfk } = readWav16(JFK_WAV);
    // JFK four times with 2 s of silence between: 52 s of "visit".
    const gap = 2 * 16_000;
    const visit = new Float32Array(4 * (jfk.length + gap));
    for (let i = 0; i < 4; i += 1) visit.set(jfk, i * (jfk.length + gap));

    const clock = fakeClock();
    const { recorder } = makeRecorder(makeVaultDir(dirs).open(), { clock });
    const id = await recorder.start({ encounterId: 'visit-1', sampleRate: 16_000, channels: 1, format: 's16' });
    const detector = createSpeechDetector(model);
    const packer = createWindowPacker({ maxPendingMs: 20_000 });
    const windows: PackedWindow[] = [];
    const segments: SpeechSegment[] = [];
    // The renderer sends 100 ms at a time; main records it and feeds the VAD as it arrives.
    for (let at = 0; at < visit.length; at += 1600) {
      const block = visit.subarray(at, at + 1600);
      clock.advance(100);
      await recorder.append(id, toS16(block));
      for (const segment of await detector.push(block)) {
        segments.push(segment);
        windows.push(...packer.push(segment, (detector.samplesPushed * 1000) / 16_000));
      }
      windows.push(...packer.poll((detector.samplesPushed * 1000) / 16_000));
    }
    for (const segment of await detector.flush()) {
      segments.push(segment);
      windows.push(...packer.push(segment));
    }
    windows.push(...packer.flush());
    await recorder.stop(id);

    expect(segments.length).toBeGreaterThanOrEqual(8);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    // Transcription keeps up: the first window was ready long before the visit ended.
    expect(windows[0]?.recordingEndMs).toBeLessThan(30_000);
    for (const window of windows) expect(window.durationMs).toBeLessThanOrEqual(30_000);
    const speech = segments.reduce((sum, s) => sum + s.endSample - s.startSample, 0);
    expect(windows.reduce((sum, w) => sum + w.lengthSamples, 0)).toBe(speech);
    // Each repetition starts where it really is: no drift (a few frames of jitter, as frame alignment
    // and the model's state differ from one repetition to the next).
    const starts = segments.filter((s, i) => i === 0 || s.startSample - (segments[i - 1]?.endSample ?? 0) > gap / 2);
    expect(starts).toHaveLength(4);
    starts.forEach((s, i) => {
      expect(Math.abs(s.startMs - (segments[0]?.startMs ?? 0) - (i * (jfk.length + gap)) / 16)).toBeLessThanOrEqual(
        200,
      );
    });
    // A time inside a window maps to the recording exactly.
    const last = windows.at(-1)!;
    const piece = last.pieces.at(-1)!;
    expect(windowMsToRecordingMs(last, (piece.windowStartSample * 1000) / 16_000 + 250)).toBe(
      (piece.recordingStartSample * 1000) / 16_000 + 250,
    );

    // What was recorded reads back and gives the same speech as the live pass (16-bit rounding aside).
    const blocks: Float32Array[] = [];
    for await (const block of recorder.readPcm(id)) blocks.push(block.samples);
    const recorded = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
    blocks.reduce((at, b) => (recorded.set(b, at), at + b.length), 0);
    expect(recorded.length).toBe(visit.length);
    const replayed = await detectSpeech(model, recorded);
    expect(replayed).toHaveLength(segments.length);
    replayed.forEach((s, i) => {
      expect(Math.abs(s.startMs - (segments[i]?.startMs ?? 0))).toBeLessThanOrEqual(64);
      expect(Math.abs(s.endMs - (segments[i]?.endMs ?? 0))).toBeLessThanOrEqual(64);
    });
  });
});

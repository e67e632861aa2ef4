import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  diskFillingVault,
  expectedRamp,
  fakeClock,
  makeRecorder,
  makeVaultDir,
  rampS16,
  readAll,
} from './recording-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const ENCOUNTER = '7d1f3c1e-4b8a-4f59-9a51-2f1c3d4e5f60';
const mono16 = { encounterId: ENCOUNTER, sampleRate: 16_000, channels: 1 as const, format: 's16' as const };
const RATE = 16_000;
const BLOCK = 1600; // 100 ms

/** Appends `seconds` of the ramp in 100-ms blocks, advancing the clock in step with the audio. */
const appendSeconds = async (
  recorder: ReturnType<typeof makeRecorder>['recorder'],
  id: string,
  clock: ReturnType<typeof fakeClock>,
  seconds: number,
  fromFrame = 0,
): Promise<number> => {
  let frame = fromFrame;
  const end = fromFrame + Math.round(seconds * RATE);
  while (frame < end) {
    const frames = Math.min(BLOCK, end - frame);
    clock.advance((frames * 1000) / RATE);
    await recorder.append(id, rampS16(frame, frames));
    frame += frames;
  }
  return frame;
};

describe('crash-safe recorder', () => {
  it('refuses to start without recording consent and writes nothing', async () => {
    const { open } = makeVaultDir(dirs);
    const vault = open();
    const asked: string[] = [];
    const { recorder } = makeRecorder(vault, {
      hasRecordingConsent: (id) => {
        asked.push(id);
        return Promise.resolve(false);
      },
    });
    await expect(recorder.start(mono16)).rejects.toMatchObject({ code: 'RECORDING_CONSENT_REQUIRED' });
    expect(asked).toEqual([ENCOUNTER]);
    expect(fs.existsSync(vault.root) ? fs.readdirSync(vault.root) : []).toEqual([]);
  });

  it.each([
    ['an unsupported rate', { ...mono16, sampleRate: 4000 }],
    ['three channels', { ...mono16, channels: 3 }],
    ['an unknown sample format', { ...mono16, format: 'u8' }],
    ['no encounter', { ...mono16, encounterId: '' }],
  ])('refuses %s with VALIDATION_FAILED', async (_what, input) => {
    const { recorder } = makeRecorder(makeVaultDir(dirs).open());
    await expect(recorder.start(input as typeof mono16)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('records, stops and reads back every sample exactly', async () => {
    const clock = fakeClock();
    const { recorder, events } = makeRecorder(makeVaultDir(dirs).open(), { clock });
    const id = await recorder.start(mono16);
    const frames = await appendSeconds(recorder, id, clock, 2.55);
    const summary = await recorder.stop(id);
    expect(summary).toEqual({ durationMs: 2550, chunks: 3, frames });
    const { sampleRate, samples } = await readAll(recorder, id);
    expect(sampleRate).toBe(RATE);
    expect(samples).toEqual(expectedRamp(frames));
    expect(await recorder.state(id)).toBe('stopped');
    expect(events.flatMap((e) => (e.type === 'state' ? [e.state] : []))).toEqual(['recording', 'stopped']);
    await expect(recorder.append(id, rampS16(0, 10))).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    await expect(recorder.stop(id)).rejects.toMatchObject({ code: 'RECORDING_STATE' });
  });

  it('keeps stereo float audio: both channels and the mono mix', async () => {
    const { recorder } = makeRecorder(makeVaultDir(dirs).open());
    const id = await recorder.start({ encounterId: ENCOUNTER, sampleRate: 48_000, channels: 2, format: 'f32' });
    const left = Float32Array.from({ length: 4800 }, (_, i) => Math.sin(i / 10) * 0.5);
    const interleaved = new Float32Array(9600);
    left.forEach((x, i) => {
      interleaved[2 * i] = x;
      interleaved[2 * i + 1] = -x / 2;
    });
    await recorder.append(id, new Uint8Array(interleaved.buffer));
    expect(await recorder.stop(id)).toEqual({ durationMs: 100, chunks: 1, frames: 4800 });
    const blocks = [];
    for await (const block of recorder.readPcm(id)) blocks.push(block);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.sampleRate).toBe(48_000);
    expect(blocks[0]?.channels[0]).toEqual(left);
    expect(blocks[0]?.channels[1]).toEqual(left.map((x) => -x / 2));
    expect(blocks[0]?.samples).toEqual(left.map((x) => (x + -x / 2) / 2));
  });

  it('seals a chunk at least every second of audio, and every second of clock time', async () => {
    const clock = fakeClock();
    const { open } = makeVaultDir(dirs);
    const vault = open();
    const { recorder, events } = makeRecorder(vault, { clock });
    const id = await recorder.start(mono16);
    await appendSeconds(recorder, id, clock, 0.9);
    expect(await vault.list(id)).toEqual([0]);
    await appendSeconds(recorder, id, clock, 0.1, 0.9 * RATE);
    expect(await vault.list(id)).toEqual([0, 1]);
    // A slow trickle (the renderer stalls): 10 ms of audio, but a second has passed.
    clock.advance(1000);
    await recorder.append(id, rampS16(RATE, 160));
    expect(await vault.list(id)).toEqual([0, 1, 2]);
    expect(events.flatMap((e) => (e.type === 'sealed' ? [e.elapsedMs] : []))).toEqual([1000, 1010]);
  });

  it('reports levels ten times a second with the elapsed time', async () => {
    const clock = fakeClock();
    const { recorder, events } = makeRecorder(makeVaultDir(dirs).open(), { clock });
    const id = await recorder.start(mono16);
    // A full-scale square wave: RMS and peak are both 0 dBFS.
    const square = Buffer.alloc(RATE * 2);
    for (let i = 0; i < RATE; i += 1) square.writeInt16LE(i % 40 < 20 ? 32767 : -32767, i * 2);
    for (let at = 0; at < square.length; at += 2 * 1000) await recorder.append(id, square.subarray(at, at + 2000));
    const levels = events.filter((e) => e.type === 'level');
    expect(levels).toHaveLength(10);
    expect(levels.map((e) => e.elapsedMs)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    for (const level of levels) {
      expect(level.rmsDbfs).toBeCloseTo(0, 2);
      expect(level.peakDbfs).toBeCloseTo(0, 2);
    }
    await recorder.stop(id);
  });

  it('refuses a malformed chunk with VALIDATION_FAILED and loses nothing already recorded', async () => {
    const clock = fakeClock();
    const { recorder } = makeRecorder(makeVaultDir(dirs).open(), { clock });
    const id = await recorder.start(mono16);
    const frames = await appendSeconds(recorder, id, clock, 1.25);
    await expect(recorder.append(id, new Uint8Array(3))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recorder.append(id, new Uint8Array(0))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recorder.append(id, new Uint8Array(RATE * 2 * 11))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const more = await appendSeconds(recorder, id, clock, 0.5, frames);
    expect((await recorder.stop(id)).frames).toBe(more);
    expect((await readAll(recorder, id)).samples).toEqual(expectedRamp(more));
  });

  it('pauses (sealing what it has) and resumes on one continuous timeline', async () => {
    const clock = fakeClock();
    const { open } = makeVaultDir(dirs);
    const vault = open();
    const { recorder } = makeRecorder(vault, { clock });
    const id = await recorder.start(mono16);
    const first = await appendSeconds(recorder, id, clock, 0.3);
    await recorder.pause(id);
    expect(await vault.list(id)).toEqual([0, 1]);
    expect(await recorder.state(id)).toBe('paused');
    await expect(recorder.append(id, rampS16(first, 10))).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    await expect(recorder.pause(id)).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    clock.advance(60_000);
    await recorder.resume(id);
    await expect(recorder.resume(id)).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    const total = await appendSeconds(recorder, id, clock, 0.4, first);
    expect(await recorder.stop(id)).toEqual({ durationMs: 700, chunks: 2, frames: total });
    expect((await readAll(recorder, id)).samples).toEqual(expectedRamp(total));
  });

  it('keeps audio and metadata out of the files in plain form', async () => {
    const { open } = makeVaultDir(dirs);
    const vault = open();
    const { recorder } = makeRecorder(vault);
    const id = await recorder.start(mono16);
    const pcm = Buffer.concat([Buffer.from('AUDIO-CANARY-91c2'), Buffer.alloc(1, 0)]);
    await recorder.append(id, pcm);
    await recorder.stop(id);
    for (const name of fs.readdirSync(path.join(vault.root, id))) {
      const bytes = fs.readFileSync(path.join(vault.root, id, name));
      expect(bytes.includes(Buffer.from('AUDIO-CANARY'))).toBe(false);
      expect(bytes.includes(Buffer.from(ENCOUNTER))).toBe(false);
      expect(bytes.includes(Buffer.from('16000'))).toBe(false);
    }
  });

  it('after a crash, finds the interrupted recording and recovers all but at most the last second', async () => {
    const clock = fakeClock();
    const { open } = makeVaultDir(dirs);
    const before = makeRecorder(open(), { clock }).recorder;
    const stopped = await before.start(mono16);
    await appendSeconds(before, stopped, clock, 0.5);
    await before.stop(stopped);
    const id = await before.start(mono16);
    // 3 s in 128-ms blocks (so chunks do not line up with seconds); no stop: the process "dies".
    let frames = 0;
    while (frames < 3 * RATE) {
      const n = Math.min(2048, 3 * RATE - frames);
      clock.advance((n * 1000) / RATE);
      await before.append(id, rampS16(frames, n));
      frames += n;
    }
    // A write the crash cut off halfway.
    const vault = open();
    fs.writeFileSync(path.join(vault.root, id, '00000009.qca.tmp-0123456789ab'), 'half');

    const after = makeRecorder(vault, { clock }).recorder;
    const interrupted = await after.findInterrupted();
    expect(interrupted).toEqual([
      {
        recordingId: id,
        encounterId: ENCOUNTER,
        startedAt: expect.any(String) as string,
        sampleRate: RATE,
        channels: 1,
        format: 's16',
        chunks: expect.any(Number) as number,
      },
    ]);
    expect(await after.state(id)).toBe('interrupted');
    const summary = await after.recover(id);
    expect(summary.frames).toBeGreaterThanOrEqual(frames - RATE);
    expect(summary.frames).toBeLessThanOrEqual(frames);
    expect(summary.chunks).toBe(interrupted[0]?.chunks);
    expect(fs.readdirSync(path.join(vault.root, id)).some((name) => name.includes('.tmp-'))).toBe(false);
    const { samples } = await readAll(after, id);
    expect(samples).toEqual(expectedRamp(summary.frames));
    expect(await after.findInterrupted()).toEqual([]);
    expect(await after.state(id)).toBe('stopped');
    expect(await after.recover(id)).toEqual(summary);
  });

  it('on a full disk: reports DISK_FULL, stops cleanly and keeps everything sealed so far', async () => {
    const clock = fakeClock();
    const { open } = makeVaultDir(dirs);
    // Header + 2 PCM chunks fit; the third chunk (and the stop marker) do not.
    const vault = diskFillingVault(open(), 3);
    const { recorder, events } = makeRecorder(vault, { clock });
    const id = await recorder.start(mono16);
    await appendSeconds(recorder, id, clock, 2);
    await expect(appendSeconds(recorder, id, clock, 1, 2 * RATE)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(events.filter((e) => e.type === 'error')).toEqual([
      { type: 'error', recordingId: id, code: 'DISK_FULL', message: expect.any(String) as string },
    ]);
    expect(events.at(-1)).toEqual({ type: 'state', recordingId: id, state: 'stopped', reason: 'disk-full' });
    await expect(recorder.append(id, rampS16(0, 10))).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    expect(await recorder.stop(id)).toEqual({ durationMs: 2000, chunks: 2, frames: 2 * RATE });
    expect((await readAll(recorder, id)).samples).toEqual(expectedRamp(2 * RATE));
    expect(fs.readdirSync(path.join(vault.root, id)).some((name) => name.includes('.tmp-'))).toBe(false);

    // Space is freed and the app restarts: the recording (its stop marker never written) is recovered.
    const restarted = makeRecorder(open(), { clock }).recorder;
    expect((await restarted.findInterrupted()).map((r) => r.recordingId)).toEqual([id]);
    expect(await restarted.recover(id)).toEqual({ durationMs: 2000, chunks: 2, frames: 2 * RATE });
  });

  it('on a full disk at the final seal, stop still returns what was kept', async () => {
    const clock = fakeClock();
    const { open } = makeVaultDir(dirs);
    const vault = diskFillingVault(open(), 2);
    const { recorder, events } = makeRecorder(vault, { clock });
    const id = await recorder.start(mono16);
    await appendSeconds(recorder, id, clock, 1.5);
    expect(await recorder.stop(id)).toEqual({ durationMs: 1000, chunks: 1, frames: RATE });
    expect(events.some((e) => e.type === 'error' && e.code === 'DISK_FULL')).toBe(true);
  });

  it('refuses to start on a full disk with DISK_FULL and leaves nothing behind', async () => {
    const { open } = makeVaultDir(dirs);
    const vault = diskFillingVault(open(), 0);
    const { recorder } = makeRecorder(vault);
    await expect(recorder.start(mono16)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await recorder.findInterrupted()).toEqual([]);
  });

  it('refuses operations on a recording it is not running', async () => {
    const { recorder } = makeRecorder(makeVaultDir(dirs).open());
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(recorder.append(unknown, rampS16(0, 10))).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    await expect(recorder.stop(unknown)).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    await expect(recorder.recover(unknown)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const id = await recorder.start(mono16);
    await expect(recorder.recover(id)).rejects.toMatchObject({ code: 'RECORDING_STATE' });
    expect(await recorder.findInterrupted()).toEqual([]);
    await recorder.stop(id);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecorder, type Recorder, type RecorderEvent, type RecorderOptions } from '../../../main/audio/recording';
import { createChunkVault, type ChunkVault } from '../../../main/store';

/** A temp data dir and key, so a "restarted app" can open a second vault over the same files. */
export const makeVaultDir = (dirs: string[]): { dataDir: string; chunkKey: Buffer; open: () => ChunkVault } => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-recording-'));
  dirs.push(dataDir);
  const chunkKey = randomBytes(32);
  return { dataDir, chunkKey, open: () => createChunkVault({ dataDir, chunkKey }) };
};

export const fakeClock = (start = Date.UTC(2025, 0, 1, 9)) => {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
};

export const makeRecorder = (
  vault: ChunkVault,
  extra: Partial<RecorderOptions> = {},
): { recorder: Recorder; events: RecorderEvent[] } => {
  const recorder = createRecorder({ vault, hasRecordingConsent: () => true, ...extra });
  const events: RecorderEvent[] = [];
  recorder.on((event) => events.push(event));
  return { recorder, events };
};

/** A recognisable signal: a ramp of distinct 16-bit values, so any lost or reordered sample shows. */
export const rampS16 = (startFrame: number, frames: number, channels = 1): Buffer => {
  const out = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames * channels; i += 1)
    out.writeInt16LE((((startFrame * channels + i) * 7) % 65536) - 32768, i * 2);
  return out;
};

export const expectedRamp = (frames: number): Float32Array => {
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i += 1) out[i] = (((i * 7) % 65536) - 32768) / 32768;
  return out;
};

/** All decoded mono samples of a recording, checking the blocks are back to back. */
export const readAll = async (
  recorder: Recorder,
  recordingId: string,
): Promise<{ sampleRate: number; samples: Float32Array }> => {
  const blocks: Float32Array[] = [];
  let sampleRate = 0;
  let next = 0;
  for await (const block of recorder.readPcm(recordingId)) {
    if (block.startFrame !== next) throw new Error(`gap at frame ${next}`);
    next += block.samples.length;
    sampleRate = block.sampleRate;
    blocks.push(block.samples);
  }
  const samples = new Float32Array(next);
  let at = 0;
  for (const block of blocks) {
    samples.set(block, at);
    at += block.length;
  }
  return { sampleRate, samples };
};

/** A vault whose writes fail like a full disk after `okWrites` successful ones. */
export const diskFillingVault = (vault: ChunkVault, okWrites: number): ChunkVault & { writes: number } => {
  const wrapper = {
    ...vault,
    writes: 0,
    write: async (recordingId: string, seq: number, plaintext: Buffer) => {
      wrapper.writes += 1;
      if (wrapper.writes > okWrites) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
      }
      return vault.write(recordingId, seq, plaintext);
    },
  };
  return wrapper;
};

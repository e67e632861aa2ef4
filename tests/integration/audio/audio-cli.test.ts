import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/run-cli';
import { writeWav } from '../../../main/audio/wav-writer';
import { tone } from '../../unit/audio/signals';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/audio');

const cli = (args: string[]) => runCliCaptured(args);

describe('audio CLI', () => {
  it('probes a file as JSON', async () => {
    const r = await cli(['audio', 'probe', path.join(FIXTURES, 'tones-stereo-22k.flac'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      format: 'flac',
      codec: 'flac',
      sampleRate: 22050,
      channels: 2,
      durationMs: 1500,
      bitsPerSample: 16,
    });
    const human = await cli(['audio', 'probe', path.join(FIXTURES, 'tone-mono-44k.mp3')]);
    expect(human.stdout).toMatch(/^mp3\/mp3 44100 Hz, 1 ch, 1\.500 s/);
  });

  it('prints an error code and no path for a missing file', async () => {
    const missing = path.join(os.tmpdir(), 'Patient Name visit.wav');
    const r = await cli(['audio', 'probe', missing, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(r.stdout + r.stderr).not.toContain('Patient');
  });

  it('benchmarks decode + resample and reports the rate and peak memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-audio-cli-'));
    try {
      const file = path.join(dir, 'tone.wav');
      await writeWav(file, { sampleRate: 44100, channels: [tone(440, 44100, 2), tone(880, 44100, 2)] });
      const r = await cli(['bench', 'audio', '--audio', file, '--min-seconds', '0', '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as Record<string, number>;
      expect(out.audioSeconds).toBe(2);
      expect(out.passes).toBeGreaterThanOrEqual(1);
      expect(out.xRealtime).toBeGreaterThan(0);
      expect(out.wallSeconds).toBeGreaterThan(0);
      expect(out.peakRssMb).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for --audio', async () => {
    const r = await cli(['bench', 'audio']);
    expect(r.code).toBe(2);
  });
});

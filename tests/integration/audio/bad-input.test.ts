import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import { loadAudio16kFromSource, memorySource, probeSource, type AudioFormat } from '../../../main/audio';
import { formatFromName } from '../../../main/audio/sniff';
import { encodeWav } from '../../../main/audio/wav-writer';
import { tone } from '../../unit/audio/signals';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/audio');
const AUDIO_CODES = ['AUDIO_CORRUPT', 'AUDIO_UNSUPPORTED', 'AUDIO_EMPTY'];

const files: Array<{ name: string; bytes: Uint8Array }> = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((name) => formatFromName(name))
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) })),
  { name: 'tone.wav', bytes: encodeWav({ sampleRate: 44100, channels: [tone(440, 44100, 1), tone(880, 44100, 1)] }) },
];

/** Either decodes (some audio, finite samples) or fails with an audio AppError; never anything else. */
const decodesOrRefuses = async (bytes: Uint8Array, claimed: AudioFormat | undefined): Promise<string> => {
  for (const run of [
    () => probeSource(memorySource(bytes), claimed),
    () => loadAudio16kFromSource(memorySource(bytes), { claimed }),
  ]) {
    try {
      const result = await run();
      if ('mono' in result) {
        expect(result.mono.length).toBeGreaterThan(0);
        expect(result.mono.every(Number.isFinite)).toBe(true);
      } else expect(result.durationMs).toBeGreaterThanOrEqual(0);
    } catch (error) {
      if (!isAppError(error)) throw error;
      expect(AUDIO_CODES).toContain(error.code);
      return error.code;
    }
  }
  return 'ok';
};

describe('damaged input never crashes the decoder', () => {
  for (const { name, bytes } of files) {
    const claimed = formatFromName(name);

    it(`${name}: every truncation decodes what is there or fails with an audio error`, async () => {
      const cuts = [
        1,
        4,
        11,
        12,
        30,
        44,
        60,
        120,
        300,
        Math.floor(bytes.length / 3),
        Math.floor(bytes.length / 2),
        bytes.length - 1,
      ];
      const outcomes = new Map<number, string>();
      for (const cut of cuts) outcomes.set(cut, await decodesOrRefuses(bytes.subarray(0, cut), claimed));
      // A header alone is never audio; most of the file is.
      expect(outcomes.get(4)).not.toBe('ok');
      expect(outcomes.get(bytes.length - 1)).toBe('ok');
    });

    it(`${name}: overwritten bytes in the middle decode partly or fail with an audio error`, async () => {
      for (const seed of [1, 2, 3]) {
        const damaged = bytes.slice();
        const from = Math.floor(damaged.length * 0.3);
        for (let i = from; i < from + 2000 && i < damaged.length; i += 1) damaged[i] = (i * 2654435761 * seed) >>> 24;
        await decodesOrRefuses(damaged, claimed);
      }
    });
  }

  it('reports AUDIO_EMPTY for a zero-length file whatever its name', async () => {
    for (const name of ['a.wav', 'a.mp3', 'a.flac', 'a.ogg', 'a.webm', 'a.bin']) {
      await expect(probeSource(memorySource(new Uint8Array(0)), formatFromName(name))).rejects.toMatchObject({
        code: 'AUDIO_EMPTY',
      });
    }
  });

  it('reports AUDIO_CORRUPT for random bytes under an audio name, AUDIO_UNSUPPORTED under another', async () => {
    const noise = Uint8Array.from({ length: 20000 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 24) & 0xff);
    for (const format of ['wav', 'mp3', 'flac', 'ogg', 'webm'] as const) {
      await expect(probeSource(memorySource(noise), format)).rejects.toMatchObject({ code: 'AUDIO_CORRUPT' });
    }
    await expect(probeSource(memorySource(noise))).rejects.toMatchObject({ code: 'AUDIO_UNSUPPORTED' });
  });

  it('refuses containers it does not read (MP4/M4A, AIFF) with AUDIO_UNSUPPORTED', async () => {
    const mp4 = new Uint8Array(64);
    mp4.set(Buffer.from('ftypM4A ', 'latin1'), 4);
    const aiff = new Uint8Array(64);
    aiff.set(Buffer.from('FORM\0\0\0\0AIFF', 'latin1'));
    for (const bytes of [mp4, aiff]) {
      await expect(probeSource(memorySource(bytes))).rejects.toMatchObject({ code: 'AUDIO_UNSUPPORTED' });
    }
  });
});

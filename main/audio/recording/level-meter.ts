/** Below this a level reads as silence (digital zero would be -Infinity). */
export const SILENCE_DBFS = -120;

export type Level = {
  rmsDbfs: number;
  peakDbfs: number;
  /** Recording time at the end of the block. */ atFrame: number;
};

export const toDbfs = (amplitude: number): number =>
  amplitude > 0 ? Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude)) : SILENCE_DBFS;

/**
 * RMS and peak over fixed blocks of audio (e.g. 100 ms, for a meter updated ten times a second).
 * Levels follow the audio's own timeline, so they are deterministic whatever the chunk sizes.
 * dBFS here is 20·log10 of the sample value (a full-scale sine has an RMS of -3 dBFS).
 */
export const createLevelMeter = (options: { blockFrames: number; channels: number }) => {
  const { blockFrames, channels } = options;
  let framesInBlock = 0;
  let sumSquares = 0;
  let peak = 0;
  let frame = 0;
  return {
    /** Adds interleaved samples; returns a level for every block completed. */
    push(interleaved: Float32Array): Level[] {
      const out: Level[] = [];
      const frames = Math.floor(interleaved.length / channels);
      for (let i = 0; i < frames; i += 1) {
        for (let c = 0; c < channels; c += 1) {
          const x = interleaved[i * channels + c] ?? 0;
          sumSquares += x * x;
          const magnitude = Math.abs(x);
          if (magnitude > peak) peak = magnitude;
        }
        framesInBlock += 1;
        frame += 1;
        if (framesInBlock === blockFrames) {
          out.push({
            rmsDbfs: toDbfs(Math.sqrt(sumSquares / (blockFrames * channels))),
            peakDbfs: toDbfs(peak),
            atFrame: frame,
          });
          framesInBlock = 0;
          sumSquares = 0;
          peak = 0;
        }
      }
      return out;
    },
  };
};
export type LevelMeter = ReturnType<typeof createLevelMeter>;

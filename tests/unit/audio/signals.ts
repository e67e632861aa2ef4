import { AppError } from '../../../common/errors';

/** Test signals and measurements for the audio layer (no audio libraries: plain DSP). */
export const tone = (frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array => {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
};

export const rms = (x: Float32Array, from = 0, to = x.length): number => {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (x[i] as number) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
};

export const decibels = (ratio: number): number => 20 * Math.log10(ratio);

/** Magnitude of one DFT bin at `frequency` (Goertzel), normalised so a sine of amplitude A gives A. */
export const dftMagnitude = (x: Float32Array, frequency: number, sampleRate: number): number => {
  const w = (2 * Math.PI * frequency) / sampleRate;
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i += 1) {
    re += (x[i] as number) * Math.cos(w * i);
    im -= (x[i] as number) * Math.sin(w * i);
  }
  return (2 * Math.hypot(re, im)) / x.length;
};

/** The strongest frequency between lo and hi (coarse DFT scan, then a 1 Hz refinement). */
export const peakFrequency = (x: Float32Array, sampleRate: number, lo = 50, hi = sampleRate / 2 - 50): number => {
  let best = lo;
  let bestMagnitude = -1;
  for (let f = lo; f <= hi; f += 10) {
    const m = dftMagnitude(x, f, sampleRate);
    if (m > bestMagnitude) [best, bestMagnitude] = [f, m];
  }
  for (let f = best - 10; f <= best + 10; f += 1) {
    const m = dftMagnitude(x, f, sampleRate);
    if (m > bestMagnitude) [best, bestMagnitude] = [f, m];
  }
  return best;
};

/** Frequency from the rate of upward zero crossings (interpolated between samples). */
export const zeroCrossingFrequency = (x: Float32Array, sampleRate: number): number => {
  const crossings: number[] = [];
  for (let i = 1; i < x.length; i += 1) {
    const a = x[i - 1] as number;
    const b = x[i] as number;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  const first = crossings[0] ?? 0;
  const last = crossings[crossings.length - 1] ?? 0;
  return ((crossings.length - 1) * sampleRate) / (last - first);
};

/** The AppError code a synchronous call throws (undefined if it does not throw one). */
export const thrownCode = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
};

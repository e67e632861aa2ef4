/**
 * Polyphase windowed-sinc (Kaiser) filter design for rational resampling by L/M.
 *
 * The stop band starts at the lower of the two Nyquist frequencies (nothing above the output's
 * Nyquist survives to alias; no image of the input survives an upsampling), the pass band ends at
 * 85 % of it (6.8 kHz for a 16 kHz output), and the Kaiser window gives STOPBAND_DB of attenuation.
 * 70 dB is below 16-bit quantisation noise of speech at normal levels, and keeps 48 kHz -> 16 kHz at
 * 174 taps per output sample (the resampler's whole cost).
 */
export const STOPBAND_DB = 70;
const PASSBAND_FRACTION = 0.85;

export type PolyphaseFilter = {
  /** Upsampling factor L (number of phases). */
  up: number;
  /** Downsampling factor M. */
  down: number;
  /** Taps per phase (input samples each output sample reads). Even. */
  taps: number;
  /** taps/2: an output at input position q (+ a fraction) reads inputs q-half+1 .. q+half. */
  half: number;
  /** coefficients[phase * taps + t] multiplies input q - half + 1 + t. */
  coefficients: Float32Array;
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Modified Bessel function of the first kind, order 0 (power series; converges fast for beta < 20). */
const besselI0 = (x: number): number => {
  let sum = 1;
  let term = 1;
  const half = x / 2;
  for (let k = 1; k < 50; k += 1) {
    term *= (half / k) * (half / k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
};

/** Kaiser's beta for a given stop-band attenuation (Kaiser 1974). */
const kaiserBeta = (db: number): number =>
  db > 50 ? 0.1102 * (db - 8.7) : db >= 21 ? 0.5842 * (db - 21) ** 0.4 + 0.07886 * (db - 21) : 0;

export const designPolyphaseFilter = (inputRate: number, outputRate: number): PolyphaseFilter => {
  const divisor = gcd(inputRate, outputRate);
  const up = outputRate / divisor;
  const down = inputRate / divisor;
  const nyquist = Math.min(inputRate, outputRate) / 2;
  const transitionHz = nyquist * (1 - PASSBAND_FRACTION);
  const cutoffHz = (nyquist * (1 + PASSBAND_FRACTION)) / 2;
  // Kaiser's length estimate, in input samples.
  const span = (STOPBAND_DB - 7.95) / (2.285 * ((2 * Math.PI * transitionHz) / inputRate));
  const half = Math.max(2, Math.ceil(span / 2));
  const taps = 2 * half;
  const beta = kaiserBeta(STOPBAND_DB);
  const i0Beta = besselI0(beta);
  const width = half * up; // window half-width in upsampled samples
  const normalisedCutoff = cutoffHz / (inputRate * up); // cycles per upsampled sample
  const coefficients = new Float32Array(up * taps);
  for (let phase = 0; phase < up; phase += 1) {
    let sum = 0;
    const row = new Float64Array(taps);
    for (let t = 0; t < taps; t += 1) {
      const distance = (half - 1 - t) * up + phase; // upsampled samples between output and input
      const x = 2 * normalisedCutoff * distance;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const ratio = distance / width;
      const window = Math.abs(ratio) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - ratio * ratio)) / i0Beta;
      row[t] = sinc * window;
      sum += row[t] as number;
    }
    // Each phase sums to 1: a constant stays exactly constant whatever the phase.
    for (let t = 0; t < taps; t += 1) coefficients[phase * taps + t] = (row[t] as number) / sum;
  }
  return { up, down, taps, half, coefficients };
};

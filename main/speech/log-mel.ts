/**
 * Whisper's log-mel input features, computed directly (float64 inside): the audio is zero-padded or cut to
 * 30 s, framed by a centred STFT (n_fft 400, hop 160, periodic Hann, reflect padding), turned into a power
 * spectrum, projected onto Slaney mel filters (0–8 kHz), log10'd with a 1e-10 floor, clamped to 8 decades
 * below the window's maximum and scaled by (x + 4) / 4. Layout: [nMels, 3000], mel-major, the same as
 * transformers.js's `input_features` [1, nMels, 3000].
 */
import { AppError } from '../../common/errors';
import { createRealFft } from './fft';

export const LOG_MEL_FRAMES = 3000;

const SAMPLE_RATE = 16_000;
const WINDOW_SAMPLES = 30 * SAMPLE_RATE;
const N_FFT = 400;
const HOP = 160;
const BINS = N_FFT / 2 + 1;
const PAD = N_FFT / 2;
const LOG_FLOOR = -10; // log10(1e-10)
const DYNAMIC_RANGE = 8;

export type LogMelOptions = { nMels?: 80 | 128 };

/** Slaney mel scale: linear (3 mels per 200 Hz) below 1 kHz, logarithmic above. */
const MEL_LOG_STEP = Math.log(6.4) / 27;
const hzToMel = (hz: number): number => (hz < 1000 ? (hz * 3) / 200 : 15 + Math.log(hz / 1000) / MEL_LOG_STEP);
const melToHz = (mel: number): number => (mel < 15 ? (mel * 200) / 3 : 1000 * Math.exp(MEL_LOG_STEP * (mel - 15)));

/** Each filter's non-zero run of bins: weights for bins first[m] … first[m] + count[m] − 1 at offset[m]. */
type SparseFilters = { first: Int32Array; count: Int32Array; offset: Int32Array; weights: Float64Array };

/** Triangles in Hz between mel-spaced corners, each scaled to unit area (Slaney normalisation: 2 / width). */
const buildMelFilters = (nMels: number): SparseFilters => {
  const topMel = hzToMel(SAMPLE_RATE / 2);
  const corners = Float64Array.from({ length: nMels + 2 }, (_, i) => melToHz((topMel * i) / (nMels + 1)));
  const first = new Int32Array(nMels);
  const count = new Int32Array(nMels);
  const offset = new Int32Array(nMels);
  const weights: number[] = [];
  for (let m = 0; m < nMels; m++) {
    const left = corners[m] ?? 0;
    const centre = corners[m + 1] ?? 0;
    const right = corners[m + 2] ?? 0;
    const scale = 2 / (right - left);
    offset[m] = weights.length;
    first[m] = -1;
    for (let bin = 0; bin < BINS; bin++) {
      const hz = (bin * SAMPLE_RATE) / N_FFT;
      const weight = Math.max(0, Math.min((hz - left) / (centre - left), (right - hz) / (right - centre))) * scale;
      if (weight <= 0) continue;
      if (first[m] === -1) first[m] = bin;
      weights.push(weight);
    }
    count[m] = weights.length - (offset[m] ?? 0);
    if (first[m] === -1) first[m] = 0;
  }
  return { first, count, offset, weights: Float64Array.from(weights) };
};

const periodicHann = Float64Array.from({ length: N_FFT }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N_FFT));
const realFft = createRealFft(N_FFT);
const filterCache = new Map<number, SparseFilters>();

const melFilters = (nMels: number): SparseFilters => {
  let filters = filterCache.get(nMels);
  if (!filters) {
    filters = buildMelFilters(nMels);
    filterCache.set(nMels, filters);
  }
  return filters;
};

// Per-frame scratch, reused: computeLogMel is synchronous, so calls never overlap.
const frame = new Float64Array(N_FFT);
const re = new Float64Array(BINS);
const im = new Float64Array(BINS);
const power = new Float64Array(BINS);

/**
 * Windows frame t (samples t·HOP − PAD … + N_FFT − 1 of the 30-s window) into `frame`. Interior frames read
 * the audio directly; edge frames apply `center=True` reflect padding (no edge repeat) and the zero padding
 * past the audio, without materialising a padded copy of the window.
 */
const windowFrame = (pcm: Float32Array, used: number, t: number): void => {
  const origin = t * HOP - PAD;
  if (origin >= 0 && origin + N_FFT <= used) {
    for (let i = 0; i < N_FFT; i++) frame[i] = (pcm[origin + i] ?? 0) * (periodicHann[i] ?? 0);
    return;
  }
  for (let i = 0; i < N_FFT; i++) {
    const at = origin + i;
    const source = at < 0 ? -at : at >= WINDOW_SAMPLES ? 2 * (WINDOW_SAMPLES - 1) - at : at;
    frame[i] = (source < used ? (pcm[source] ?? 0) : 0) * (periodicHann[i] ?? 0);
  }
};

/**
 * Frames before this one may hold audio; every later frame is zero padding only (its spectrum is exactly
 * 0, so its value is the floor and it needs no FFT).
 */
const framesWithAudio = (pcm: Float32Array, used: number): number => {
  let last = used - 1;
  while (last >= 0 && pcm[last] === 0) last--;
  if (last < 0) return 0;
  // The right-hand reflection reaches back to sample WINDOW_SAMPLES − 1 − PAD.
  if (last >= WINDOW_SAMPLES - 1 - PAD) return LOG_MEL_FRAMES;
  return Math.min(LOG_MEL_FRAMES, Math.floor((last + PAD) / HOP) + 1);
};

/**
 * Log-mel features of one Whisper window of 16 kHz mono audio (longer input is cut at 30 s, shorter is
 * zero-padded). Returns [nMels, LOG_MEL_FRAMES] row-major.
 */
export const computeLogMel = (pcm: Float32Array, options: LogMelOptions = {}): Float32Array => {
  const nMels: number = options.nMels ?? 80; // widened: JS callers can pass anything
  if (nMels !== 80 && nMels !== 128) throw new AppError('VALIDATION_FAILED', 'Whisper uses 80 or 128 mel bands.');
  const { first, count, offset, weights } = melFilters(nMels);
  const used = Math.min(pcm.length, WINDOW_SAMPLES);
  const audioFrames = framesWithAudio(pcm, used);
  // Holds log10 values first, then is rescaled in place once the global maximum is known.
  const out = new Float32Array(nMels * LOG_MEL_FRAMES);
  let max = LOG_FLOOR;
  for (let t = 0; t < audioFrames; t++) {
    windowFrame(pcm, used, t);
    realFft(frame, re, im);
    for (let k = 0; k < BINS; k++) {
      const r = re[k] ?? 0;
      const j = im[k] ?? 0;
      power[k] = r * r + j * j;
    }
    for (let m = 0; m < nMels; m++) {
      const bin0 = first[m] ?? 0;
      const w0 = offset[m] ?? 0;
      const n = count[m] ?? 0;
      let energy = 0;
      for (let b = 0; b < n; b++) energy += (weights[w0 + b] ?? 0) * (power[bin0 + b] ?? 0);
      const value = energy > 1e-10 ? Math.log10(energy) : LOG_FLOOR;
      out[m * LOG_MEL_FRAMES + t] = value;
      if (value > max) max = value;
    }
  }
  const floor = max - DYNAMIC_RANGE;
  const silent = (Math.max(LOG_FLOOR, floor) + 4) / 4;
  for (let m = 0; m < nMels; m++) {
    const row = m * LOG_MEL_FRAMES;
    for (let t = 0; t < audioFrames; t++) out[row + t] = (Math.max(out[row + t] ?? 0, floor) + 4) / 4;
    out.fill(silent, row + audioFrames, row + LOG_MEL_FRAMES);
  }
  return out;
};

import { AppError } from '../../common/errors';
import { designPolyphaseFilter, type PolyphaseFilter } from './sinc-filter';

/**
 * A streaming resampler for one channel: feed blocks of any size, collect what comes out, flush at
 * the end. Output sample n sits exactly at input time n * inRate / outRate (no delay to trim), and
 * flush() pads with silence so the output has ceil(inputLength * outRate / inRate) samples: the
 * duration is preserved. State is the filter plus about `taps` input samples, whatever the length.
 */
export type Resampler = {
  readonly inputRate: number;
  readonly outputRate: number;
  /** Returns the samples that are complete so far (may be empty; may be `input` itself when the rates match). */
  process: (input: Float32Array) => Float32Array;
  /** Returns the remaining samples; the resampler cannot be used afterwards. */
  flush: () => Float32Array;
};

const EMPTY = new Float32Array(0);
const filters = new Map<string, PolyphaseFilter>();

const filterFor = (inputRate: number, outputRate: number): PolyphaseFilter => {
  const key = `${inputRate}:${outputRate}`;
  let filter = filters.get(key);
  if (!filter) {
    filter = designPolyphaseFilter(inputRate, outputRate);
    filters.set(key, filter);
  }
  return filter;
};

/** The inner product, unrolled by four (taps is always even; a trailing pair is handled). */
const dot = (c: Float32Array, ci: number, x: Float32Array, xi: number, n: number): number => {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let t = 0;
  for (; t + 3 < n; t += 4) {
    a0 += (c[ci + t] as number) * (x[xi + t] as number);
    a1 += (c[ci + t + 1] as number) * (x[xi + t + 1] as number);
    a2 += (c[ci + t + 2] as number) * (x[xi + t + 2] as number);
    a3 += (c[ci + t + 3] as number) * (x[xi + t + 3] as number);
  }
  for (; t < n; t += 1) a0 += (c[ci + t] as number) * (x[xi + t] as number);
  return a0 + a1 + (a2 + a3);
};

const passthrough = (rate: number): Resampler => {
  let flushed = false;
  return {
    inputRate: rate,
    outputRate: rate,
    process: (input) => {
      if (flushed) throw new AppError('INTERNAL', 'The resampler was already flushed.');
      return input;
    },
    flush: () => {
      flushed = true;
      return EMPTY;
    },
  };
};

export const createResampler = (inputRate: number, outputRate: number): Resampler => {
  if (!Number.isInteger(inputRate) || !Number.isInteger(outputRate) || inputRate <= 0 || outputRate <= 0) {
    throw new AppError('AUDIO_UNSUPPORTED', 'Sample rates must be positive whole numbers of hertz.');
  }
  if (inputRate === outputRate) return passthrough(inputRate);
  const { up, down, taps, half, coefficients } = filterFor(inputRate, outputRate);
  // history[i] is input sample (base + i); indices below 0 are the silence before the start.
  let history = new Float32Array(half - 1);
  let base = -(half - 1);
  let received = 0;
  let produced = 0;
  // Output n sits at upsampled position n * down = q * up + r (q: input index, r: phase).
  let q = 0;
  let r = 0;
  let flushed = false;

  /** Produces outputs while their last input (q + half) is inside `work`, up to `limit` outputs in total. */
  const run = (work: Float32Array, limit: number): Float32Array => {
    const end = base + work.length;
    const room = Math.max(0, Math.min(limit - produced, Math.ceil(((end - half - q) * up) / down) + 1));
    const out = new Float32Array(room);
    let k = 0;
    while (k < room && q + half < end) {
      const offset = q - half + 1 - base;
      const phase = r * taps;
      out[k] = dot(coefficients, phase, work, offset, taps);
      k += 1;
      r += down;
      if (r >= up) {
        q += Math.floor(r / up);
        r %= up;
      }
    }
    produced += k;
    const keepFrom = Math.min(work.length, q - half + 1 - base);
    history = work.slice(keepFrom);
    base += keepFrom;
    return k === room ? out : out.subarray(0, k);
  };

  const append = (input: Float32Array): Float32Array => {
    const work = new Float32Array(history.length + input.length);
    work.set(history);
    work.set(input, history.length);
    return work;
  };

  return {
    inputRate,
    outputRate,
    process: (input) => {
      if (flushed) throw new AppError('INTERNAL', 'The resampler was already flushed.');
      if (input.length === 0) return EMPTY;
      received += input.length;
      return run(append(input), Infinity);
    },
    flush: () => {
      if (flushed) throw new AppError('INTERNAL', 'The resampler was already flushed.');
      flushed = true;
      const total = Math.ceil((received * up) / down);
      return run(append(new Float32Array(half + 1)), total);
    },
  };
};

/** Resamples a whole signal in one call (same result as feeding it in blocks). */
export const resample = (input: Float32Array, inputRate: number, outputRate: number): Float32Array => {
  const resampler = createResampler(inputRate, outputRate);
  const head = resampler.process(input);
  const tail = resampler.flush();
  if (tail.length === 0) return head;
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
};

/**
 * Exact O(n log n) FFTs in float64 for the sizes audio features need: a mixed-radix (2/3/4/5, any other
 * prime factor by a direct DFT of that radix) Stockham complex FFT, and a real FFT of even length n that
 * runs one complex FFT of n/2 on the packed input. Plans precompute every twiddle; calls do not allocate.
 * Convention: X[k] = Σ x[j]·e^(−2πi·jk/n), no scaling.
 */

/** out = DFT(in); all four arrays have the plan's length. `in*` are left unchanged. */
export type ComplexFft = (inRe: Float64Array, inIm: Float64Array, outRe: Float64Array, outIm: Float64Array) => void;

/** re/im (length n/2 + 1) = bins 0…n/2 of the DFT of the real signal `input` (length n). */
export type RealFft = (input: Float64Array, re: Float64Array, im: Float64Array) => void;

type Stage = {
  radix: number;
  /** DFT size already done before this stage (L), and the stride between its sub-sequences after it (M'). */
  doneSize: number;
  stride: number;
  /** cos/sin of −2π·q·k1/(L·radix) at [k1·(radix−1) + q − 1], q = 1…radix−1. */
  twRe: Float64Array;
  twIm: Float64Array;
};

const factorize = (n: number): number[] => {
  const radices: number[] = [];
  let rest = n;
  while (rest % 4 === 0) {
    radices.push(4);
    rest /= 4;
  }
  for (let p = 2; rest > 1; p++) {
    while (rest % p === 0) {
      radices.push(p);
      rest /= p;
    }
  }
  return radices;
};

const planStages = (n: number): Stage[] => {
  const stages: Stage[] = [];
  let doneSize = 1;
  for (const radix of factorize(n)) {
    const size = doneSize * radix;
    const twRe = new Float64Array(doneSize * (radix - 1));
    const twIm = new Float64Array(doneSize * (radix - 1));
    for (let k1 = 0; k1 < doneSize; k1++) {
      for (let q = 1; q < radix; q++) {
        const angle = (-2 * Math.PI * q * k1) / size;
        twRe[k1 * (radix - 1) + q - 1] = Math.cos(angle);
        twIm[k1 * (radix - 1) + q - 1] = Math.sin(angle);
      }
    }
    stages.push({ radix, doneSize, stride: n / size, twRe, twIm });
    doneSize = size;
  }
  return stages;
};

const C5A = Math.cos((2 * Math.PI) / 5);
const C5B = Math.cos((4 * Math.PI) / 5);
const S5A = Math.sin((2 * Math.PI) / 5);
const S5B = Math.sin((4 * Math.PI) / 5);
const S3 = Math.sin((2 * Math.PI) / 3);

/**
 * One Stockham decimation-in-time pass. Before it, x holds the size-L DFTs of the M sub-sequences
 * x[s + M·i] at [k·M + s]; after it, y holds the size-L·r DFTs of the M/r sub-sequences at [k·M' + s'], by
 * Y'[(k1 + L·k2)·M' + s'] = Σ_q w_{L·r}^{q·k1} · Y[k1·M + q·M' + s'] · w_r^{q·k2}.
 */
const runStage = (stage: Stage, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array): void => {
  const { radix: r, doneSize: L, stride: ms, twRe, twIm } = stage;
  const m = ms * r;
  const outStep = L * ms;
  for (let k1 = 0; k1 < L; k1++) {
    const inBase = k1 * m;
    const outBase = k1 * ms;
    const t = k1 * (r - 1);
    switch (r) {
      case 2: {
        const w1r = twRe[t] ?? 1;
        const w1i = twIm[t] ?? 0;
        for (let s = 0; s < ms; s++) {
          const i0 = inBase + s;
          const i1 = i0 + ms;
          const ar = xr[i0] ?? 0;
          const ai = xi[i0] ?? 0;
          const x1r = xr[i1] ?? 0;
          const x1i = xi[i1] ?? 0;
          const br = x1r * w1r - x1i * w1i;
          const bi = x1r * w1i + x1i * w1r;
          const o = outBase + s;
          yr[o] = ar + br;
          yi[o] = ai + bi;
          yr[o + outStep] = ar - br;
          yi[o + outStep] = ai - bi;
        }
        break;
      }
      case 3: {
        const w1r = twRe[t] ?? 1;
        const w1i = twIm[t] ?? 0;
        const w2r = twRe[t + 1] ?? 1;
        const w2i = twIm[t + 1] ?? 0;
        for (let s = 0; s < ms; s++) {
          const i0 = inBase + s;
          const a0r = xr[i0] ?? 0;
          const a0i = xi[i0] ?? 0;
          const x1r = xr[i0 + ms] ?? 0;
          const x1i = xi[i0 + ms] ?? 0;
          const x2r = xr[i0 + 2 * ms] ?? 0;
          const x2i = xi[i0 + 2 * ms] ?? 0;
          const a1r = x1r * w1r - x1i * w1i;
          const a1i = x1r * w1i + x1i * w1r;
          const a2r = x2r * w2r - x2i * w2i;
          const a2i = x2r * w2i + x2i * w2r;
          const sr = a1r + a2r;
          const si = a1i + a2i;
          const mr = a0r - 0.5 * sr;
          const mi = a0i - 0.5 * si;
          // −i·sin(2π/3)·(a1 − a2)
          const dr = S3 * (a1i - a2i);
          const di = -S3 * (a1r - a2r);
          const o = outBase + s;
          yr[o] = a0r + sr;
          yi[o] = a0i + si;
          yr[o + outStep] = mr + dr;
          yi[o + outStep] = mi + di;
          yr[o + 2 * outStep] = mr - dr;
          yi[o + 2 * outStep] = mi - di;
        }
        break;
      }
      case 4: {
        const w1r = twRe[t] ?? 1;
        const w1i = twIm[t] ?? 0;
        const w2r = twRe[t + 1] ?? 1;
        const w2i = twIm[t + 1] ?? 0;
        const w3r = twRe[t + 2] ?? 1;
        const w3i = twIm[t + 2] ?? 0;
        for (let s = 0; s < ms; s++) {
          const i0 = inBase + s;
          const a0r = xr[i0] ?? 0;
          const a0i = xi[i0] ?? 0;
          const x1r = xr[i0 + ms] ?? 0;
          const x1i = xi[i0 + ms] ?? 0;
          const x2r = xr[i0 + 2 * ms] ?? 0;
          const x2i = xi[i0 + 2 * ms] ?? 0;
          const x3r = xr[i0 + 3 * ms] ?? 0;
          const x3i = xi[i0 + 3 * ms] ?? 0;
          const a1r = x1r * w1r - x1i * w1i;
          const a1i = x1r * w1i + x1i * w1r;
          const a2r = x2r * w2r - x2i * w2i;
          const a2i = x2r * w2i + x2i * w2r;
          const a3r = x3r * w3r - x3i * w3i;
          const a3i = x3r * w3i + x3i * w3r;
          const s02r = a0r + a2r;
          const s02i = a0i + a2i;
          const d02r = a0r - a2r;
          const d02i = a0i - a2i;
          const s13r = a1r + a3r;
          const s13i = a1i + a3i;
          // −i·(a1 − a3)
          const d13r = a1i - a3i;
          const d13i = a3r - a1r;
          const o = outBase + s;
          yr[o] = s02r + s13r;
          yi[o] = s02i + s13i;
          yr[o + outStep] = d02r + d13r;
          yi[o + outStep] = d02i + d13i;
          yr[o + 2 * outStep] = s02r - s13r;
          yi[o + 2 * outStep] = s02i - s13i;
          yr[o + 3 * outStep] = d02r - d13r;
          yi[o + 3 * outStep] = d02i - d13i;
        }
        break;
      }
      case 5: {
        const w1r = twRe[t] ?? 1;
        const w1i = twIm[t] ?? 0;
        const w2r = twRe[t + 1] ?? 1;
        const w2i = twIm[t + 1] ?? 0;
        const w3r = twRe[t + 2] ?? 1;
        const w3i = twIm[t + 2] ?? 0;
        const w4r = twRe[t + 3] ?? 1;
        const w4i = twIm[t + 3] ?? 0;
        for (let s = 0; s < ms; s++) {
          const i0 = inBase + s;
          const a0r = xr[i0] ?? 0;
          const a0i = xi[i0] ?? 0;
          const x1r = xr[i0 + ms] ?? 0;
          const x1i = xi[i0 + ms] ?? 0;
          const x2r = xr[i0 + 2 * ms] ?? 0;
          const x2i = xi[i0 + 2 * ms] ?? 0;
          const x3r = xr[i0 + 3 * ms] ?? 0;
          const x3i = xi[i0 + 3 * ms] ?? 0;
          const x4r = xr[i0 + 4 * ms] ?? 0;
          const x4i = xi[i0 + 4 * ms] ?? 0;
          const a1r = x1r * w1r - x1i * w1i;
          const a1i = x1r * w1i + x1i * w1r;
          const a2r = x2r * w2r - x2i * w2i;
          const a2i = x2r * w2i + x2i * w2r;
          const a3r = x3r * w3r - x3i * w3i;
          const a3i = x3r * w3i + x3i * w3r;
          const a4r = x4r * w4r - x4i * w4i;
          const a4i = x4r * w4i + x4i * w4r;
          // Pair q with 5−q: sums carry the cosines, differences the sines.
          const s14r = a1r + a4r;
          const s14i = a1i + a4i;
          const d14r = a1r - a4r;
          const d14i = a1i - a4i;
          const s23r = a2r + a3r;
          const s23i = a2i + a3i;
          const d23r = a2r - a3r;
          const d23i = a2i - a3i;
          const c1r = a0r + C5A * s14r + C5B * s23r;
          const c1i = a0i + C5A * s14i + C5B * s23i;
          const c2r = a0r + C5B * s14r + C5A * s23r;
          const c2i = a0i + C5B * s14i + C5A * s23i;
          // −i·(S5A·d14 + S5B·d23) and −i·(S5B·d14 − S5A·d23)
          const e1r = S5A * d14i + S5B * d23i;
          const e1i = -(S5A * d14r + S5B * d23r);
          const e2r = S5B * d14i - S5A * d23i;
          const e2i = -(S5B * d14r - S5A * d23r);
          const o = outBase + s;
          yr[o] = a0r + s14r + s23r;
          yi[o] = a0i + s14i + s23i;
          yr[o + outStep] = c1r + e1r;
          yi[o + outStep] = c1i + e1i;
          yr[o + 2 * outStep] = c2r + e2r;
          yi[o + 2 * outStep] = c2i + e2i;
          yr[o + 3 * outStep] = c2r - e2r;
          yi[o + 3 * outStep] = c2i - e2i;
          yr[o + 4 * outStep] = c1r - e1r;
          yi[o + 4 * outStep] = c1i - e1i;
        }
        break;
      }
      default:
        runGenericRadix(stage, k1, xr, xi, yr, yi);
    }
  }
};

/** Any other prime radix: a direct r-point DFT per butterfly (only for sizes with primes above 5). */
const runGenericRadix = (
  stage: Stage,
  k1: number,
  xr: Float64Array,
  xi: Float64Array,
  yr: Float64Array,
  yi: Float64Array,
): void => {
  const { radix: r, doneSize: L, stride: ms, twRe, twIm } = stage;
  const m = ms * r;
  const ar = new Float64Array(r);
  const ai = new Float64Array(r);
  for (let s = 0; s < ms; s++) {
    for (let q = 0; q < r; q++) {
      const idx = k1 * m + q * ms + s;
      const vr = xr[idx] ?? 0;
      const vi = xi[idx] ?? 0;
      const wr = q === 0 ? 1 : (twRe[k1 * (r - 1) + q - 1] ?? 1);
      const wi = q === 0 ? 0 : (twIm[k1 * (r - 1) + q - 1] ?? 0);
      ar[q] = vr * wr - vi * wi;
      ai[q] = vr * wi + vi * wr;
    }
    for (let k2 = 0; k2 < r; k2++) {
      let sr = 0;
      let si = 0;
      for (let q = 0; q < r; q++) {
        const angle = (-2 * Math.PI * ((q * k2) % r)) / r;
        const c = Math.cos(angle);
        const sn = Math.sin(angle);
        const vr = ar[q] ?? 0;
        const vi = ai[q] ?? 0;
        sr += vr * c - vi * sn;
        si += vr * sn + vi * c;
      }
      const o = (k1 + L * k2) * ms + s;
      yr[o] = sr;
      yi[o] = si;
    }
  }
};

/** A complex FFT of size n (any positive integer; fastest when n factors into 2, 3, 4 and 5). */
export const createComplexFft = (n: number): ComplexFft => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('FFT size must be a positive integer');
  const stages = planStages(n);
  const evenRe = new Float64Array(n);
  const evenIm = new Float64Array(n);
  const oddRe = new Float64Array(n);
  const oddIm = new Float64Array(n);
  return (inRe, inIm, outRe, outIm) => {
    if (stages.length === 0) {
      outRe[0] = inRe[0] ?? 0;
      outIm[0] = inIm[0] ?? 0;
      return;
    }
    // Ping-pong between scratch buffers; the first stage reads the input, the last writes the output.
    let srcRe = inRe;
    let srcIm = inIm;
    for (let index = 0; index < stages.length; index++) {
      const stage = stages[index];
      if (!stage) break;
      const last = index === stages.length - 1;
      const even = index % 2 === 0;
      const dstRe = last ? outRe : even ? evenRe : oddRe;
      const dstIm = last ? outIm : even ? evenIm : oddIm;
      runStage(stage, srcRe, srcIm, dstRe, dstIm);
      srcRe = dstRe;
      srcIm = dstIm;
    }
  };
};

/**
 * A real-input FFT of even size n: z[j] = x[2j] + i·x[2j+1] through one complex FFT of n/2, then
 * X[k] = E[k] + w_n^k·O[k] with E[k] = (Z[k] + conj Z[m−k])/2 and O[k] = (Z[k] − conj Z[m−k])/(2i).
 */
export const createRealFft = (n: number): RealFft => {
  if (!Number.isInteger(n) || n < 2 || n % 2 !== 0) throw new RangeError('real FFT size must be even');
  const half = n / 2;
  const complexFft = createComplexFft(half);
  const packedRe = new Float64Array(half);
  const packedIm = new Float64Array(half);
  const zRe = new Float64Array(half);
  const zIm = new Float64Array(half);
  const wRe = new Float64Array(half + 1);
  const wIm = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) {
    wRe[k] = Math.cos((-2 * Math.PI * k) / n);
    wIm[k] = Math.sin((-2 * Math.PI * k) / n);
  }
  return (input, re, im) => {
    for (let j = 0; j < half; j++) {
      packedRe[j] = input[2 * j] ?? 0;
      packedIm[j] = input[2 * j + 1] ?? 0;
    }
    complexFft(packedRe, packedIm, zRe, zIm);
    for (let k = 0; k <= half; k++) {
      const a = k === half ? 0 : k;
      const b = k === 0 ? 0 : half - k;
      const pr = zRe[a] ?? 0;
      const pi = zIm[a] ?? 0;
      const qr = zRe[b] ?? 0;
      const qi = -(zIm[b] ?? 0);
      const er = 0.5 * (pr + qr);
      const ei = 0.5 * (pi + qi);
      // (p − q)/(2i) = (pi − qi)/2 − i·(pr − qr)/2
      const or = 0.5 * (pi - qi);
      const oi = -0.5 * (pr - qr);
      const tr = wRe[k] ?? 1;
      const ti = wIm[k] ?? 0;
      re[k] = er + or * tr - oi * ti;
      im[k] = ei + or * ti + oi * tr;
    }
  };
};

import { describe, expect, it } from 'vitest';
import { createComplexFft, createRealFft } from '../../../main/speech/fft';

/** Deterministic uniform [-1, 1) samples (mulberry32), so failures reproduce. */
const randomSignal = (length: number, seed: number): Float64Array => {
  let state = seed >>> 0;
  return Float64Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 31 - 1;
  });
};

const naiveDft = (re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } => {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      // Reduce j·k mod n first: the angle stays small and exact.
      const angle = (-2 * Math.PI * ((j * k) % n)) / n;
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      const xr = re[j] ?? 0;
      const xi = im[j] ?? 0;
      sr += xr * c - xi * s;
      si += xr * s + xi * c;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  return { re: outRe, im: outIm };
};

/** Largest error relative to the largest reference magnitude. */
const relativeError = (
  actual: { re: Float64Array; im: Float64Array },
  expected: { re: Float64Array; im: Float64Array },
  bins: number,
): number => {
  let scale = 0;
  let worst = 0;
  for (let k = 0; k < bins; k++) {
    const er = expected.re[k] ?? 0;
    const ei = expected.im[k] ?? 0;
    scale = Math.max(scale, Math.hypot(er, ei));
    worst = Math.max(worst, Math.hypot((actual.re[k] ?? Number.NaN) - er, (actual.im[k] ?? Number.NaN) - ei));
  }
  return worst / scale;
};

describe('createComplexFft', () => {
  it.each([1, 2, 3, 4, 5, 7, 8, 12, 16, 25, 30, 49, 64, 100, 125, 200, 240, 256, 400])(
    'matches a naive DFT at size %i to 1e-9',
    (n) => {
      const fft = createComplexFft(n);
      for (let trial = 0; trial < 3; trial++) {
        const inRe = randomSignal(n, n * 10 + trial);
        const inIm = randomSignal(n, n * 10 + trial + 5000);
        const before = Float64Array.from(inRe);
        const out = { re: new Float64Array(n), im: new Float64Array(n) };
        fft(inRe, inIm, out.re, out.im);
        expect(relativeError(out, naiveDft(inRe, inIm), n)).toBeLessThan(1e-9);
        expect(inRe).toEqual(before);
      }
    },
  );

  it('is reusable: the same plan gives the same answer twice', () => {
    const fft = createComplexFft(200);
    const inRe = randomSignal(200, 1);
    const inIm = randomSignal(200, 2);
    const first = { re: new Float64Array(200), im: new Float64Array(200) };
    const second = { re: new Float64Array(200), im: new Float64Array(200) };
    fft(inRe, inIm, first.re, first.im);
    fft(inRe, inIm, second.re, second.im);
    expect(second).toEqual(first);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => createComplexFft(0)).toThrow(RangeError);
    expect(() => createComplexFft(2.5)).toThrow(RangeError);
  });
});

describe('createRealFft', () => {
  it.each([2, 4, 6, 10, 16, 50, 400, 512])('matches a naive DFT of a real signal at size %i to 1e-9', (n) => {
    const fft = createRealFft(n);
    for (let trial = 0; trial < 3; trial++) {
      const input = randomSignal(n, n * 7 + trial);
      const out = { re: new Float64Array(n / 2 + 1), im: new Float64Array(n / 2 + 1) };
      fft(input, out.re, out.im);
      expect(relativeError(out, naiveDft(input, new Float64Array(n)), n / 2 + 1)).toBeLessThan(1e-9);
    }
  });

  it('gives a pure cosine all its energy in one bin', () => {
    const n = 400;
    const input = Float64Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * 25 * j) / n));
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    createRealFft(n)(input, re, im);
    expect(re[25]).toBeCloseTo(n / 2, 9);
    for (let k = 0; k <= n / 2; k++) if (k !== 25) expect(Math.hypot(re[k] ?? 0, im[k] ?? 0)).toBeLessThan(1e-9);
  });

  it('rejects odd sizes', () => {
    expect(() => createRealFft(401)).toThrow(RangeError);
  });
});

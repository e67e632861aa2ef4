import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dequantizeColumnsInt8,
  dequantizeTableUint8,
  quantizeColumnsInt8,
  quantizeTableUint8,
  roundTripTable,
} from '../../../../main/language/sections/quantize';

describe('model quantisation', () => {
  it('keeps every int8 weight within half a step of its column scale', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 60 }), (values) => {
        const columns = 3;
        const rows = Math.floor(values.length / columns);
        const weights = Float32Array.from(values.slice(0, rows * columns));
        const { data, scales } = quantizeColumnsInt8(weights, rows, columns);
        const back = dequantizeColumnsInt8(data, scales, columns);
        weights.forEach((w, i) => {
          expect(Math.abs((back[i] ?? 0) - w)).toBeLessThanOrEqual((scales[i % columns] ?? 0) / 2 + 1e-6);
        });
      }),
    );
  });

  it('stores the idf table on a 256-level grid and rounding it twice changes nothing', () => {
    const idf = Float32Array.from([1, 1.5, 2.25, 7.9, 3.3]);
    const table = quantizeTableUint8(idf);
    const back = dequantizeTableUint8(table);
    idf.forEach((v, i) => {
      expect(Math.abs((back[i] ?? 0) - v)).toBeLessThanOrEqual((7.9 - 1) / 255 / 2 + 1e-6);
    });
    const once = roundTripTable(idf);
    expect(Array.from(roundTripTable(once))).toEqual(Array.from(once));
  });
});

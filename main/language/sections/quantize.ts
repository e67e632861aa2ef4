/**
 * Compact storage for the model file. Weights: symmetric int8 per class column (scale = max|W|/127),
 * which keeps the file under 2 MB; the loader expands them back to a plain float32 matrix. The idf
 * table: uint8 on a linear grid between its min and max; training uses the already-rounded table so
 * the shipped features are exactly the trained ones.
 */
export const quantizeColumnsInt8 = (
  weights: Float32Array,
  rows: number,
  columns: number,
): { data: Int8Array; scales: number[] } => {
  const scales = new Array<number>(columns).fill(0);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) scales[c] = Math.max(scales[c] ?? 0, Math.abs(weights[r * columns + c] ?? 0));
  }
  for (let c = 0; c < columns; c += 1) scales[c] = (scales[c] ?? 0) > 0 ? Math.fround((scales[c] ?? 0) / 127) : 1;
  const data = new Int8Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const q = Math.round((weights[r * columns + c] ?? 0) / (scales[c] ?? 1));
      data[r * columns + c] = Math.max(-127, Math.min(127, q));
    }
  }
  return { data, scales };
};

export const dequantizeColumnsInt8 = (data: Int8Array, scales: readonly number[], columns: number): Float32Array => {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i += 1) out[i] = (data[i] ?? 0) * (scales[i % columns] ?? 0);
  return out;
};

export type QuantizedTable = { min: number; max: number; data: Uint8Array };

export const quantizeTableUint8 = (values: Float32Array): QuantizedTable => {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!Number.isFinite(min)) return { min: 0, max: 0, data: new Uint8Array(0) };
  min = Math.fround(min);
  max = Math.fround(max);
  const step = max > min ? (max - min) / 255 : 1;
  return { min, max, data: Uint8Array.from(values, (v) => Math.round((v - min) / step)) };
};

export const dequantizeTableUint8 = ({ min, max, data }: QuantizedTable): Float32Array => {
  const step = max > min ? (max - min) / 255 : 0;
  return Float32Array.from(data, (q) => min + q * step);
};

/** The table as the loader will see it (quantise, then expand). */
export const roundTripTable = (values: Float32Array): Float32Array => dequantizeTableUint8(quantizeTableUint8(values));

/**
 * G.711 A-law and µ-law expansion (ITU-T G.711), as 256-entry tables scaled to -1..1. Telephone and
 * dictation systems still write these into WAV files.
 */
const expandMulaw = (byte: number): number => {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = (((u & 0x0f) << 3) + 0x84) << exponent;
  const sample = magnitude - 0x84;
  return u & 0x80 ? -sample : sample;
};

const expandAlaw = (byte: number): number => {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return a & 0x80 ? magnitude : -magnitude;
};

const table = (expand: (byte: number) => number): Float32Array => {
  const out = new Float32Array(256);
  for (let i = 0; i < 256; i += 1) out[i] = expand(i) / 32768;
  return out;
};

let mulaw: Float32Array | undefined;
let alaw: Float32Array | undefined;

export const mulawTable = (): Float32Array => (mulaw ??= table(expandMulaw));
export const alawTable = (): Float32Array => (alaw ??= table(expandAlaw));

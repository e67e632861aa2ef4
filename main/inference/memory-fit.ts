/**
 * Refuses a model that cannot fit in memory before loading it: a model whose weights exceed what the
 * machine has free would push the laptop into swap or get the worker killed mid-visit. The estimate
 * is the graph files for the chosen precision (weights load once, mapped or copied) plus working room.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../common/errors';

/** File-name suffixes transformers.js uses per dtype (model.onnx, model_q4.onnx, …). */
export const DTYPE_SUFFIX: Readonly<Record<string, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

const WORKING_FACTOR = 1.25;
const WORKING_BYTES = 256 * 1024 * 1024;

/** Memory the kernel says can be taken without swapping (MemAvailable), else the free memory. */
export const availableMemoryBytes = (): number => {
  try {
    const match = /^MemAvailable:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'));
    if (match?.[1]) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall through.
  }
  return os.freemem();
};

/** Bytes of the ONNX graphs (and their external data) one dtype loads from `<dir>/onnx`. */
export const graphBytes = (modelDir: string, graphs: readonly string[], dtype: string): number => {
  const onnxDir = path.join(modelDir, 'onnx');
  const suffix = DTYPE_SUFFIX[dtype] ?? '';
  let names: string[];
  try {
    names = fs.readdirSync(onnxDir);
  } catch {
    return 0;
  }
  const wanted = graphs.map((g) => `${g}${suffix}.onnx`);
  return names
    .filter((name) => wanted.some((w) => name === w || name.startsWith(`${w}_data`)))
    .reduce((sum, name) => sum + fs.statSync(path.join(onnxDir, name)).size, 0);
};

export const assertFitsInMemory = (bytes: number, what: string, limitBytes: number = availableMemoryBytes()): void => {
  const needed = bytes * WORKING_FACTOR + WORKING_BYTES;
  if (needed > limitBytes)
    throw new AppError(
      'MODEL_TOO_LARGE',
      `The ${what} needs about ${String(Math.ceil(needed / 2 ** 20))} MB of memory and ${String(Math.floor(limitBytes / 2 ** 20))} MB is available. Choose a smaller model or precision, or close other programs.`,
    );
};

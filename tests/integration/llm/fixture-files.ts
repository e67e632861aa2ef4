import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** tests/fixtures/models: generated LLM fixtures (scripts/llm, `npm run fixtures:llm -- --committed`). */
export const MODELS_DIR = path.resolve(import.meta.dirname, '../../fixtures/models');
export const LLAMA_RANDOM = 'llama-tiny-random';
export const LLAMA_ORACLE = 'llama-oracle';

export const readJsonFile = <T>(schema: z.ZodType<T>, ...parts: string[]): T =>
  schema.parse(JSON.parse(readFileSync(path.join(MODELS_DIR, ...parts), 'utf8')));

export const onnxFile = (model: string, name: string): string => path.join(MODELS_DIR, model, 'onnx', `${name}.onnx`);

/** Index of the largest value (first one on ties). */
export const argmax = (values: ArrayLike<number>): number => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
};

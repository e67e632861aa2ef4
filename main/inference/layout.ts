import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { ModelKind } from './manifest';

/**
 * transformers.js loads a model folder as `config.json` + tokenizer/processor JSON at the top and
 * the ONNX graphs under `onnx/`. Checked before a model is installed and before it is handed out,
 * so a wrong folder fails with MODEL_INVALID instead of a runtime error deep in the loader.
 */
const REQUIRED_JSON: Record<ModelKind, readonly string[]> = {
  asr: ['config.json', 'tokenizer.json', 'preprocessor_config.json'],
  translation: ['config.json', 'tokenizer.json'],
  llm: ['config.json', 'tokenizer.json'],
};

/** Graph name prefixes each kind needs (any quantization suffix). */
const REQUIRED_GRAPHS: Record<ModelKind, readonly string[]> = {
  asr: ['encoder_model', 'decoder_model'],
  translation: ['encoder_model', 'decoder_model'],
  llm: ['model'],
};

const invalid = (what: string): AppError =>
  new AppError('MODEL_INVALID', `Not a transformers.js model folder: ${what}.`);

const readJsonObject = (file: string, name: string): Record<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw invalid(`${name} is missing or not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} is not an object`);
  return value as Record<string, unknown>;
};

export type LayoutReport = { modelType: string | null; graphs: string[] };

export const checkTransformersLayout = (dir: string, kind: ModelKind): LayoutReport => {
  for (const name of REQUIRED_JSON[kind]) readJsonObject(path.join(dir, name), name);
  const config = readJsonObject(path.join(dir, 'config.json'), 'config.json');
  let graphs: string[];
  try {
    graphs = fs
      .readdirSync(path.join(dir, 'onnx'))
      .filter((name) => name.endsWith('.onnx'))
      .sort();
  } catch {
    throw invalid('no onnx/ folder');
  }
  for (const prefix of REQUIRED_GRAPHS[kind]) {
    if (!graphs.some((g) => g === `${prefix}.onnx` || g.startsWith(`${prefix}_`))) {
      throw invalid(`onnx/${prefix}*.onnx is missing`);
    }
  }
  return { modelType: typeof config.model_type === 'string' ? config.model_type : null, graphs };
};

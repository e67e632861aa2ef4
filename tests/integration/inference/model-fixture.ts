import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest, ManifestEntry } from '../../../main/inference/manifest';

/**
 * A folder in the transformers.js layout with random "weights": the store only hashes and copies
 * bytes and checks the layout, so no real model is needed (nothing here is ever run as a model).
 */
export const FIXTURE_FILES: Record<string, number> = {
  'config.json': 0,
  'generation_config.json': 0,
  'preprocessor_config.json': 0,
  'tokenizer.json': 0,
  'tokenizer_config.json': 0,
  'onnx/encoder_model.onnx': 40_000,
  'onnx/decoder_model_merged.onnx': 60_000,
  'onnx/encoder_model_quantized.onnx': 12_000,
  'onnx/decoder_model_merged_quantized.onnx': 18_000,
};

export const writeModelFolder = (dir: string, omit: string[] = []): void => {
  for (const [rel, size] of Object.entries(FIXTURE_FILES)) {
    if (omit.includes(rel)) continue;
    const full = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const body = rel.endsWith('.json') ? JSON.stringify({ model_type: 'whisper', file: rel }) : randomBytes(size);
    fs.writeFileSync(full, body);
  }
};

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A manifest entry describing `dir` with its real hashes; `nullHashes` lists files left unhashed. */
export const entryFor = (dir: string, id: string, nullHashes: string[] = []): ManifestEntry => {
  const files = Object.keys(FIXTURE_FILES).map((rel) => {
    const full = path.join(dir, ...rel.split('/'));
    return {
      path: rel,
      bytes: fs.statSync(full).size,
      sha256: nullHashes.includes(rel) ? null : sha256(full),
      required: rel.endsWith('.json'),
    };
  });
  return {
    id,
    kind: 'asr',
    displayName: `Test ${id}`,
    multilingual: false,
    languages: ['en'],
    license: { id: 'MIT', commercialUse: true, url: 'https://models.invalid/LICENSE' },
    publisher: 'Quietchart tests',
    source: { baseUrl: 'https://models.invalid', repo: 'tests/whisper-test', revision: 'abc123' },
    files,
    variants: [
      { id: 'fp32', label: 'full precision', files: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx'] },
      {
        id: 'q8',
        label: '8-bit',
        files: ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
      },
    ],
    defaultVariant: 'q8',
    verified: nullHashes.length === 0,
  };
};

export const manifestOf = (...models: ManifestEntry[]): Manifest => ({
  format: 'quietchart.model-manifest',
  version: 1,
  models,
});

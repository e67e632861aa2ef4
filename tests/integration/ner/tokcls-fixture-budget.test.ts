/**
 * The committed token-classifier fixtures stay small (they live in git): every file is accounted for, the
 * ONNX sizes match what the generator recorded in generated.json, and both folders together stay under 400 kB.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODELS_DIR, TOKCLS_ORACLE, TOKCLS_RANDOM, readJsonFile } from './fixture-files';

const FOLDER_BUDGET = 250_000;
const TOTAL_BUDGET = 400_000;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

const folderBytes = (model: string): number =>
  filesUnder(path.join(MODELS_DIR, model)).reduce((sum, file) => sum + statSync(file).size, 0);

describe('token-classifier fixture size budget', () => {
  it.each([TOKCLS_RANDOM, TOKCLS_ORACLE])('%s holds the expected files, under its budget', (model) => {
    const dir = path.join(MODELS_DIR, model);
    const names = filesUnder(dir).map((file) => path.relative(dir, file).split(path.sep).join('/'));
    const expected = [
      'config.json',
      'generated.json',
      'onnx/model.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
      ...(model === TOKCLS_RANDOM ? ['onnx/model_quantized.onnx', 'reference.json'] : []),
    ];
    expect(names.sort()).toEqual(expected.sort());
    const { files } = readJsonFile(z.object({ files: z.record(z.string(), z.number()) }), model, 'generated.json');
    expect(Object.keys(files).sort()).toEqual(expected.filter((name) => name.startsWith('onnx/')).sort());
    for (const [name, bytes] of Object.entries(files)) expect(statSync(path.join(dir, name)).size).toBe(bytes);
    expect(folderBytes(model)).toBeLessThan(FOLDER_BUDGET);
  });

  it('keeps both folders together under the budget', () => {
    expect(folderBytes(TOKCLS_RANDOM) + folderBytes(TOKCLS_ORACLE)).toBeLessThan(TOTAL_BUDGET);
  });
});

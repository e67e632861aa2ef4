/**
 * The committed Marian fixtures stay small (they live in git): every file is accounted for, the ONNX sizes
 * match what the generator recorded in generated.json, and both folders together stay well under 1 MB.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MARIAN_ORACLE, MARIAN_RANDOM, MODELS_DIR, readJsonFile } from './fixture-files';

const FOLDER_BUDGET = 350_000;
const TOTAL_BUDGET = 700_000;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

const folderBytes = (model: string): number =>
  filesUnder(path.join(MODELS_DIR, model)).reduce((sum, file) => sum + statSync(file).size, 0);

describe('Marian fixture size budget', () => {
  it.each([MARIAN_RANDOM, MARIAN_ORACLE])('%s holds the expected files, under its budget', (model) => {
    const dir = path.join(MODELS_DIR, model);
    const names = filesUnder(dir).map((file) => path.relative(dir, file).split(path.sep).join('/'));
    const expected = [
      'config.json',
      'generated.json',
      'generation_config.json',
      'onnx/decoder_model_merged.onnx',
      'onnx/encoder_model.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
      ...(model === MARIAN_RANDOM ? ['reference.json'] : []),
    ];
    expect(names.sort()).toEqual(expected.sort());
    const { files } = readJsonFile(z.object({ files: z.record(z.string(), z.number()) }), model, 'generated.json');
    for (const [name, bytes] of Object.entries(files)) expect(statSync(path.join(dir, name)).size).toBe(bytes);
    expect(folderBytes(model)).toBeLessThan(FOLDER_BUDGET);
  });

  it('keeps both folders together under the budget', () => {
    expect(folderBytes(MARIAN_RANDOM) + folderBytes(MARIAN_ORACLE)).toBeLessThan(TOTAL_BUDGET);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLlm } from '../../../main/llm/llm-engine';
import { makeTempDir } from '../../helpers/temp-runtime';

/** Broken model folders, each refused at load with a clear error (copies of the oracle fixture). */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/llama-oracle');

const copyOracle = (): string => {
  const dir = path.join(makeTempDir(), 'llama-copy');
  fs.cpSync(ORACLE, dir, { recursive: true });
  return dir;
};
const editJson = (file: string, edit: (value: Record<string, unknown>) => void): void => {
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  fs.writeFileSync(file, JSON.stringify(value));
};
const load = (modelDir: string, maxMemoryBytes?: number) =>
  loadLlm({ modelDir, precision: 'fp32', ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }) });

describe('a broken language model folder', () => {
  it('loads as a copy, and ignores extra files beside the model', async () => {
    const dir = copyOracle();
    fs.writeFileSync(path.join(dir, 'README.md'), 'notes');
    fs.writeFileSync(path.join(dir, 'onnx', 'model_q4.onnx.bak'), 'junk');
    await (await load(dir)).dispose();
  });

  it('is refused when the graph or the tokenizer is missing', async () => {
    const noGraph = copyOracle();
    fs.rmSync(path.join(noGraph, 'onnx', 'model.onnx'));
    await expect(load(noGraph)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    const noTokenizer = copyOracle();
    fs.rmSync(path.join(noTokenizer, 'tokenizer.json'));
    await expect(load(noTokenizer)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });

  it('is refused when the graph file is not an ONNX model', async () => {
    const dir = copyOracle();
    fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), Buffer.alloc(4096, 7));
    await expect(load(dir)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });

  it('is refused when the tokenizer belongs to another model', async () => {
    const bigger = copyOracle();
    editJson(path.join(bigger, 'tokenizer.json'), (t) => {
      const added = t.added_tokens as Array<Record<string, unknown>>;
      added.push({ ...added[0], id: 900, content: '<|foreign|>' });
    });
    await expect(load(bigger)).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('tokenizer does not match') as unknown,
    });
    const narrower = copyOracle();
    editJson(path.join(narrower, 'config.json'), (c) => {
      c.vocab_size = 1000;
    });
    await expect(load(narrower)).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('logits 644 wide') as unknown,
    });
  });

  it('is refused before loading when it would not fit in the memory available', async () => {
    await expect(load(ORACLE, 64 * 2 ** 20)).rejects.toMatchObject({
      code: 'MODEL_TOO_LARGE',
      message: expect.stringContaining('MB of memory') as unknown,
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelStore } from '../../../main/inference/model-store';
import { entryFor, manifestOf, writeModelFolder } from './model-fixture';

let tmp: string;
let source: string;
let modelsDir: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-models-'));
  source = path.join(tmp, 'source');
  modelsDir = path.join(tmp, 'data', 'models');
  writeModelFolder(source);
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? 'no-code';
  }
};
const visibleEntries = (): string[] => (fs.existsSync(modelsDir) ? fs.readdirSync(modelsDir) : []);

describe('the model store', () => {
  it('imports a folder whose hashes match the manifest and hands out its folder', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    expect(store.listModels()).toEqual([
      expect.objectContaining({ id: 'whisper-test', installed: false, hashStatus: 'not-installed' }),
    ]);
    // The q8 default: both quantized graphs plus the JSON files.
    expect(store.listModels()[0]?.bytes).toBeGreaterThan(30_000);
    expect(store.listModels()[0]?.bytes).toBeLessThan(40_000);
    const record = await store.importModel(source, { id: 'whisper-test' });
    expect(record.variant).toBe('q8');
    expect(record.files.map((f) => f.trust)).toEqual(Array(7).fill('verified'));
    expect(fs.existsSync(path.join(modelsDir, 'whisper-test', 'onnx', 'encoder_model.onnx'))).toBe(false);
    expect(await store.resolveModelDir('whisper-test')).toBe(path.join(modelsDir, 'whisper-test'));
    expect(store.listModels()[0]).toMatchObject({ installed: true, installedVariant: 'q8', hashStatus: 'verified' });
    expect(visibleEntries()).toEqual(['whisper-test']);
  });

  it('imports the variant asked for', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    const record = await store.importModel(source, { id: 'whisper-test', variant: 'fp32' });
    expect(record.files.map((f) => f.path)).toContain('onnx/encoder_model.onnx');
    expect(record.files.map((f) => f.path)).not.toContain('onnx/encoder_model_quantized.onnx');
  });

  it('refuses a folder whose file does not match the publisher hash and leaves nothing behind', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    const onnx = path.join(source, 'onnx', 'decoder_model_merged_quantized.onnx');
    const bytes = fs.readFileSync(onnx);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    fs.writeFileSync(onnx, bytes);
    expect(await codeOf(store.importModel(source, { id: 'whisper-test' }))).toBe('MODEL_HASH_MISMATCH');
    expect(visibleEntries()).toEqual([]);
    expect(await codeOf(store.resolveModelDir('whisper-test'))).toBe('MODEL_NOT_INSTALLED');
  });

  it('refuses a folder without the transformers.js layout (MODEL_INVALID)', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    const broken = path.join(tmp, 'broken');
    writeModelFolder(broken, ['config.json']);
    expect(await codeOf(store.importModel(broken, { id: 'custom' }))).toBe('MODEL_INVALID');
    fs.rmSync(path.join(broken, 'onnx'), { recursive: true });
    fs.writeFileSync(path.join(broken, 'config.json'), '{}');
    expect(await codeOf(store.importModel(broken, { id: 'custom' }))).toBe('MODEL_INVALID');
    expect(visibleEntries()).toEqual([]);
  });

  it('keeps a model without publisher hashes unverified until the user confirms it', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    const record = await store.importModel(source, { id: 'my-whisper' });
    expect(record.manifestId).toBeNull();
    expect(record.files).toHaveLength(9);
    expect(store.listModels()).toEqual([
      expect.objectContaining({ id: 'my-whisper', recommended: false, hashStatus: 'unverified' }),
    ]);
    expect(await codeOf(store.resolveModelDir('my-whisper'))).toBe('MODEL_UNVERIFIED');
    const confirmed = await store.confirmModel('my-whisper');
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(confirmed.files.every((f) => f.trust === 'confirmed')).toBe(true);
    expect(await store.resolveModelDir('my-whisper')).toBe(path.join(modelsDir, 'my-whisper'));
    expect(store.listModels()[0]?.hashStatus).toBe('confirmed');
  });

  it('treats a manifest file with a null hash as unverified, and the rest as verified', async () => {
    const entry = entryFor(source, 'whisper-test', ['tokenizer.json']);
    const store = createModelStore({ modelsDir, manifest: manifestOf(entry) });
    const record = await store.importModel(source, { id: 'whisper-test' });
    expect(record.files.find((f) => f.path === 'tokenizer.json')?.trust).toBe('unverified');
    expect(record.files.filter((f) => f.trust === 'verified')).toHaveLength(6);
    expect(await codeOf(store.resolveModelDir('whisper-test'))).toBe('MODEL_UNVERIFIED');
    await store.confirmModel('whisper-test');
    expect(
      store
        .installRecord('whisper-test')
        ?.files.map((f) => f.trust)
        .sort(),
    ).toEqual(['confirmed', ...Array<string>(6).fill('verified')]);
    expect(await codeOf(store.resolveModelDir('whisper-test'))).toBe('resolved');
  });

  it('never hands out a model whose file changed after install; verify reports which', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    await store.importModel(source, { id: 'whisper-test' });
    expect(await codeOf(store.resolveModelDir('whisper-test'))).toBe('resolved');
    const onnx = path.join(modelsDir, 'whisper-test', 'onnx', 'encoder_model_quantized.onnx');
    const bytes = fs.readFileSync(onnx);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    fs.writeFileSync(onnx, bytes);
    expect(await codeOf(store.resolveModelDir('whisper-test'))).toBe('MODEL_HASH_MISMATCH');
    const report = await store.verifyModel('whisper-test');
    expect(report.ok).toBe(false);
    expect(report.files.filter((f) => f.status !== 'ok')).toEqual([
      { path: 'onnx/encoder_model_quantized.onnx', status: 'mismatch', trust: 'verified' },
    ]);
    fs.rmSync(path.join(modelsDir, 'whisper-test', 'tokenizer.json'));
    expect((await store.verifyModel('whisper-test')).files.find((f) => f.path === 'tokenizer.json')?.status).toBe(
      'missing',
    );
  });

  it('refuses to confirm a file that changed since it was imported', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    await store.importModel(source, { id: 'my-whisper' });
    fs.appendFileSync(path.join(modelsDir, 'my-whisper', 'onnx', 'encoder_model.onnx'), 'x');
    expect(await codeOf(store.confirmModel('my-whisper'))).toBe('MODEL_HASH_MISMATCH');
    expect(await codeOf(store.resolveModelDir('my-whisper'))).toBe('MODEL_UNVERIFIED');
  });

  it('replaces an installed model in one step on re-import', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    await store.importModel(source, { id: 'my-whisper' });
    await store.confirmModel('my-whisper');
    const again = await store.importModel(source, { id: 'my-whisper' });
    expect(again.confirmedAt).toBeNull();
    expect(visibleEntries()).toEqual(['my-whisper']);
    expect(await codeOf(store.resolveModelDir('my-whisper'))).toBe('MODEL_UNVERIFIED');
  });

  it('reports a damaged install record instead of trusting it', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    await store.importModel(source, { id: 'my-whisper' });
    fs.writeFileSync(path.join(modelsDir, 'my-whisper', '.quietchart-install.json'), '{"format":"nope"}');
    expect(store.listModels()[0]).toMatchObject({ id: 'my-whisper', hashStatus: 'damaged' });
    expect(await codeOf(store.resolveModelDir('my-whisper'))).toBe('MODEL_INVALID');
  });

  it('rejects ids that could escape the models folder', async () => {
    const store = createModelStore({ modelsDir, manifest: manifestOf() });
    expect(await codeOf(store.importModel(source, { id: '../evil' }))).not.toBe('resolved');
    expect(() => store.installRecord('../evil')).toThrow();
  });
});

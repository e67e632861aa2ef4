import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../../main/inference/manifest';
import { loadManifest } from '../../../main/inference/manifest-file';
import { createModelStore } from '../../../main/inference/model-store';
import type { Runtime } from '../../../main/services/runtime';
import { channelsOf } from '../../helpers/channels';
import { makeTempDir, openInferenceRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

/**
 * The oracle Llama installed through the model store with a manifest of its real hashes: a wrong hash
 * is refused at import, the installed model writes drafts, and a file changed after install is never
 * loaded (the composer drafts instead, and says why).
 */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/llama-oracle');
const FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const entry = (corrupt = false): ManifestEntry => ({
  id: 'llama-oracle-test',
  kind: 'llm',
  displayName: 'Oracle Llama (test)',
  multilingual: false,
  languages: ['en'],
  license: { id: 'MIT', commercialUse: true, url: 'https://models.invalid/LICENSE' },
  publisher: 'Quietchart tests',
  source: { baseUrl: 'https://models.invalid', repo: 'tests/llama-oracle', revision: 'abc123' },
  files: FILES.map((rel) => {
    const hash = sha256(path.join(ORACLE, rel));
    return {
      path: rel,
      bytes: fs.statSync(path.join(ORACLE, rel)).size,
      sha256: corrupt && rel.endsWith('.onnx') ? `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}` : hash,
      required: rel.endsWith('.json'),
    };
  }),
  variants: [{ id: 'fp32', label: 'full precision', files: ['onnx/model.onnx'] }],
  defaultVariant: 'fp32',
  verified: true,
});

const writeManifest = (model: ManifestEntry): string => {
  const file = path.join(makeTempDir(), 'manifest.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'quietchart.model-manifest', version: 1, models: [model] }));
  return file;
};

describe('an LLM installed through the model store', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.close();
    rt = null;
  });

  it('is refused at import when a graph does not match the publisher hash, and nothing is installed', async () => {
    const modelsDir = makeTempDir();
    const store = createModelStore({
      modelsDir,
      manifest: { format: 'quietchart.model-manifest', version: 1, models: [entry(true)] },
    });
    await expect(store.importModel(ORACLE, { id: 'llama-oracle-test' })).rejects.toMatchObject({
      code: 'MODEL_HASH_MISMATCH',
    });
    expect(store.listModels()[0]).toMatchObject({ installed: false });
  });

  it('writes drafts once installed, and is not loaded after one of its files changed', async () => {
    const modelsDir = makeTempDir();
    const manifestPath = writeManifest(entry());
    const models = createModelStore({
      modelsDir,
      manifest: loadManifest(manifestPath),
    });
    await models.importModel(ORACLE, { id: 'llama-oracle-test' });
    rt = await openInferenceRuntime({ modelsDir, manifestPath });
    const { call, finished } = channelsOf(rt);
    const encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Pain' }, null).id;
    await call('transcript:import', {
      encounterId,
      text: 'Doctor: What brings you in?\nPatient: Mild chest pain since yesterday.',
      source: 'paste',
    });
    await call('encounter:setConsent', { id: encounterId, consent: { aiProcessing: true } });
    const run = () => finished('pipeline:run', { encounterId });
    expect(await run()).toMatchObject({ outcome: 'succeeded', result: { source: 'llm' } });
    expect(await call('note:latest', { encounterId })).toMatchObject({
      value: { modelVersion: 'llm:llama-oracle-test/fp32' },
    });

    const installed = path.join(modelsDir, 'llama-oracle-test', 'onnx', 'model.onnx');
    const bytes = fs.readFileSync(installed);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    fs.writeFileSync(installed, bytes);
    expect(await run()).toMatchObject({
      outcome: 'succeeded',
      result: { source: 'composer', version: 2, fallback: { code: 'MODEL_HASH_MISMATCH' } },
    });
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import type { ManifestEntry } from '../../../main/inference/manifest';
import { loadManifest } from '../../../main/inference/manifest-file';
import { createModelStore } from '../../../main/inference/model-store';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { makeTempDir, SYNTHETIC_PATIENT, TEST_PASSPHRASE, TEST_SCRYPT_COST } from '../../helpers/temp-runtime';

/**
 * The oracle Llama installed through the model store with a manifest of its real hashes: a wrong hash
 * is refused at import, the installed model writes drafts, and a file changed after install is never
 * loaded (the composer drafts instead, and says why).
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/llama-oracle');
const FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const log = createLogger('test');
const ctx = { senderId: 1 };

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
  const events: Array<{ event: EventName; payload: unknown }> = [];
  afterEach(async () => {
    events.length = 0;
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
    rt = createRuntime({
      dataDir: makeTempDir(),
      version: '0.0.0-test',
      scryptCost: TEST_SCRYPT_COST,
      inference: { entry: path.join(ROOT, 'main/inference/worker-entry.ts') },
      modelsDir,
      manifestPath,
    });
    await rt.unlockWithPassphrase(TEST_PASSPHRASE);
    const runtime = rt;
    runtime.events.subscribe((event, payload) => events.push({ event, payload }));
    const call = (channel: string, request: unknown) => dispatch(runtime.handlers, channel, request, ctx, log);
    const encounterId = runtime.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Pain' }, null).id;
    await call('transcript:import', {
      encounterId,
      text: 'Doctor: What brings you in?\nPatient: Mild chest pain since yesterday.',
      source: 'paste',
    });
    await call('encounter:setConsent', { id: encounterId, consent: { aiProcessing: true } });
    const run = async (): Promise<unknown> => {
      const started = (await call('pipeline:run', { encounterId })) as { value: { jobId: string } };
      await runtime.jobs.settled(started.value.jobId);
      return events.find(
        (e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === started.value.jobId,
      )?.payload;
    };
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

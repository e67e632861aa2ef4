import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../main/services/runtime';

export const TEST_PASSPHRASE = 'correct horse battery staple';
/** The lowest scrypt cost the store accepts: tests stay fast, production keeps its default. */
export const TEST_SCRYPT_COST = 2 ** 12;

export const makeTempDir = (prefix = 'quietchart-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A real runtime on a real encrypted store in a fresh temp dir. */
export const openTempRuntime = async (dataDir = makeTempDir()): Promise<Runtime> => {
  const rt = createRuntime({ dataDir, version: '0.0.0-test', scryptCost: TEST_SCRYPT_COST });
  await rt.unlockWithPassphrase(TEST_PASSPHRASE);
  return rt;
};

export const SYNTHETIC_PATIENT = { name: 'Maria Synthetic', dob: '1961-04-09', mrn: 'MRN-TEST-0001' } as const;

const WORKER_ENTRY = path.resolve(import.meta.dirname, '../../main/inference/worker-entry.ts');

/**
 * A real runtime with the inference worker (forked, running the TypeScript sources) and the given
 * model folders standing in for installed models; an empty models folder unless one is given.
 */
type ModelFolders = 'asrModelDir' | 'llmModelDir' | 'mtModelDir' | 'modelsDir' | 'manifestPath';

export const openInferenceRuntime = async (
  options: Partial<Record<ModelFolders, string | undefined>>,
): Promise<Runtime> => {
  const given: Partial<Pick<RuntimeOptions, ModelFolders>> = {};
  for (const [key, value] of Object.entries(options) as Array<[ModelFolders, string | undefined]>)
    if (value !== undefined) given[key] = value;
  const rt = createRuntime({
    dataDir: makeTempDir(),
    version: '0.0.0-test',
    scryptCost: TEST_SCRYPT_COST,
    inference: { entry: WORKER_ENTRY },
    modelsDir: makeTempDir(),
    ...given,
  });
  await rt.unlockWithPassphrase(TEST_PASSPHRASE);
  return rt;
};

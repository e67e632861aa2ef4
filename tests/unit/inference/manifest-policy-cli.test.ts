import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import type { ManifestEntry } from '../../../main/inference/manifest';
import { entryFor, manifestOf, writeModelFolder } from '../../integration/inference/model-fixture';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-licence-cli-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const committedManifest = path.resolve(import.meta.dirname, '../../../models/manifest.json');

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    stdin: process.stdin,
    env: { HOME: tmp, ...env },
    version: 'test',
  });
  return { code, out };
};

type Listed = { id: string; license: string | null; commercialUse: boolean | null; allowedByPolicy: boolean };

/** A fixture model (random bytes, real hashes) whose manifest entry carries a non-commercial licence. */
const nonCommercialSource = (): { source: string; manifestFile: string } => {
  const source = path.join(tmp, 'src');
  writeModelFolder(source);
  const entry: ManifestEntry = {
    ...entryFor(source, 'nc-model'),
    license: { id: 'CC-BY-NC-4.0', commercialUse: false, url: 'https://models.invalid/LICENSE' },
  };
  const manifestFile = path.join(tmp, 'manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifestOf(entry)));
  return { source, manifestFile };
};

describe('models list shows each licence and whether the policy allows it', () => {
  it('marks NLLB-200 as non-commercial and not allowed by default', async () => {
    const env = { QUIETCHART_MODEL_MANIFEST: committedManifest };
    const dir = ['--models-dir', path.join(tmp, 'models')];
    const { code, out } = await cli(['models', 'list', '--json', ...dir], env);
    expect(code).toBe(0);
    const models = (JSON.parse(out) as { models: Listed[] }).models;
    expect(models.find((m) => m.id === 'nllb-200-distilled-600m')).toMatchObject({
      license: 'CC-BY-NC-4.0',
      commercialUse: false,
      allowedByPolicy: false,
    });
    expect(models.filter((m) => m.id !== 'nllb-200-distilled-600m').every((m) => m.allowedByPolicy)).toBe(true);
    expect(models.find((m) => m.id === 'llama-3.2-1b-instruct')?.license).toBe('Llama-3.2-Community');

    const allowed = await cli(['models', 'list', '--json', '--allow-non-commercial', ...dir], env);
    const relisted = (JSON.parse(allowed.out) as { models: Listed[] }).models;
    expect(relisted.every((m) => m.allowedByPolicy)).toBe(true);

    const table = await cli(['models', 'list', ...dir], env);
    expect(table.out).toMatch(/nllb-200-distilled-600m.*CC-BY-NC-4\.0 \(non-commercial\).*no/);
  });
});

describe('models download and import refuse a non-commercial model unless the policy allows it', () => {
  it('refuses to download NLLB-200 before fetching anything', async () => {
    const modelsDir = path.join(tmp, 'models');
    const { code, out } = await cli(
      [
        'models',
        'download',
        'nllb-200-distilled-600m',
        '--json',
        '--models-dir',
        modelsDir,
        '--base-url',
        'http://127.0.0.1:9/',
      ],
      { QUIETCHART_MODEL_MANIFEST: committedManifest },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(fs.existsSync(modelsDir)).toBe(false);
  });

  it('refuses to import a non-commercial model, and imports it with --allow-non-commercial', async () => {
    const { source, manifestFile } = nonCommercialSource();
    const modelsDir = path.join(tmp, 'models');
    const args = ['models', 'import', source, '--id', 'nc-model', '--json', '--models-dir', modelsDir];
    const env = { QUIETCHART_MODEL_MANIFEST: manifestFile };
    const refused = await cli(args, env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(fs.existsSync(path.join(modelsDir, 'nc-model'))).toBe(false);

    const imported = await cli([...args, '--allow-non-commercial'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ id: 'nc-model', origin: 'import' });
  });

  it('takes the policy from QUIETCHART_ALLOW_NON_COMMERCIAL=1 as a setting', async () => {
    const { source, manifestFile } = nonCommercialSource();
    const args = ['models', 'import', source, '--id', 'nc-model', '--json', '--models-dir', path.join(tmp, 'm')];
    const imported = await cli(args, { QUIETCHART_MODEL_MANIFEST: manifestFile, QUIETCHART_ALLOW_NON_COMMERCIAL: '1' });
    expect(imported.code).toBe(0);
  });
});

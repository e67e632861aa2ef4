import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { manifestOf, entryFor, writeModelFolder } from './model-fixture';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-models-cli-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cli = async (
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; json: unknown; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: process.stdin,
    env: { HOME: tmp, ...env },
    version: 'test',
  });
  return { code, json: stdout.trim().startsWith('{') ? (JSON.parse(stdout) as unknown) : stdout, stderr };
};

describe('quietchart models', () => {
  it('lists the committed manifest’s recommended models, none installed', async () => {
    const { code, json } = await cli(['models', 'list', '--json', '--models-dir', path.join(tmp, 'models')], {
      QUIETCHART_MODEL_MANIFEST: path.resolve(import.meta.dirname, '../../../models/manifest.json'),
    });
    expect(code).toBe(0);
    const { models } = json as {
      models: { id: string; kind: string; installed: boolean; license: string; hashStatus: string }[];
    };
    expect(models.map((m) => m.id)).toEqual(
      expect.arrayContaining(['whisper-base', 'whisper-base.en', 'whisper-tiny']),
    );
    expect(models.every((m) => !m.installed && m.hashStatus === 'not-installed')).toBe(true);
    expect(models.filter((m) => m.kind === 'asr').every((m) => m.license === 'MIT')).toBe(true);
  });

  it('imports, refuses to hand out, confirms and verifies a model without publisher hashes', async () => {
    const source = path.join(tmp, 'my-whisper');
    writeModelFolder(source);
    const dir = ['--models-dir', path.join(tmp, 'models')];
    const imported = await cli(['models', 'import', source, '--id', 'my-whisper', '--json', ...dir]);
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ id: 'my-whisper', origin: 'import', confirmedAt: null });
    const listed = (await cli(['models', 'list', '--json', ...dir])).json as { models: { id: string }[] };
    expect(listed.models.find((m) => m.id === 'my-whisper')).toMatchObject({
      installed: true,
      hashStatus: 'unverified',
    });
    expect((await cli(['models', 'confirm', 'my-whisper', '--json', ...dir])).json).toMatchObject({ id: 'my-whisper' });
    const verified = await cli(['models', 'verify', '--json', ...dir]);
    expect(verified.code).toBe(0);
    expect(verified.json).toMatchObject({ ok: true, models: [{ id: 'my-whisper', trust: 'confirmed' }] });
    fs.appendFileSync(path.join(tmp, 'models', 'my-whisper', 'config.json'), ' ');
    const broken = await cli(['models', 'verify', 'my-whisper', '--json', ...dir]);
    expect(broken.code).toBe(1);
    expect(broken.json).toMatchObject({ ok: false });
  });

  it('checks imports against the manifest and reports a mismatch by error code', async () => {
    const source = path.join(tmp, 'src');
    writeModelFolder(source);
    const manifestFile = path.join(tmp, 'manifest.json');
    fs.writeFileSync(manifestFile, JSON.stringify(manifestOf(entryFor(source, 'whisper-test'))));
    fs.appendFileSync(path.join(source, 'onnx', 'encoder_model_quantized.onnx'), 'tampered');
    const result = await cli(
      ['models', 'import', source, '--id', 'whisper-test', '--json', '--models-dir', path.join(tmp, 'm')],
      {
        QUIETCHART_MODEL_MANIFEST: manifestFile,
      },
    );
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ error: { code: 'MODEL_HASH_MISMATCH' } });
  });

  it('puts models beside the store given by --db', async () => {
    const { json } = await cli(['models', 'list', '--json', '--db', path.join(tmp, 'data', 'visit.db')]);
    expect(json).toMatchObject({ modelsDir: path.join(tmp, 'data', 'models') });
  });

  it('explains a missing id as a usage error', async () => {
    const result = await cli(['models', 'confirm', '--models-dir', path.join(tmp, 'm')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/model id/);
  });
});

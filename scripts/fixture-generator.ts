/**
 * The shared Node front end of the model-fixture generators (scripts/{whisper,llm,marian,tokcls}): each
 * runs its generate.py with Debian's /usr/bin/python3 (python3-torch, python3-onnx, python3-numpy; not
 * needed by CI, which only reads the committed fixtures), `--committed` regenerates the committed
 * folders byte for byte, and JSON written inside the repository is passed through Prettier so
 * `npm run lint` accepts it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env['QUIETCHART_PYTHON'] ?? '/usr/bin/python3';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = join(repoRoot, 'tests/fixtures/models');

export type GeneratorSpec = {
  /** The generator's folder (its generate.py and any other scripts live there). */
  dir: string;
  /** The committed fixtures: [generate.py arguments, output folder under tests/fixtures/models]. */
  committed: ReadonlyArray<[string[], string]>;
  /** Extra scripts run by --committed: [script, output folder]. */
  committedExtras?: ReadonlyArray<[string, string]>;
  usage: string;
};

const requirePython = (): void => {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, onnx, numpy'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import torch, onnx and numpy (${probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? 'failed'}).\n` +
        'Install them with: apt-get install -y python3-torch python3-onnx python3-numpy ' +
        '(or point QUIETCHART_PYTHON at a python that has them).',
    );
  }
};

const runPython = (dir: string, script: string, args: string[]): void => {
  const result = spawnSync(PYTHON, [join(dir, script), ...args], {
    stdio: 'inherit',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.status !== 0) throw new Error(`${script} failed with exit code ${String(result.status)}`);
};

/** Prettier-formats the JSON files under dir when dir is inside the repository (lint checks them there). */
const formatJsonInRepo = async (dir: string): Promise<void> => {
  const rel = relative(repoRoot, resolve(dir));
  if (rel.startsWith('..') || resolve(dir) === rel) return;
  const { format, resolveConfig } = await import('prettier');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(readFileSync(file, 'utf8'), { ...options, filepath: file }));
  }
};

const generate = async (spec: GeneratorSpec, args: string[]): Promise<void> => {
  requirePython();
  if (args.includes('--committed')) {
    for (const [fixtureArgs, name] of spec.committed) {
      const out = join(FIXTURES_DIR, name);
      runPython(spec.dir, 'generate.py', [...fixtureArgs, '--out', out]);
      await formatJsonInRepo(out);
    }
    for (const [script, name] of spec.committedExtras ?? []) {
      const out = join(FIXTURES_DIR, name);
      runPython(spec.dir, script, ['--out', out]);
      await formatJsonInRepo(out);
    }
    return;
  }
  const index = args.indexOf('--out');
  const out = index >= 0 ? args[index + 1] : undefined;
  if (out === undefined || !args.includes('--size')) throw new Error(spec.usage);
  runPython(spec.dir, 'generate.py', args);
  if (existsSync(out)) await formatJsonInRepo(out);
};

/** Runs a generator with this process's arguments; errors end the process with exit code 1. */
export const runGenerator = (spec: GeneratorSpec): void => {
  generate(spec, process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
};

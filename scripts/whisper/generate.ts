/**
 * npm run -s fixtures:whisper -- --size tiny|base|small|micro [--multilingual] [--quantize int8] --out DIR
 * npm run -s fixtures:whisper -- --committed     regenerate tests/fixtures/models/{whisper-tiny-random,
 *                                                 whisper-oracle,logmel} exactly as committed
 *
 * Node front end for scripts/whisper/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy; the pyenv python on PATH has none of them). JSON written inside the repository is passed
 * through Prettier so `npm run lint` accepts the committed fixtures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env['QUIETCHART_PYTHON'] ?? '/usr/bin/python3';
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const fixturesDir = join(repoRoot, 'tests/fixtures/models');

/** The committed fixtures: [generate.py arguments, output folder]. */
const COMMITTED: [string[], string][] = [
  [['--size', 'micro', '--multilingual', '--reference'], 'whisper-tiny-random'],
  [['--size', 'micro', '--multilingual', '--oracle', 'de'], 'whisper-oracle'],
];

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

const runPython = (script: string, args: string[]): void => {
  const result = spawnSync(PYTHON, [join(here, script), ...args], {
    stdio: 'inherit',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.status !== 0) throw new Error(`${script} failed with exit code ${String(result.status)}`);
};

/** Prettier-formats every JSON file under dir when dir is inside the repository (lint checks it there). */
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

const outDir = (args: string[]): string | undefined => {
  const index = args.indexOf('--out');
  return index >= 0 ? args[index + 1] : undefined;
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  requirePython();
  if (args.includes('--committed')) {
    for (const [fixtureArgs, name] of COMMITTED) {
      const out = join(fixturesDir, name);
      runPython('generate.py', [...fixtureArgs, '--out', out]);
      await formatJsonInRepo(out);
    }
    const logmel = join(fixturesDir, 'logmel');
    runPython('logmel_reference.py', ['--out', logmel]);
    await formatJsonInRepo(logmel);
    return;
  }
  const out = outDir(args);
  if (out === undefined || !args.includes('--size')) {
    throw new Error(
      'usage: fixtures:whisper -- --size tiny|base|small|micro [--multilingual] [--quantize int8] --out DIR',
    );
  }
  runPython('generate.py', args);
  if (existsSync(out)) await formatJsonInRepo(out);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

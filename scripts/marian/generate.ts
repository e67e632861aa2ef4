/**
 * npm run -s fixtures:marian -- --size tiny|base [--oracle] [--reference] [--seed N] --out DIR
 * npm run -s fixtures:marian -- --committed     regenerate tests/fixtures/models/{marian-tiny-random,marian-oracle}
 *                                                exactly as committed
 *
 * Node front end for scripts/marian/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy). JSON written inside the repository is passed through Prettier so `npm run lint` accepts
 * the committed fixtures.
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
  [['--size', 'tiny', '--reference'], 'marian-tiny-random'],
  [['--size', 'tiny', '--oracle'], 'marian-oracle'],
];

const USAGE = 'usage: fixtures:marian -- --size tiny|base [--oracle] [--reference] [--seed N] --out DIR | --committed';

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

const runPython = (args: string[]): void => {
  const result = spawnSync(PYTHON, [join(here, 'generate.py'), ...args], {
    stdio: 'inherit',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.status !== 0) throw new Error(`generate.py failed with exit code ${String(result.status)}`);
};

/** Prettier-formats the small JSON files under dir when dir is inside the repository (lint checks them there). */
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

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  requirePython();
  if (args.includes('--committed')) {
    for (const [fixtureArgs, name] of COMMITTED) {
      const out = join(fixturesDir, name);
      runPython([...fixtureArgs, '--out', out]);
      await formatJsonInRepo(out);
    }
    return;
  }
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (out === undefined || !args.includes('--size')) throw new Error(USAGE);
  runPython(args);
  if (existsSync(out)) await formatJsonInRepo(out);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

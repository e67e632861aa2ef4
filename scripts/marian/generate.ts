/**
 * npm run -s fixtures:marian -- --size tiny|base [--oracle] [--reference] [--seed N] --out DIR
 * npm run -s fixtures:marian -- --committed     regenerate tests/fixtures/models/{marian-tiny-random,marian-oracle}
 *                                                exactly as committed
 *
 * Node front end for scripts/marian/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy). JSON written inside the repository is passed through Prettier so `npm run lint` accepts
 * the committed fixtures.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenerator } from '../fixture-generator';

runGenerator({
  dir: dirname(fileURLToPath(import.meta.url)),
  committed: [
    [['--size', 'tiny', '--reference'], 'marian-tiny-random'],
    [['--size', 'tiny', '--oracle'], 'marian-oracle'],
  ],
  usage: 'usage: fixtures:marian -- --size tiny|base [--oracle] [--reference] [--seed N] --out DIR | --committed',
});

/**
 * npm run -s fixtures:tokcls -- --size tiny|base [--oracle] [--reference] [--quantize q8] [--seed N] --out DIR
 * npm run -s fixtures:tokcls -- --committed     regenerate tests/fixtures/models/{tokcls-tiny-random,tokcls-oracle}
 *                                                exactly as committed
 *
 * Node front end for scripts/tokcls/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy). JSON written inside the repository is passed through Prettier so `npm run lint` accepts
 * the committed fixtures.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenerator } from '../fixture-generator';

runGenerator({
  dir: dirname(fileURLToPath(import.meta.url)),
  committed: [
    [['--size', 'tiny', '--quantize', 'q8', '--reference'], 'tokcls-tiny-random'],
    [['--size', 'tiny', '--oracle'], 'tokcls-oracle'],
  ],
  usage:
    'usage: fixtures:tokcls -- --size tiny|base [--oracle] [--reference] [--quantize q8] [--seed N] --out DIR | --committed',
});

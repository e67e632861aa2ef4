/**
 * npm run -s fixtures:llm -- --kind llama --size tiny|1b [--quantize q4] [--oracle] [--reference] --out DIR
 * npm run -s fixtures:llm -- --committed     regenerate tests/fixtures/models/{llama-tiny-random,llama-oracle}
 *                                             exactly as committed
 *
 * Node front end for scripts/llm/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy). JSON written inside the repository is passed through Prettier so `npm run lint` accepts
 * the committed fixtures. The 1b size (Llama 3.2 1B dimensions, random 4-bit weights, ~1 GB) is for
 * scripts/llm/bench.ts and belongs in /tmp, never in the repository.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenerator } from '../fixture-generator';

runGenerator({
  dir: dirname(fileURLToPath(import.meta.url)),
  committed: [
    [['--kind', 'llama', '--size', 'tiny', '--quantize', 'q4', '--reference'], 'llama-tiny-random'],
    [['--kind', 'llama', '--size', 'tiny', '--oracle'], 'llama-oracle'],
  ],
  usage:
    'usage: fixtures:llm -- --kind llama --size tiny|1b [--quantize q4] [--oracle] [--reference] --out DIR | --committed',
});

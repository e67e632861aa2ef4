/**
 * npm run -s fixtures:whisper -- --size tiny|base|small|micro [--multilingual] [--quantize int8] --out DIR
 * npm run -s fixtures:whisper -- --committed     regenerate tests/fixtures/models/{whisper-tiny-random,
 *                                                 whisper-oracle,logmel} exactly as committed
 *
 * Node front end for scripts/whisper/generate.py (Debian's /usr/bin/python3 with python3-torch, python3-onnx,
 * python3-numpy; the pyenv python on PATH has none of them). JSON written inside the repository is passed
 * through Prettier so `npm run lint` accepts the committed fixtures.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenerator } from '../fixture-generator';

runGenerator({
  dir: dirname(fileURLToPath(import.meta.url)),
  committed: [
    [['--size', 'micro', '--multilingual', '--reference'], 'whisper-tiny-random'],
    [['--size', 'micro', '--multilingual', '--oracle', 'de'], 'whisper-oracle'],
  ],
  committedExtras: [['logmel_reference.py', 'logmel']],
  usage:
    'usage: fixtures:whisper -- --size tiny|base|small|micro [--multilingual] [--quantize int8] --out DIR | --committed',
});

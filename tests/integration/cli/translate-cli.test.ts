import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, WORKER_ENV } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-runtime';

/** `translate --transcript FILE --model DIR`: the Marian oracle ("hello world" for every sentence) in the worker. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/marian-oracle');

const cli = (args: string[]) => runCliCaptured(args, WORKER_ENV);

const visitFile = (lines: string[]): string => {
  const file = path.join(makeTempDir(), 'visit.txt');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
};

type Out = {
  segments: Array<{ text: string; language: string | null; englishText: string | null; spans: number[][] }>;
  languages: Record<string, number>;
  translated: number;
};

describe('translate', () => {
  it('identifies each segment’s language and translates the Spanish ones beside the original', async () => {
    const file = visitFile([
      'Doctor: Good morning, what brings you in today?',
      'Patient: Me duele el pecho desde ayer por la tarde. Y tengo tos.',
    ]);
    const r = await cli(['translate', '--transcript', file, '--model', ORACLE, '--precision', 'fp32', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.languages).toEqual({ en: 1, es: 1 });
    expect(out.translated).toBe(1);
    expect(out.segments.map((s) => s.englishText)).toEqual([null, 'hello world hello world']);
    expect(out.segments[1]?.text).toBe('Me duele el pecho desde ayer por la tarde. Y tengo tos.');
  });

  it('refuses a language the model does not read, and a malformed --from', async () => {
    const file = visitFile(['Patient: Bonjour docteur, j’ai mal à la gorge depuis hier soir.']);
    const r = await cli(['translate', '--transcript', file, '--model', ORACLE, '--precision', 'fp32', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('LANGUAGE_UNSUPPORTED');
    const forced = await cli([
      'translate',
      '--transcript',
      file,
      '--model',
      ORACLE,
      '--from',
      'es',
      '--precision',
      'fp32',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('→ hello world');
    expect((await cli(['translate', '--transcript', file, '--model', ORACLE, '--from', 'Spanish!'])).code).toBe(2);
  });

  it('refuses an empty transcript, and a model folder that is not a translator', async () => {
    const empty = await cli(['translate', '--transcript', visitFile([]), '--model', ORACLE, '--json']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('VALIDATION_FAILED');
    const file = visitFile(['Patient: Me duele el pecho desde ayer por la tarde.']);
    const llm = path.join(ROOT, 'tests/fixtures/models/llama-oracle');
    const wrong = await cli(['translate', '--transcript', file, '--model', llm, '--precision', 'fp32', '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('MODEL_INVALID');
  });
});

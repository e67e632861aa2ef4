import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, WORKER_ENV } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-runtime';

/** `note --llm DIR`: the oracle Llama in the inference worker writes the draft; a bad folder falls back. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const VISIT = path.join(ROOT, 'tests/fixtures/transcripts/visit-aci.txt');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/llama-oracle');

const cli = (args: string[]) => runCliCaptured(args, WORKER_ENV);

type NoteJson = {
  source: string;
  model: string;
  fallback: { code: string } | null;
  text: string;
  flags: unknown[];
  sections: Array<{ sectionId: string; source: string; cachedTokens: number }> | null;
};

describe('note --llm', () => {
  it('writes the draft with the LLM, section by section, reusing the shared prefix', async () => {
    const r = await cli(['note', '--transcript', VISIT, '--llm', ORACLE, '--precision', 'fp32', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as NoteJson;
    expect(out).toMatchObject({ source: 'llm', model: 'llm:llama-oracle/fp32', fallback: null });
    expect(out.text).toContain('The patient reports mild chest pain since yesterday.');
    const written = out.sections?.filter((s) => s.source === 'llm') ?? [];
    expect(written.map((s) => s.sectionId)).toEqual(['chief-complaint', 'hpi', 'assessment-plan']);
    expect(written.every((s) => s.cachedTokens > 0)).toBe(true);
    const all = JSON.parse(
      (
        await cli([
          'note',
          '--transcript',
          VISIT,
          '--llm',
          ORACLE,
          '--precision',
          'fp32',
          '--llm-sections',
          'all',
          '--json',
        ])
      ).stdout,
    ) as NoteJson;
    expect(all.sections?.every((s) => s.source === 'llm')).toBe(true);
    expect(r.stderr).toMatch(/hpi: llm/);
  });

  it('falls back to the composer with a clear message when the LLM folder is not a model', async () => {
    const notAModel = path.join(ROOT, 'tests/fixtures/models/logmel');
    const r = await cli(['note', '--transcript', VISIT, '--llm', notAModel, '--precision', 'fp32', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as NoteJson;
    expect(out).toMatchObject({ source: 'composer', model: 'composer/1', fallback: { code: 'MODEL_INVALID' } });
    expect(out.text).toContain('HISTORY OF PRESENT ILLNESS');
    expect(r.stderr).toContain("could not write the draft (MODEL_INVALID): the composer's draft follows");
  });

  it('says the composer wrote it when no LLM is given, and refuses a bad precision', async () => {
    const r = await cli(['note', '--transcript', VISIT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No --llm given');
    expect((await cli(['note', '--transcript', VISIT, '--llm', ORACLE, '--precision', 'q3'])).code).toBe(2);
  });

  it('refuses an empty transcript with a clear error before loading the model', async () => {
    const empty = path.join(makeTempDir(), 'empty.txt');
    fs.writeFileSync(empty, '  \n');
    const r = await cli(['note', '--transcript', empty, '--llm', ORACLE, '--precision', 'fp32', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'The transcript is empty.' } });
  });
});

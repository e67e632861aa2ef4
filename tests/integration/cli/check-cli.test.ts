import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { makeTempDir } from '../../helpers/temp-runtime';

const cli = async (args: string[]): Promise<{ code: number; stdout: string }> => {
  let stdout = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    stdin: Readable.from([]),
    env: {},
    version: '0.0.0-test',
  });
  return { code, stdout };
};

const TRANSCRIPT = [
  '[doctor] any chest pain ?',
  '[patient] no chest pain .',
  '[doctor] what medications are you on ?',
  '[patient] lisinopril 10 mg a day .',
].join('\n');

describe('check CLI', () => {
  it('returns one flag per note sentence that contradicts the transcript, and none for a faithful note', async () => {
    const dir = makeTempDir();
    const transcript = path.join(dir, 'visit.txt');
    fs.writeFileSync(transcript, TRANSCRIPT);
    const faithful = path.join(dir, 'faithful.txt');
    fs.writeFileSync(
      faithful,
      'HISTORY OF PRESENT ILLNESS\nThe patient denies chest pain. She takes lisinopril 10 mg daily.\n',
    );
    const planted = path.join(dir, 'planted.txt');
    fs.writeFileSync(
      planted,
      'HISTORY OF PRESENT ILLNESS\nThe patient reports chest pain. She takes lisinopril 40 mg daily.\n\nPLAN\nStart metformin.\n',
    );
    const ok = await cli(['check', '--transcript', transcript, '--note', faithful, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ flags: [] });
    const bad = await cli(['check', '--transcript', transcript, '--note', planted, '--json']);
    const flags = (JSON.parse(bad.stdout) as { flags: Array<{ sentence: string; kind: string; reason: string }> })
      .flags;
    expect(flags.map((f) => [f.sentence, f.kind])).toEqual([
      ['The patient reports chest pain.', 'negated-as-present'],
      ['She takes lisinopril 40 mg daily.', 'unsupported-dose'],
      ['Start metformin.', 'unsupported-medication'],
    ]);
  });

  it('refuses a missing note file with a clear error', async () => {
    const r = await cli([
      'check',
      '--transcript',
      '/nonexistent/visit.txt',
      '--note',
      '/nonexistent/note.txt',
      '--json',
    ]);
    expect(r.code).not.toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: expect.any(String) as string } });
  });
});

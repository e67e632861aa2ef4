import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/run-cli';
import { makeTempDir } from '../../helpers/temp-runtime';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const VISIT = path.join(FIXTURES, 'transcripts', 'visit-aci.txt');

const cli = (args: string[]) => runCliCaptured(args);

const csvField = (v: string): string => `"${v.replace(/"/g, '""')}"`;

describe('language pipeline CLI', () => {
  it('extracts segments with sections, findings with evidence and checklist results', async () => {
    const r = await cli(['extract', '--transcript', VISIT, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      format: string;
      segments: Array<{ id: string; text: string; section: string }>;
      findings: Array<{ kind: string; evidence: Array<{ segmentId: string; start: number; end: number }> }>;
      checklists: Array<{ items: unknown[] }>;
    };
    expect(out.format).toBe('aci');
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.checklists.length).toBe(2);
    const texts = new Map(out.segments.map((s) => [s.id, s.text]));
    for (const f of out.findings) {
      for (const e of f.evidence) {
        const text = texts.get(e.segmentId);
        expect(text).toBeDefined();
        expect(e.end).toBeLessThanOrEqual(text!.length);
        expect(e.start).toBeLessThan(e.end);
      }
    }
  });

  it('writes a SOAP draft whose every sentence carries evidence', async () => {
    const r = await cli(['note', '--transcript', VISIT, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      text: string;
      note: { sections: Array<{ sentences: Array<{ evidence: unknown[] }> }> };
    };
    expect(out.text).toMatch(/^CHIEF COMPLAINT|HISTORY OF PRESENT ILLNESS/m);
    expect(out.note.sections.flatMap((s) => s.sentences).every((s) => s.evidence.length > 0)).toBe(true);
    const human = await cli(['note', '--transcript', VISIT, '--template', 'progress']);
    expect(human.code).toBe(0);
  });

  it('scores generated notes and given predictions with ROUGE, and writes the notes', async () => {
    const dir = makeTempDir();
    const dialogue = fs.readFileSync(VISIT, 'utf8');
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(
      data,
      `encounter_id,dialogue,note\nE1,${csvField(dialogue)},${csvField('CHIEF COMPLAINT\n\nCough.')}\n`,
    );
    const out = path.join(dir, 'out.csv');
    const generated = await cli(['eval', 'notes', '--data', data, '--out', out, '--json']);
    expect(generated.code).toBe(0);
    expect(JSON.parse(generated.stdout)).toMatchObject({ n: 1, evidenceShare: 1 });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^encounter_id,note/);
    const perfect = path.join(dir, 'pred.csv');
    fs.writeFileSync(perfect, `encounter_id,note\nE1,${csvField('CHIEF COMPLAINT\n\nCough.')}\n`);
    const scored = await cli(['eval', 'notes', '--data', data, '--predictions', perfect, '--json']);
    expect(JSON.parse(scored.stdout)).toMatchObject({ n: 1, rouge1: 100, rouge2: 100, rougeL: 100 });
  });

  it('evaluates negation on NegEx-format sentences', async () => {
    const r = await cli(['eval', 'negation', '--data', path.join(FIXTURES, 'negex', 'negex-test.tsv'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { n: number; f1: number };
    expect(out.n).toBeGreaterThan(100);
    expect(out.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('evaluates section classification on MTS-Dialog-format rows', async () => {
    const dir = makeTempDir();
    const data = path.join(dir, 'mts.csv');
    fs.writeFileSync(
      data,
      [
        'ID,section_header,section_text,dialogue',
        `0,ALLERGY,None.,${csvField('Doctor: Do you have any allergies to medications?\nPatient: No, none that I know of.')}`,
        `1,MEDICATIONS,Lisinopril.,${csvField('Doctor: What medications are you taking?\nPatient: Lisinopril 20 mg once a day.')}`,
      ].join('\n'),
    );
    const r = await cli(['eval', 'sections', '--data', data, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 2, accuracy: 1 });
  });

  it('benchmarks notes per second', async () => {
    const dir = makeTempDir();
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, `encounter_id,dialogue,note\nE1,${csvField(fs.readFileSync(VISIT, 'utf8'))},x\n`);
    const r = await cli(['bench', 'notes', '--data', data, '--min-seconds', '0', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ notes: 1, notesPerSecond: expect.any(Number) as number });
  });

  it.each([
    ['an empty file', Buffer.from('  \n')],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3])],
    ['invalid UTF-8', Buffer.from([0x5b, 0x64, 0x6f, 0x63, 0x5d, 0x20, 0xc3, 0x28, 0xff])],
  ])('refuses %s with a clear error', async (_what, bytes) => {
    const file = path.join(makeTempDir(), 'bad.txt');
    fs.writeFileSync(file, bytes);
    const r = await cli(['extract', '--transcript', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('handles unknown speaker labels without failing', async () => {
    const file = path.join(makeTempDir(), 'odd.txt');
    fs.writeFileSync(file, 'Narrator: the patient came in.\nDoctor: any chest pain?\nPatient: no.\n');
    const r = await cli(['extract', '--transcript', file, '--json']);
    expect(r.code).toBe(0);
  });

  it('says what is missing: no file, unreadable file, unknown template', async () => {
    expect((await cli(['extract'])).code).toBe(2);
    expect((await cli(['extract', '--transcript', '/nonexistent/visit.txt', '--json'])).code).toBe(1);
    expect((await cli(['note', '--transcript', VISIT, '--template', 'sonnet'])).code).toBe(2);
  });
});

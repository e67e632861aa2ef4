import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSectionCsv, stratifiedFolds } from '../../../../main/language/sections/dataset';
import { evaluateSections, scoreSections } from '../../../../main/language/sections/evaluate';
import { mulberry32 } from '../../../../main/language/sections/prng';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const validCsv = join(
  process.env['QUIETCHART_SHARED'] ?? resolve(repoRoot, '../shared'),
  'datasets/mts-dialog/valid.csv',
);
const present = existsSync(validCsv);
if (!present) console.warn(`MTS-Dialog valid.csv not found at ${validCsv}: skipping the section benchmark test`);

const csv = (rows: string[][]): string =>
  [
    'ID,section_header,section_text,dialogue',
    ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')),
  ].join('\n');

describe('section evaluation', () => {
  it('scores accuracy, per-class precision/recall and confusions on a hand-worked example', () => {
    const result = scoreSections(['CC', 'CC', 'ROS', 'PLAN'], ['CC', 'ROS', 'ROS', 'ROS']);
    expect(result.n).toBe(4);
    expect(result.accuracy).toBe(0.5);
    expect(result.perClass.CC).toEqual({ support: 2, predicted: 1, correct: 1, precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(result.perClass.ROS).toMatchObject({ support: 1, predicted: 3, correct: 1, precision: 1 / 3, recall: 1 });
    expect(result.perClass.PLAN).toMatchObject({ support: 1, predicted: 0, precision: 0, recall: 0, f1: 0 });
    expect(result.perClass.EXAM).toBeUndefined();
    expect(result.confusions[0]).toEqual({ gold: 'CC', predicted: 'ROS', count: 1 });
  });

  it('evaluates an MTS-Dialog CSV with the committed model', () => {
    const text = csv([
      ['1', 'ALLERGY', 'No known allergies.', 'Doctor: Any allergies to medicines?\nPatient: No, none.'],
      [
        '2',
        'FAM/SOCHX',
        'Mother had diabetes.',
        'Doctor: Any illnesses in your family?\nPatient: My mother had diabetes.',
      ],
    ]);
    const result = evaluateSections(text);
    expect(result.n).toBe(2);
    expect(result.accuracy).toBe(1);
  });

  it('refuses a row with an unknown section header', () => {
    expect(() => parseSectionCsv(csv([['1', 'NOT_A_SECTION', '', 'Doctor: Hi.']]))).toThrow(/unknown section header/);
  });

  it('deals stratified folds with every label spread over the folds', () => {
    const rows = parseSectionCsv(
      csv(Array.from({ length: 20 }, (_, i) => [String(i), i % 2 ? 'CC' : 'ROS', '', 'Doctor: Hi.'])),
    );
    const folds = stratifiedFolds(rows, 5, mulberry32(1));
    for (let f = 0; f < 5; f += 1) {
      expect(rows.filter((r, i) => folds[i] === f && r.label === 'CC')).toHaveLength(2);
      expect(rows.filter((r, i) => folds[i] === f && r.label === 'ROS')).toHaveLength(2);
    }
  });

  describe.skipIf(!present)('on MTS-Dialog valid.csv (the reported benchmark)', () => {
    it('predicts the section header from the dialogue with accuracy ≥ 0.72', () => {
      const result = evaluateSections(readFileSync(validCsv, 'utf8'));
      expect(result.n).toBe(100);
      expect(result.accuracy).toBeGreaterThanOrEqual(0.72);
    });
  });
});

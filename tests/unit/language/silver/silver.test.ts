import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSilverFiles } from '../../../../main/language/silver/evaluate';
import { readAciCsv } from '../../../../main/language/silver/aci';
import { SilverSet } from '../../../../main/language/silver/set';
import { labelEncounter, silverHash, splitEncounters } from '../../../../main/language/silver/label';
import { numberForms } from '../../../../main/language/silver/spoken-forms';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixtures = join(root, 'tests/fixtures/silver');
const csv = join(process.env['QUIETCHART_SHARED'] ?? resolve(root, '../shared'), 'datasets/aci-bench/train.csv');
const haveData = existsSync(csv);
const load = (split: 'test' | 'dev'): SilverSet =>
  SilverSet.parse(JSON.parse(readFileSync(join(fixtures, `${split}.json`), 'utf8')));

/** Hash of the frozen test set, recorded when it was built and before any extractor existed. */
const FROZEN_TEST_HASH = '5dcbbbd44ba5f6641efc09412b1d13bc83c4c453f83cdd7bccba4611d1e46a4e';

/**
 * Floors for the frozen test set: the final measurement (tests/fixtures/silver/README.md) minus a small
 * margin, so a regression fails while re-formatting or harmless refactors do not.
 */
const FLOORS = {
  medications: { precision: 0.58, recall: 0.97 },
  allergies: { precision: 0.45, recall: 0.75 },
  vitals: { precision: 0.67, recall: 0.87 },
};

describe('silver sets', () => {
  it('keeps the frozen test set unchanged', () => {
    expect(silverHash(load('test'))).toBe(FROZEN_TEST_HASH);
  });

  it('holds only ids, names and numbers — no dialogue or note text', () => {
    for (const split of ['test', 'dev'] as const) {
      const set = load(split);
      const strings = set.encounters.flatMap((e) => [
        e.id,
        ...e.medications.map((m) => m.name),
        ...e.allergies.substances,
      ]);
      for (const s of strings) expect(s.length).toBeLessThanOrEqual(40);
    }
    expect(load('test').encounters).toHaveLength(40);
    expect(load('dev').encounters).toHaveLength(27);
  });

  it('labels only what the note states and the dialogue says', () => {
    const note =
      'CURRENT MEDICATIONS\n\nLisinopril 20 mg daily.\nMetformin 500 mg twice daily.\n\nALLERGIES\n\nPenicillin.\n\nVITALS\n\nBlood pressure: 128/88 mmHg\nTemperature: 98.6 degrees F\nHeart rate: 72 bpm\n';
    const dialogue = [
      '[doctor] you take lisinopril twenty milligrams a day ?',
      '[patient] yes . and i am allergic to penicillin .',
      '[doctor] your blood pressure is one twenty eight over eighty eight and your temperature is ninety eight point six .',
    ].join('\n');
    const e = labelEncounter({ dataset: 'x', encounter_id: 'E1', dialogue, note });
    expect(e.medications).toEqual([{ name: 'lisinopril', doses: [20] }]); // metformin is not said
    expect(e.allergies).toEqual({ noKnownAllergies: false, substances: ['penicillin'] });
    expect(e.vitals).toEqual([
      { type: 'bp', value: 128, value2: 88 },
      { type: 'temp', value: 37, value2: null },
    ]); // 72 is not said
  });

  it('generates the spoken forms that the dialogue check looks for', () => {
    expect(numberForms(128)).toEqual(expect.arrayContaining(['128', 'one hundred twenty eight', 'one twenty eight']));
    expect(numberForms(2.5)).toEqual(expect.arrayContaining(['2.5', 'two . five', 'two point five', 'two and a half']));
  });

  it('splits deterministically and in proportion within each source', () => {
    const rows = Array.from({ length: 67 }, (_, i) => ({ encounter_id: `E${i}`, dataset: i % 3 === 0 ? 'a' : 'b' }));
    const first = splitEncounters(rows);
    expect([...splitEncounters(rows).test]).toEqual([...first.test]);
    expect(first.test.size).toBe(40);
    expect(first.test.size + first.dev.size).toBe(67);
  });
});

describe.skipIf(!haveData)(
  `silver evaluation on ACI-Bench train.csv${haveData ? '' : ' (skipped: ../shared/datasets absent)'}`,
  () => {
    it('rebuilds the committed silver sets exactly from the dataset', () => {
      const rows = readAciCsv(csv);
      const byId = new Map(rows.map((r) => [r.encounter_id, r]));
      for (const split of ['test', 'dev'] as const) {
        for (const enc of load(split).encounters) {
          const row = byId.get(enc.id);
          expect(row).toBeDefined();
          if (row !== undefined) expect(labelEncounter(row)).toEqual(enc);
        }
      }
    });

    it('keeps precision and recall on the frozen test set at or above the measured floors', () => {
      const report = evaluateSilverFiles(join(fixtures, 'test.json'), csv);
      expect(report.encounters).toBe(40);
      for (const type of ['medications', 'allergies', 'vitals'] as const) {
        expect(report[type].precision, `${type} precision`).toBeGreaterThanOrEqual(FLOORS[type].precision);
        expect(report[type].recall, `${type} recall`).toBeGreaterThanOrEqual(FLOORS[type].recall);
      }
    });
  },
);

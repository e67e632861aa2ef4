import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';

// The shared evaluation data sits next to the repository (../shared/datasets from the repo root).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const datasets = resolve(repoRoot, '../shared/datasets');
const present =
  existsSync(resolve(datasets, 'aci-bench/train.csv')) && existsSync(resolve(datasets, 'mts-dialog/train.csv'));
if (!present)
  console.warn(`[skip] transcript dataset check: ${datasets} is absent (see /work/shared/datasets/README.md).`);

type Row = Record<string, string | undefined>;
const readCsv = (relative: string): Row[] =>
  parse(readFileSync(resolve(datasets, relative)), { columns: true, bom: true, skip_empty_lines: true });

type Check = { total: number; wrongFormat: string[]; withoutBoth: string[]; lost: string[] };

/**
 * Every dialogue must parse in its dataset's format; those without a clinician and a patient turn are
 * counted, and each must be one whose raw text really has no such speaker (the parser lost nothing).
 */
const check = (
  rows: Row[],
  idColumn: string,
  format: 'aci' | 'mts',
  rawHasPatient: RegExp,
  rawHasClinician: RegExp,
): Check => {
  const result: Check = { total: rows.length, wrongFormat: [], withoutBoth: [], lost: [] };
  for (const row of rows) {
    const id = row[idColumn] ?? '?';
    const dialogue = row.dialogue ?? '';
    const parsed = parseTranscript({ text: dialogue });
    if (parsed.format !== format) result.wrongFormat.push(id);
    const clinician = parsed.segments.some((s) => s.speaker === 'clinician');
    const patient = parsed.segments.some((s) => s.speaker === 'patient');
    if (clinician && patient) continue;
    result.withoutBoth.push(id);
    if ((!patient && rawHasPatient.test(dialogue)) || (!clinician && rawHasClinician.test(dialogue)))
      result.lost.push(id);
  }
  return result;
};

describe.skipIf(!present)('transcript parser on the shared datasets', () => {
  it('parses every ACI-Bench train dialogue with at least one clinician and one patient turn', () => {
    const train = check(readCsv('aci-bench/train.csv'), 'encounter_id', 'aci', /\[patient\]/i, /\[doctor\]/i);
    console.info(
      `ACI-Bench train: ${train.total} dialogues, ${train.withoutBoth.length} without both a clinician and a patient turn`,
    );
    expect(train.total).toBeGreaterThan(0);
    expect(train.wrongFormat).toEqual([]);
    expect(train.withoutBoth).toEqual([]);
    // valid has a paediatric visit where only the parent ([patient_guest]) speaks: reported, not lost.
    const valid = check(readCsv('aci-bench/valid.csv'), 'encounter_id', 'aci', /\[patient\]/i, /\[doctor\]/i);
    console.info(
      `ACI-Bench valid: ${valid.total} dialogues, ${valid.withoutBoth.length} without both (${valid.withoutBoth.join(', ')})`,
    );
    expect(valid.wrongFormat).toEqual([]);
    expect(valid.lost).toEqual([]);
  });

  it('parses every MTS-Dialog dialogue, losing no clinician or patient turn that the text has', () => {
    for (const split of ['train', 'valid']) {
      const result = check(
        readCsv(`mts-dialog/${split}.csv`),
        'ID',
        'mts',
        /^\s*Patient\s*:/im,
        /^\s*(?:Doctor|Guest_clinician)\s*:/im,
      );
      // Some MTS-Dialog dialogues have no patient speaker at all (a doctor talks with a family member
      // or a colleague): counted and reported, not a parser failure.
      console.info(
        `MTS-Dialog ${split}: ${result.total} dialogues, ${result.withoutBoth.length} without both a clinician and a patient turn (none of them has a Patient: label in the text)`,
      );
      expect(result.total).toBeGreaterThan(0);
      expect(result.wrongFormat).toEqual([]);
      expect(result.lost).toEqual([]);
    }
  });
});

/**
 * MTS-Dialog CSV rows (`ID, section_header, section_text, dialogue`) and the splits used for tuning.
 * Rows whose header is not one of the 20 labels are refused rather than skipped silently.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../common/errors';
import { isSectionLabel } from './labels';
import type { SectionLabel } from './labels';
import type { Rng } from './prng';
import { shuffleInPlace } from './prng';

/** `sectionText` is the reference note section (training only: the benchmark input is the dialogue). */
export type SectionRow = { id: string; label: SectionLabel; dialogue: string; sectionText: string };

export const parseSectionCsv = (csvText: string): SectionRow[] => {
  let records: Record<string, string>[];
  try {
    records = parse(csvText, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The sections CSV could not be parsed.', { cause: error });
  }
  return records.map((record, i) => {
    const header = (record['section_header'] ?? '').trim().toUpperCase();
    const dialogue = record['dialogue'];
    if (dialogue === undefined) throw new AppError('VALIDATION_FAILED', 'The sections CSV has no dialogue column.');
    if (!isSectionLabel(header)) {
      throw new AppError('VALIDATION_FAILED', `Row ${i + 1} of the sections CSV has an unknown section header.`);
    }
    return { id: record['ID'] ?? String(i), label: header, dialogue, sectionText: record['section_text'] ?? '' };
  });
};

/** Stratified k folds: each label's rows are shuffled and dealt round-robin. Returns a fold per row. */
export const stratifiedFolds = (rows: readonly SectionRow[], folds: number, rng: Rng): number[] => {
  const assignment = new Array<number>(rows.length).fill(0);
  const byLabel = new Map<SectionLabel, number[]>();
  rows.forEach((row, i) => byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), i]));
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = shuffleInPlace(byLabel.get(label) ?? [], rng);
    members.forEach((row, j) => {
      assignment[row] = (offset + j) % folds;
    });
    offset += members.length;
  }
  return assignment;
};

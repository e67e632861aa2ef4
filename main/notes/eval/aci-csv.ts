import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../../../common/errors';

/**
 * ACI-Bench style CSV (`encounter_id, dialogue, note`; other columns such as `dataset` are ignored)
 * for `eval notes`, and the `encounter_id, note` CSV it reads as predictions and writes with `--out`.
 * Parsing is pure: callers read the file.
 */
export const AciRow = z.object({
  encounterId: z.string().trim().min(1),
  dialogue: z.string(),
  note: z.string(),
});
export type AciRow = z.infer<typeof AciRow>;

export const NoteRow = AciRow.pick({ encounterId: true, note: true });
export type NoteRow = z.infer<typeof NoteRow>;

export const ACI_CSV_ERRORS = {
  unreadable: 'The CSV file could not be read (check quoting and line endings).',
  invalidUtf8: 'The CSV file is not valid UTF-8 text.',
  missingColumns: (columns: readonly string[]): string => `The CSV file has no ${columns.join(', ')} column.`,
  badRow: (row: number): string => `Row ${row} of the CSV file is missing an encounter id.`,
  duplicate: (row: number): string => `Row ${row} repeats an encounter id from an earlier row.`,
} as const;

const fail = (message: string, cause?: unknown): never => {
  throw new AppError('VALIDATION_FAILED', message, cause === undefined ? undefined : { cause });
};

const decode = (input: string | Uint8Array): string => {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (error) {
    return fail(ACI_CSV_ERRORS.invalidUtf8, error);
  }
};

const readRecords = (input: string | Uint8Array, required: readonly string[]): Record<string, string>[] => {
  const text = decode(input);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    // csv-parse messages can quote the offending field: keep them out of ours.
    return fail(ACI_CSV_ERRORS.unreadable, error);
  }
  const first = records[0];
  if (first !== undefined) {
    const missing = required.filter((column) => !Object.hasOwn(first, column));
    if (missing.length > 0) fail(ACI_CSV_ERRORS.missingColumns(missing));
  }
  return records;
};

const checked = <T extends { encounterId: string }>(
  records: readonly Record<string, string>[],
  schema: z.ZodType<T>,
  toRow: (record: Record<string, string>) => unknown,
): T[] => {
  const seen = new Set<string>();
  return records.map((record, index) => {
    const rowNumber = index + 2; // 1-based, after the header
    const result = schema.safeParse(toRow(record));
    if (!result.success) return fail(ACI_CSV_ERRORS.badRow(rowNumber));
    if (seen.has(result.data.encounterId)) fail(ACI_CSV_ERRORS.duplicate(rowNumber));
    seen.add(result.data.encounterId);
    return result.data;
  });
};

/** Rows of an ACI-Bench style CSV. Throws AppError VALIDATION_FAILED on missing columns or ids. */
export const readAciCsv = (input: string | Uint8Array): AciRow[] =>
  checked(readRecords(input, ['encounter_id', 'dialogue', 'note']), AciRow, (record) => ({
    encounterId: record.encounter_id,
    dialogue: record.dialogue ?? '',
    note: record.note ?? '',
  }));

/** Rows of an `encounter_id, note` CSV (predictions); a full ACI-Bench CSV reads too. */
export const readNotesCsv = (input: string | Uint8Array): NoteRow[] =>
  checked(readRecords(input, ['encounter_id', 'note']), NoteRow, (record) => ({
    encounterId: record.encounter_id,
    note: record.note ?? '',
  }));

/** RFC 4180 quoting: fields with a comma, quote, line break or edge whitespace are quoted, quotes doubled. */
export const csvField = (value: string): string =>
  /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** `encounter_id,note` CSV, LF line endings, trailing newline; reads back with readNotesCsv. */
export const writeNotesCsv = (rows: Iterable<NoteRow>): string => {
  const lines = ['encounter_id,note'];
  for (const row of rows) lines.push(`${csvField(row.encounterId)},${csvField(row.note)}`);
  return `${lines.join('\n')}\n`;
};

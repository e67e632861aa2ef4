import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACI_CSV_ERRORS, csvField, readAciCsv, readNotesCsv, writeNotesCsv } from '../../../../main/notes/eval/aci-csv';

describe('ACI-Bench style CSV', () => {
  it('reads encounter_id, dialogue and note, ignoring other columns, with quoted commas, quotes and line breaks', () => {
    const csv = [
      '\uFEFFdataset,encounter_id,dialogue,note',
      'virtassist,D2N001,"[doctor] hi , martha .\n[patient] hi .","CHIEF COMPLAINT\r\n\r\nAnnual exam, ""routine""."',
      'aci,D2N002,[doctor] ok,short note',
      '',
    ].join('\r\n');
    expect(readAciCsv(csv)).toEqual([
      {
        encounterId: 'D2N001',
        dialogue: '[doctor] hi , martha .\n[patient] hi .',
        note: 'CHIEF COMPLAINT\r\n\r\nAnnual exam, "routine".',
      },
      { encounterId: 'D2N002', dialogue: '[doctor] ok', note: 'short note' },
    ]);
  });

  it('reads bytes, and refuses invalid UTF-8', () => {
    const bytes = new TextEncoder().encode('encounter_id,dialogue,note\nE1,hello,world\n');
    expect(readAciCsv(bytes)).toEqual([{ encounterId: 'E1', dialogue: 'hello', note: 'world' }]);
    expect(() => readAciCsv(new Uint8Array([0x65, 0x0a, 0xff]))).toThrow(ACI_CSV_ERRORS.invalidUtf8);
  });

  it('refuses a CSV without the required columns, naming them', () => {
    expect(() => readAciCsv('ID,section_header,dialogue\n1,GENHX,hi\n')).toThrow(
      ACI_CSV_ERRORS.missingColumns(['encounter_id', 'note']),
    );
    expect(() => readNotesCsv('encounter_id,text\nE1,x\n')).toThrow(ACI_CSV_ERRORS.missingColumns(['note']));
  });

  it('refuses rows without an encounter id and repeated encounter ids, by row number', () => {
    expect(() => readNotesCsv('encounter_id,note\nE1,a\n  ,b\n')).toThrow(ACI_CSV_ERRORS.badRow(3));
    expect(() => readNotesCsv('encounter_id,note\nE1,a\nE2,b\nE1,c\n')).toThrow(ACI_CSV_ERRORS.duplicate(4));
  });

  it('refuses malformed quoting without quoting the file back', () => {
    expect(() => readNotesCsv('encounter_id,note\nE1,"unterminated secret\n')).toThrow(ACI_CSV_ERRORS.unreadable);
  });

  it('reads a full ACI-Bench CSV as predictions too', () => {
    expect(readNotesCsv('encounter_id,dialogue,note\nE1,d,n\n')).toEqual([{ encounterId: 'E1', note: 'n' }]);
  });
});

describe('notes CSV writer', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(writeNotesCsv([{ encounterId: 'D2N001', note: 'HPI: stable, no "issues".' }])).toBe(
      'encounter_id,note\nD2N001,"HPI: stable, no ""issues""."\n',
    );
  });

  it('writes any notes so that they read back unchanged', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    const note = fc.string({ unit: 'grapheme', maxLength: 200 });
    const textish = fc.oneof(
      note,
      fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é'), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ encounterId: id, note: textish }), { selector: (r) => r.encounterId, maxLength: 8 }),
        (rows) => {
          expect(readNotesCsv(writeNotesCsv(rows))).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const aciDir = resolve(repoRoot, '../shared/datasets/aci-bench');
const present = existsSync(resolve(aciDir, 'train.csv'));
if (!present) console.warn(`[skip] ACI-Bench CSV check: ${aciDir} is absent.`);

describe.skipIf(!present)('ACI-Bench CSV files in ../shared', () => {
  it('reads every row of train.csv and valid.csv', () => {
    const train = readAciCsv(readFileSync(resolve(aciDir, 'train.csv')));
    const valid = readAciCsv(readFileSync(resolve(aciDir, 'valid.csv')));
    expect(train).toHaveLength(67);
    expect(valid).toHaveLength(20);
    for (const row of [...train, ...valid]) {
      expect(row.dialogue.startsWith('[doctor]') || row.dialogue.startsWith('[patient')).toBe(true);
      expect(row.note.length).toBeGreaterThan(100);
    }
  });
});

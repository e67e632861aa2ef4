import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeNote } from '../../../../main/notes/composer/compose';
import { renderNoteText } from '../../../../main/notes/composer/render';
import { readAciCsv } from '../../../../main/notes/eval/aci-csv';
import { rougeScores } from '../../../../main/notes/eval/rouge';
import { loadTemplate } from '../../../../main/notes/templates';
import { findingsOf, segmentsOf } from '../../../../scripts/tune-composer';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const validCsv = join(
  process.env['QUIETCHART_SHARED'] ?? resolve(repoRoot, '../shared'),
  'datasets/aci-bench/valid.csv',
);
const present = existsSync(validCsv);
if (!present) console.warn(`ACI-Bench valid.csv not found at ${validCsv}: skipping the composer benchmark test`);

const words = (text: string): number => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;

describe.skipIf(!present)('note composer on ACI-Bench valid.csv', () => {
  it('reaches ROUGE-1 ≥ 45 with notes of reference length, every sentence carrying evidence', () => {
    const rows = readAciCsv(readFileSync(validCsv));
    const template = loadTemplate('soap');
    let rouge1 = 0;
    let length = 0;
    let referenceLength = 0;
    for (const row of rows) {
      const segments = segmentsOf(row.dialogue);
      const note = composeNote({ segments, findings: findingsOf(segments), template });
      const text = renderNoteText(note);
      rouge1 += rougeScores(text, row.note).rouge1.f1;
      length += words(text);
      referenceLength += words(row.note);
      const byId = new Map(segments.map((s) => [s.id, s.text]));
      for (const sentence of note.sections.flatMap((s) => s.sentences)) {
        expect(sentence.evidence.length).toBeGreaterThan(0);
        for (const e of sentence.evidence) {
          const text = byId.get(e.segmentId) ?? '';
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(e.start, e.end).trim()).not.toBe('');
        }
      }
    }
    expect((100 * rouge1) / rows.length).toBeGreaterThanOrEqual(45);
    // A longer note scores more ROUGE and helps no clinician: stay near the reference length.
    expect(length / referenceLength).toBeGreaterThan(0.6);
    expect(length / referenceLength).toBeLessThan(1.3);
  });
});

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { SegmentInput } from '../segment';

/**
 * ACI-Bench dialogue ("[doctor] ..." / "[patient] ..." one turn per line) as extractor segments. A small
 * local reader so the silver evaluation does not depend on the transcript importer.
 */
export const aciDialogueToSegments = (encounterId: string, dialogue: string): SegmentInput[] => {
  const out: SegmentInput[] = [];
  for (const line of dialogue.split('\n')) {
    const m = /^\s*\[([^\]]*)\]\s*(.*)$/.exec(line);
    const label = (m?.[1] ?? '').toLowerCase();
    const text = m === null ? line : (m[2] ?? '');
    if (text.trim() === '') continue;
    const speaker = label.startsWith('doctor')
      ? 'clinician'
      : label.startsWith('patient')
        ? 'patient'
        : label === ''
          ? 'unknown'
          : 'other';
    out.push({ id: `${encounterId}:${out.length}`, speaker, text });
  }
  return out;
};

const AciRow = z.object({ encounter_id: z.string(), dialogue: z.string(), note: z.string(), dataset: z.string() });
export type AciRow = z.infer<typeof AciRow>;

export const readAciCsv = (path: string): AciRow[] => {
  const rows: unknown = parse(readFileSync(path), { columns: true, skip_empty_lines: true });
  return z.array(AciRow).parse(rows);
};

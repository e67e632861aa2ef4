/**
 * Measures the note composer on an ACI-Bench-format CSV (encounter_id, dialogue, note): ROUGE-1/2/L
 * F1 ×100 averaged over notes, mean note length against the reference's, the share of note sentences
 * that carry evidence, and notes per second (composition only, one core).
 *
 *   npx tsx scripts/tune-composer.ts [--data train|valid|PATH] [--show ENCOUNTER_ID] [--limit N] [--per-note] [--diagnose] [--repeat N] [--sections]
 *   npx tsx scripts/tune-composer.ts --fit      refit the sentence selector on train.csv (writes selector-weights.json)
 *
 * Tune rules on train.csv only; valid.csv is for reporting. QUIETCHART_SHARED overrides ../shared.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../common/findings';
import { extractFindings } from '../main/language/pipeline';
import { classifySegments } from '../main/language/sections/default-model';
import { parseTranscript } from '../main/language/transcript';
import { composeNote } from '../main/notes/composer/compose';
import { renderNoteText } from '../main/notes/composer/render';
import { trainSelector } from '../main/notes/composer/selector-train';
import type { ComposerSegment, Note } from '../main/notes/note-types';
import { loadTemplate } from '../main/notes/templates';
import { readAciCsv } from '../main/notes/eval/aci-csv';
import { rougeScores, rougeTokenize } from '../main/notes/eval/rouge';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = (): string => process.env['QUIETCHART_SHARED'] ?? resolve(repoRoot, '../shared');

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const csvPath = (data: string): string =>
  data === 'train' || data === 'valid' ? join(sharedDir(), `datasets/aci-bench/${data}.csv`) : resolve(data);

export const segmentsOf = (dialogue: string): ComposerSegment[] =>
  parseTranscript({ text: dialogue, format: 'aci' }).segments.map((s, i) => ({
    id: `s${i}`,
    speaker: s.speaker,
    text: s.text,
  }));

/** The pipeline's own extractor list, so tuning sees exactly what the app produces. */
export const findingsOf = (segments: readonly ComposerSegment[]): Finding[] => extractFindings(segments);

/** Section label per segment id from the trained classifier. */
export const sectionsOf = (segments: readonly ComposerSegment[]): Record<string, string> => {
  const predictions = classifySegments(segments);
  return Object.fromEntries(segments.map((s, i) => [s.id, predictions[i]?.label ?? 'none']));
};

const words = (text: string): number => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;

export type Measured = {
  id: string;
  note: Note;
  text: string;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  words: number;
  refWords: number;
};

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Per section: words written and the share of them that occur anywhere in the reference note. */
const diagnose = (measured: readonly Measured[], references: readonly string[]): void => {
  const stats = new Map<string, { words: number; hits: number }>();
  measured.forEach((m, i) => {
    const ref = new Set(rougeTokenize(references[i] ?? ''));
    for (const section of m.note.sections) {
      const st = stats.get(section.id) ?? { words: 0, hits: 0 };
      for (const s of section.sentences) {
        const toks = rougeTokenize(s.text);
        st.words += toks.length;
        st.hits += toks.filter((t) => ref.has(t)).length;
      }
      stats.set(section.id, st);
    }
  });
  for (const [id, st] of stats)
    process.stdout.write(
      `${id.padEnd(18)} words/note ${(st.words / measured.length).toFixed(0).padStart(4)}  in-reference ${((100 * st.hits) / Math.max(st.words, 1)).toFixed(1)}%\n`,
    );
};

const SELECTOR_FILE = join(repoRoot, 'main/notes/composer/selector-weights.json');

/** Refits the sentence selector on train.csv (never on valid.csv) and writes its weights. */
const fit = async (path: string): Promise<void> => {
  if (!path.endsWith('train.csv')) throw new Error('Fit the selector on train.csv only');
  const rows = readAciCsv(readFileSync(path));
  const visits = rows.map((r) => {
    const segments = segmentsOf(r.dialogue);
    return { segments, findings: findingsOf(segments), reference: r.note };
  });
  const { model, report } = trainSelector(visits, loadTemplate('soap'));
  const { format } = await import('prettier');
  writeFileSync(SELECTOR_FILE, await format(JSON.stringify(model), { parser: 'json', printWidth: 120 }));
  process.stdout.write(`${JSON.stringify(report)}\n`);
};

const main = async (): Promise<void> => {
  const path = csvPath(arg('--data') ?? 'train');
  if (!existsSync(path)) throw new Error('CSV not found; pass --data or set QUIETCHART_SHARED');
  if (process.argv.includes('--fit')) {
    await fit(path);
    return;
  }
  const limit = Number(arg('--limit') ?? Infinity);
  // Section-classifier labels as routing hints (needs models/section-classifier/model.json).
  const useSections = process.argv.includes('--sections');
  const rows = readAciCsv(readFileSync(path)).slice(0, limit);
  const template = loadTemplate('soap');
  const inputs = rows.map((r) => {
    const segments = segmentsOf(r.dialogue);
    return {
      row: r,
      segments,
      findings: findingsOf(segments),
      sections: useSections ? sectionsOf(segments) : undefined,
    };
  });
  // Warm up once, then time composition alone (--repeat N passes over the file).
  let notes = inputs.map(({ segments, findings, sections }) => composeNote({ segments, findings, sections, template }));
  const repeat = Number(arg('--repeat') ?? 3);
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < repeat; r += 1)
    notes = inputs.map(({ segments, findings, sections }) => composeNote({ segments, findings, sections, template }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9 / repeat;
  const measured: Measured[] = inputs.map(({ row }, i) => {
    const note = notes[i] as Note;
    const text = renderNoteText(note);
    const s = rougeScores(text, row.note);
    return {
      id: row.encounterId,
      note,
      text,
      rouge1: s.rouge1.f1 * 100,
      rouge2: s.rouge2.f1 * 100,
      rougeL: s.rougeL.f1 * 100,
      words: words(text),
      refWords: words(row.note),
    };
  });
  const show = arg('--show');
  for (const m of measured) {
    if (m.id === show)
      process.stdout.write(
        `${m.text}\n----- reference -----\n${rows.find((r) => r.encounterId === show)?.note ?? ''}\n`,
      );
    if (process.argv.includes('--per-note'))
      process.stdout.write(`${m.id} R1 ${m.rouge1.toFixed(1)} words ${m.words}/${m.refWords}\n`);
  }
  const dump = arg('--dump');
  if (dump !== undefined)
    writeFileSync(
      dump,
      JSON.stringify(measured.map((m, i) => ({ id: m.id, reference: rows[i]?.note ?? '', sections: m.note.sections }))),
    );
  if (process.argv.includes('--diagnose'))
    diagnose(
      measured,
      rows.map((r) => r.note),
    );
  const sentences = notes.flatMap((n) => n.sections.flatMap((s) => s.sentences));
  const summary = {
    n: measured.length,
    rouge1: +mean(measured.map((m) => m.rouge1)).toFixed(2),
    rouge2: +mean(measured.map((m) => m.rouge2)).toFixed(2),
    rougeL: +mean(measured.map((m) => m.rougeL)).toFixed(2),
    meanWords: Math.round(mean(measured.map((m) => m.words))),
    meanReferenceWords: Math.round(mean(measured.map((m) => m.refWords))),
    evidenceShare:
      sentences.length === 0 ? 0 : sentences.filter((s) => s.evidence.length > 0).length / sentences.length,
    notesPerSecond: Math.round(notes.length / seconds),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

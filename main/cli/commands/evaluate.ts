import fs from 'node:fs';
import { evaluateNegation } from '../../language/assertions/negex-eval';
import { analyseTranscript } from '../../language/pipeline';
import { evaluateSections } from '../../language/sections/evaluate';
import { parseTranscript } from '../../language/transcript';
import { draftNote } from '../../notes/draft-note';
import { readAciCsv, readNotesCsv, writeNotesCsv } from '../../notes/eval/aci-csv';
import { averageF1x100 } from '../../notes/eval/rouge';
import type { CliContext } from '../context';
import { readDataFile } from '../transcript-file';

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Composer note for one ACI-style dialogue, plus how many of its sentences carry evidence. */
export const composeFromDialogue = (dialogue: string): { text: string; sentences: number; withEvidence: number } => {
  const parsed = parseTranscript({ text: dialogue });
  const segments = parsed.segments.map((s, i) => ({ ...s, id: `s${i}` }));
  const { note, text } = draftNote(segments, analyseTranscript(segments));
  const sentences = note.sections.flatMap((s) => s.sentences);
  return { text, sentences: sentences.length, withEvidence: sentences.filter((s) => s.evidence.length > 0).length };
};

/** `eval notes --data CSV [--predictions CSV] [--out CSV]`: ROUGE F1×100 averaged over notes. */
export const evalNotes = (
  ctx: CliContext,
  args: { data: string | undefined; predictions: string | undefined; out: string | undefined },
): void => {
  const rows = readAciCsv(readDataFile(args.data));
  let predicted: Map<string, string>;
  let evidenceShare: number | null = null;
  if (args.predictions) {
    predicted = new Map(
      readNotesCsv(readDataFile(args.predictions, '--predictions')).map((r) => [r.encounterId, r.note]),
    );
  } else {
    predicted = new Map();
    let sentences = 0;
    let withEvidence = 0;
    for (const row of rows) {
      const composed = composeFromDialogue(row.dialogue);
      predicted.set(row.encounterId, composed.text);
      sentences += composed.sentences;
      withEvidence += composed.withEvidence;
    }
    evidenceShare = sentences === 0 ? 0 : withEvidence / sentences;
  }
  const pairs = rows.map((r) => ({ candidate: predicted.get(r.encounterId) ?? '', reference: r.note }));
  const scores = averageF1x100(pairs);
  if (args.out) {
    fs.writeFileSync(
      args.out,
      writeNotesCsv(rows.map((r) => ({ encounterId: r.encounterId, note: predicted.get(r.encounterId) ?? '' }))),
    );
  }
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const value = {
    n: scores.n,
    rouge1: round(scores.rouge1),
    rouge2: round(scores.rouge2),
    rougeL: round(scores.rougeL),
    meanWords: round(mean(pairs.map((p) => words(p.candidate))), 1),
    meanReferenceWords: round(mean(pairs.map((p) => words(p.reference))), 1),
    missingPredictions: rows.filter((r) => !predicted.has(r.encounterId)).length,
    evidenceShare: evidenceShare === null ? null : round(evidenceShare, 4),
  };
  ctx.out.result(value, () =>
    [
      `${value.n} notes: ROUGE-1 ${value.rouge1}  ROUGE-2 ${value.rouge2}  ROUGE-L ${value.rougeL}`,
      `Mean length ${value.meanWords} words (reference ${value.meanReferenceWords})`,
      ...(value.evidenceShare === null ? [] : [`Sentences with evidence: ${(value.evidenceShare * 100).toFixed(1)}%`]),
    ].join('\n'),
  );
};

/** `eval sections --data CSV`: MTS-Dialog section-header accuracy. */
export const evalSections = (ctx: CliContext, args: { data: string | undefined }): void => {
  const result = evaluateSections(readDataFile(args.data));
  const value = { n: result.n, accuracy: round(result.accuracy, 4) };
  ctx.out.result(value, () => `${value.n} dialogues: accuracy ${value.accuracy}`);
};

/** `eval negation --data TSV`: the Negated class on NegEx-format sentences. */
export const evalNegation = (ctx: CliContext, args: { data: string | undefined }): void => {
  const s = evaluateNegation(readDataFile(args.data));
  const value = {
    n: s.n,
    precision: round(s.precision, 4),
    recall: round(s.recall, 4),
    f1: round(s.f1, 4),
    accuracy: round(s.accuracy, 4),
  };
  ctx.out.result(
    value,
    () => `${value.n} sentences: P ${value.precision} R ${value.recall} F1 ${value.f1} accuracy ${value.accuracy}`,
  );
};

import { AppError } from '../../../common/errors';
import { assertionFor } from './context';
import type { TriggerSet } from './triggers';

/**
 * Scores the negation engine on the NegEx annotation format: tab-separated, header row
 * `Report No.  Concept  Sentence  Negation`, Negation = Affirmed | Negated. The concept is located in its
 * sentence case-insensitively (annotators often wrote it in capitals). Metrics are for the Negated class;
 * a ratio with a zero denominator is 0.
 */
export type NegationRow = {
  line: number;
  report: string;
  concept: string;
  sentence: string;
  gold: boolean;
  predicted: boolean;
};
export type NegationScore = { n: number; precision: number; recall: number; f1: number; accuracy: number };

const column = (header: string[], name: string): number => {
  const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  if (i < 0) throw new AppError('VALIDATION_FAILED', `NegEx file: missing column "${name}" in the header row.`);
  return i;
};

/** Each annotated row with the engine's prediction; refuses a malformed file with the offending line number. */
export const negationPredictions = (tsvText: string, ts?: TriggerSet): NegationRow[] => {
  const lines = tsvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const cReport = column(header, 'Report No.');
  const cConcept = column(header, 'Concept');
  const cSentence = column(header, 'Sentence');
  const cNegation = column(header, 'Negation');
  const rows: NegationRow[] = [];
  lines.slice(1).forEach((raw, k) => {
    const line = k + 2;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    const concept = (cells[cConcept] ?? '').trim();
    const sentence = cells[cSentence] ?? '';
    const label = (cells[cNegation] ?? '').trim().toLowerCase();
    if (label !== 'affirmed' && label !== 'negated') {
      throw new AppError('VALIDATION_FAILED', `NegEx file line ${line}: Negation must be Affirmed or Negated.`);
    }
    const start = concept === '' ? -1 : sentence.toLowerCase().indexOf(concept.toLowerCase());
    if (start < 0)
      throw new AppError('VALIDATION_FAILED', `NegEx file line ${line}: the concept does not occur in its sentence.`);
    const predicted = assertionFor(sentence, start, start + concept.length, ts).negated;
    rows.push({ line, report: (cells[cReport] ?? '').trim(), concept, sentence, gold: label === 'negated', predicted });
  });
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', 'NegEx file: no annotated rows.');
  return rows;
};

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export const scoreNegation = (rows: readonly Pick<NegationRow, 'gold' | 'predicted'>[]): NegationScore => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    if (r.gold && r.predicted) tp += 1;
    else if (!r.gold && r.predicted) fp += 1;
    else if (r.gold) fn += 1;
    else tn += 1;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    n: rows.length,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    accuracy: ratio(tp + tn, rows.length),
  };
};

export const evaluateNegation = (tsvText: string, ts?: TriggerSet): NegationScore =>
  scoreNegation(negationPredictions(tsvText, ts));

/**
 * Fits the sentence selector on visits with reference notes (ACI-Bench train.csv only) and picks its
 * regularisation and threshold by 5-fold cross-validation over visits, scoring each held-out note
 * with ROUGE-1 exactly as the benchmark does. Training-time code: the app never loads it.
 */
import type { Finding } from '../../../common/findings';
import { rougeN, rougeTokenize } from '../eval/rouge';
import type { ComposerSegment, NoteTemplate } from '../note-types';
import { assembleNote, buildContent, buildContext, COMPOSER_DEFAULTS, layoutContent } from './compose';
import type { NoteContentDrafts } from './compose';
import type { ComposeContext } from './context';
import { SELECTABLE_KINDS } from './draft';
import { renderNoteText } from './render';
import { selectorFeatures, selectorScore } from './selector';
import type { SelectorModel } from './selector';
import { fitLogistic, oracleLabels, tokensOf } from './selector-fit';
import type { Example } from './selector-fit';

export type TrainingVisit = { segments: readonly ComposerSegment[]; findings: readonly Finding[]; reference: string };

type Candidate = { key: keyof NoteContentDrafts; index: number; features: string[]; label: 0 | 1 };
type Prepared = { content: NoteContentDrafts; candidates: Candidate[]; reference: string[]; ctx: ComposeContext };

const L2_GRID = [0.0003, 0.001, 0.003, 0.01];
const THRESHOLDS = Array.from({ length: 25 }, (_, i) => 0.2 + i * 0.025);
const FOLDS = 5;
const FIT = { iterations: 300, learningRate: 0.05, minFeatureCount: 3 };

const prepare = (visit: TrainingVisit, template: NoteTemplate): Prepared => {
  const settings = { ...COMPOSER_DEFAULTS, selector: null };
  const ctx = buildContext({ segments: visit.segments, findings: visit.findings, template });
  const content = buildContent(ctx, settings);
  const reference = rougeTokenize(visit.reference);
  const fixed: string[] = template.sections.flatMap((s) => tokensOf(s.header));
  const candidates: Candidate[] = [];
  const candidateTokens: string[][] = [];
  for (const key of Object.keys(content) as (keyof NoteContentDrafts)[]) {
    content[key].forEach((d, index) => {
      if (!SELECTABLE_KINDS.has(d.kind)) {
        fixed.push(...tokensOf(d.text));
        return;
      }
      candidates.push({ key, index, features: selectorFeatures(d, d.order / Math.max(ctx.units.length, 1)), label: 0 });
      candidateTokens.push(tokensOf(d.text));
    });
  }
  oracleLabels(fixed, candidateTokens, reference).forEach((chosen, i) => {
    const c = candidates[i];
    if (c) c.label = chosen ? 1 : 0;
  });
  return { content, candidates, reference, ctx };
};

const rouge1Of = (p: Prepared, template: NoteTemplate, keep: (c: Candidate, j: number) => boolean): number => {
  const dropped = new Set(p.candidates.filter((c, j) => !keep(c, j)).map((c) => `${c.key}#${c.index}`));
  const content = { ...p.content };
  for (const key of Object.keys(content) as (keyof NoteContentDrafts)[])
    content[key] = p.content[key].filter((_, i) => !dropped.has(`${key}#${i}`));
  return rougeN(
    rougeTokenize(renderNoteText(assembleNote(template, layoutContent(content, COMPOSER_DEFAULTS, p.ctx)))),
    p.reference,
    1,
  ).f1;
};

const toModel = (
  fitted: { bias: number; weights: Record<string, number> },
  threshold: number,
  description: string,
): SelectorModel => ({
  version: 1,
  description,
  threshold,
  bias: fitted.bias,
  weights: fitted.weights,
});

const examplesOf = (items: readonly Prepared[]): Example[] =>
  items.flatMap((p) => p.candidates.map((c) => ({ features: c.features, label: c.label })));

export type TrainReport = {
  l2: number;
  threshold: number;
  cvRouge1: number;
  oracleRouge1: number;
  examples: number;
  positives: number;
};

export const trainSelector = (
  visits: readonly TrainingVisit[],
  template: NoteTemplate,
): { model: SelectorModel; report: TrainReport } => {
  const prepared = visits.map((v) => prepare(v, template));
  let best = { l2: L2_GRID[0] ?? 0.001, threshold: 0.5, score: -1 };
  for (const l2 of L2_GRID) {
    // Out-of-fold scores for every candidate.
    const scores = prepared.map((p) => p.candidates.map(() => 0));
    for (let fold = 0; fold < FOLDS; fold += 1) {
      const train = prepared.filter((_, i) => i % FOLDS !== fold);
      const model = toModel(fitLogistic(examplesOf(train), { ...FIT, l2 }), 0.5, 'cv');
      prepared.forEach((p, i) => {
        if (i % FOLDS !== fold) return;
        p.candidates.forEach((c, j) => {
          const row = scores[i];
          if (row) row[j] = selectorScore(model, c.features);
        });
      });
    }
    for (const threshold of THRESHOLDS) {
      const mean =
        prepared.reduce((acc, p, i) => acc + rouge1Of(p, template, (_c, j) => (scores[i]?.[j] ?? 0) >= threshold), 0) /
        Math.max(prepared.length, 1);
      if (mean > best.score) best = { l2, threshold, score: mean };
    }
  }
  const fitted = fitLogistic(examplesOf(prepared), { ...FIT, l2: best.l2 });
  const examples = examplesOf(prepared);
  const oracle =
    prepared.reduce((acc, p) => acc + rouge1Of(p, template, (c) => c.label === 1), 0) / Math.max(prepared.length, 1);
  const description =
    'Sentence selector for the note composer: logistic regression over word, source and position features, ' +
    'fitted on ACI-Bench train.csv by scripts/tune-composer.ts --fit (5-fold CV for l2 and threshold).';
  return {
    model: toModel(fitted, +best.threshold.toFixed(3), description),
    report: {
      l2: best.l2,
      threshold: best.threshold,
      cvRouge1: best.score * 100,
      oracleRouge1: oracle * 100,
      examples: examples.length,
      positives: examples.filter((e) => e.label === 1).length,
    },
  };
};

/**
 * Trains the section classifier (MTS-Dialog's 20 section headers) and writes
 * models/section-classifier/{model.json,metrics.json}. Deterministic: same data, same bytes.
 *
 *   npm run train:sections            train, write the model, then score it once on MTS-Dialog
 *                                     valid.csv (reported, never used for a choice)
 *   npm run train:sections -- --cv    tuning report on training data only: 5-fold stratified CV on
 *                                     MTS-Dialog train.csv, and silver segment agreement on 22
 *                                     held-out ACI-Bench train visits → cv.json
 *   npm run train:sections -- --check retrain and verify that the committed model.json is reproduced
 *
 * Data (CC BY 4.0): QUIETCHART_SHARED (default ../shared)/datasets/mts-dialog/{train,valid}.csv and
 * datasets/aci-bench/train.csv. ACI-Bench valid.csv is never read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { aciSilverTranscripts, toLabelledTranscript } from '../main/language/sections/aci-turns';
import type { SilverTranscript } from '../main/language/sections/aci-turns';
import { predictLabel } from '../main/language/sections/classifier';
import { parseSectionCsv, stratifiedFolds } from '../main/language/sections/dataset';
import type { SectionRow } from '../main/language/sections/dataset';
import { evaluateRows, scoreSections } from '../main/language/sections/evaluate';
import type { SectionEvaluation } from '../main/language/sections/evaluate';
import { fitSectionModel } from '../main/language/sections/fit';
import type { TrainingExtras } from '../main/language/sections/fit';
import type { SectionLabel } from '../main/language/sections/labels';
import { decodeSectionModel, encodeSectionModel } from '../main/language/sections/model-format';
import { mulberry32, shuffleInPlace } from '../main/language/sections/prng';
import { segmentAgreement } from '../main/language/sections/segment-eval';
import { EXTRA_WEIGHTS, SECTION_TRAINING_SETTINGS } from '../main/language/sections/settings';
import { aciNoteDocuments } from '../main/language/sections/weak-labels';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env['QUIETCHART_SHARED'] ?? resolve(repoRoot, '../shared');
const outDir = join(repoRoot, 'models', 'section-classifier');
const paths = {
  train: join(sharedDir, 'datasets', 'mts-dialog', 'train.csv'),
  valid: join(sharedDir, 'datasets', 'mts-dialog', 'valid.csv'),
  aci: join(sharedDir, 'datasets', 'aci-bench', 'train.csv'),
};

const read = (path: string): string => {
  if (!existsSync(path)) throw new Error(`missing dataset ${path} (set QUIETCHART_SHARED)`);
  return readFileSync(path, 'utf8');
};
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const round = (x: number): number => Math.round(x * 10000) / 10000;
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const extrasFor = (
  rows: readonly SectionRow[],
  aciText: string,
  silver: readonly SilverTranscript[],
): TrainingExtras => ({
  documents: [
    ...rows
      .filter((r) => r.sectionText.trim() !== '')
      .map((r) => ({ text: r.sectionText, label: r.label, weight: EXTRA_WEIGHTS.mtsSectionText })),
    ...aciNoteDocuments(aciText, EXTRA_WEIGHTS.aciNoteSections),
  ],
  transcripts: silver.map((s) => toLabelledTranscript(s, EXTRA_WEIGHTS.aciTranscriptTurns)),
});

const summary = (e: SectionEvaluation): Record<string, unknown> => ({
  n: e.n,
  accuracy: round(e.accuracy),
  macroRecall: round(Object.values(e.perClass).reduce((s, c) => s + c.recall, 0) / Object.keys(e.perClass).length),
  perClass: Object.fromEntries(
    Object.entries(e.perClass).map(([label, c]) => [
      label,
      {
        support: c.support,
        predicted: c.predicted,
        correct: c.correct,
        precision: round(c.precision),
        recall: round(c.recall),
        f1: round(c.f1),
      },
    ]),
  ),
  confusions: e.confusions.slice(0, 15),
});

const writeJson = async (path: string, value: unknown): Promise<void> => {
  writeFileSync(path, await format(JSON.stringify(value), { parser: 'json', printWidth: 120 }));
};

const crossValidate = (rows: SectionRow[], aciText: string, silver: SilverTranscript[]): SectionEvaluation => {
  const folds = stratifiedFolds(rows, 5, mulberry32(42));
  const gold: SectionLabel[] = [];
  const predicted: SectionLabel[] = [];
  for (let f = 0; f < 5; f += 1) {
    const train = rows.filter((_, i) => folds[i] !== f);
    const model = fitSectionModel(train, SECTION_TRAINING_SETTINGS, extrasFor(train, aciText, silver));
    for (const row of rows.filter((_, i) => folds[i] === f)) {
      gold.push(row.label);
      predicted.push(predictLabel(model, row.dialogue));
    }
    log(`MTS-Dialog fold ${f + 1}/5 done`);
  }
  return scoreSections(gold, predicted);
};

/** Silver segment agreement on 22 held-out ACI-Bench train visits, with and without transcript turns. */
const segmentHoldOut = (rows: SectionRow[], aciText: string, silver: SilverTranscript[]): Record<string, unknown> => {
  const order = shuffleInPlace(
    silver.map((_, i) => i),
    mulberry32(7),
  );
  const heldOut = new Set(order.slice(0, 22));
  const tuneOn = silver.filter((_, i) => !heldOut.has(i));
  const test = silver.filter((_, i) => heldOut.has(i));
  const result = (transcripts: SilverTranscript[]): Record<string, unknown> => {
    const model = fitSectionModel(rows, SECTION_TRAINING_SETTINGS, extrasFor(rows, aciText, transcripts));
    const a = segmentAgreement(model, test);
    return {
      ...a,
      coverage: round(a.coverage),
      agreement: round(a.agreement),
      precision: round(a.precision),
      perBlock: Object.fromEntries(
        Object.entries(a.perBlock).map(([block, b]) => [block, { turns: b.turns, agreement: round(b.agreement) }]),
      ),
    };
  };
  return { heldOutVisits: test.length, withoutTranscriptTurns: result([]), withTranscriptTurns: result(tuneOn) };
};

const main = async (): Promise<void> => {
  const mode = process.argv.includes('--cv') ? 'cv' : process.argv.includes('--check') ? 'check' : 'train';
  const trainText = read(paths.train);
  const aciText = read(paths.aci);
  const rows = parseSectionCsv(trainText);
  const silver = aciSilverTranscripts(aciText);
  if (mode === 'cv') {
    const started = performance.now();
    const cv = summary(crossValidate(rows, aciText, silver));
    const segments = segmentHoldOut(rows, aciText, silver);
    const seconds = Math.round((performance.now() - started) / 1000);
    await writeJson(join(outDir, 'cv.json'), {
      mtsDialogTrainCv: { folds: 5, foldSeed: 42, ...cv },
      segments,
      seconds,
    });
    console.log(JSON.stringify({ cvAccuracy: cv['accuracy'], macroRecall: cv['macroRecall'], seconds }));
    return;
  }
  const started = performance.now();
  const fitted = fitSectionModel(rows, SECTION_TRAINING_SETTINGS, extrasFor(rows, aciText, silver), (epoch, loss) => {
    log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}`);
  });
  const trainingSeconds = (performance.now() - started) / 1000;
  const file = encodeSectionModel(fitted, {
    settings: SECTION_TRAINING_SETTINGS,
    extraWeights: EXTRA_WEIGHTS,
    data: { mtsDialogTrainSha256: sha256(trainText), aciBenchTrainSha256: sha256(aciText) },
  });
  const modelPath = join(outDir, 'model.json');
  if (mode === 'check') {
    const committed: unknown = JSON.parse(readFileSync(modelPath, 'utf8'));
    const same =
      typeof committed === 'object' && committed !== null && 'sha256' in committed && committed.sha256 === file.sha256;
    console.log(same ? 'model.json reproduced' : 'model.json differs from a fresh training run');
    process.exitCode = same ? 0 : 1;
    return;
  }
  mkdirSync(outDir, { recursive: true });
  await writeJson(modelPath, file);
  // Score what ships: the file as the loader reads it (quantised weights), not the float model.
  const shipped = decodeSectionModel(JSON.parse(readFileSync(modelPath, 'utf8')));
  const valid = summary(evaluateRows(parseSectionCsv(read(paths.valid)), shipped));
  const modelBytes = statSync(modelPath).size;
  await writeJson(join(outDir, 'metrics.json'), {
    benchmark: 'MTS-Dialog valid.csv, section_header from dialogue',
    valid,
    trainingSeconds: Math.round(trainingSeconds * 10) / 10,
    modelBytes,
  });
  console.log(
    JSON.stringify({ validAccuracy: valid['accuracy'], trainingSeconds: Math.round(trainingSeconds), modelBytes }),
  );
};

await main();

/**
 * An on-device token tagger: a BERT-style token-classification model (WordPiece tokenizer, BIO labels such
 * as O / B-NAME / I-NAME) on ONNX Runtime through transformers.js, turning a text into entity spans with
 * character offsets into that text, e.g. the de-identification (PHI) tagger a scrubber runs beside its rules.
 *
 * The tokenizer reports no offsets, so tokens are aligned to the text here (token-alignment.ts); texts longer
 * than the model's positions are read in overlapping windows (token-windows.ts); predictions become spans
 * per word (bio-spans.ts). Models are read only from a local folder.
 */
import path from 'node:path';
import {
  AutoModelForTokenClassification,
  AutoTokenizer,
  Tensor,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { z } from 'zod';
import { cpuSession, localModelId } from '../../inference/local-model';
import { AppError } from '../../../common/errors';
import { assertFitsInMemory, graphBytes } from '../../inference/memory-fit';
import { parseBioLabels, type BioScheme } from './bio-labels';
import { bioSpans, type TaggedSpan, type TokenPrediction } from './bio-spans';
import { ownerWindows, planWindows, type TokenWindow } from './token-windows';
import { wordPieceReader, type WordPieceReader } from './wordpiece-reader';

export type { TaggedSpan } from './bio-spans';

export const TAGGER_PRECISIONS = ['fp32', 'q8'] as const;
export type TaggerPrecision = (typeof TAGGER_PRECISIONS)[number];

export type TokenTaggerLoadOptions = {
  modelDir: string;
  /** 'q8' (default) reads onnx/model_quantized.onnx, 'fp32' onnx/model.onnx. */
  precision?: TaggerPrecision;
  threads?: number;
  /** Refuse the model (MODEL_TOO_LARGE) when it would need more than this; default: the memory available now. */
  maxMemoryBytes?: number;
};

export type TokenTagger = {
  /** Entity spans in text order; offsets are UTF-16 offsets into `text`. */
  tag(text: string): Promise<TaggedSpan[]>;
  dispose(): Promise<void>;
};

const configSchema = z.object({
  id2label: z.record(z.string(), z.string()),
  num_labels: z.number().int().optional(),
  max_position_embeddings: z.number().int().positive(),
});

const int64 = (values: readonly number[]): Tensor =>
  new Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    [1, values.length],
  );

/** Runs the model on one framed sequence: logits [length, numLabels] as rows. */
const runLogits = async (
  model: PreTrainedModel,
  ids: readonly number[],
  numLabels: number,
): Promise<Float32Array[]> => {
  const output = (await model({
    input_ids: int64(ids),
    attention_mask: int64(ids.map(() => 1)),
    token_type_ids: int64(ids.map(() => 0)),
  })) as { logits?: unknown };
  const logits = output.logits;
  if (!(logits instanceof Tensor) || logits.dims.length !== 3 || logits.dims[1] !== ids.length)
    throw new AppError('MODEL_INVALID', 'The tagging model does not return per-token logits.');
  if (logits.dims[2] !== numLabels)
    throw new AppError(
      'MODEL_INVALID',
      `The tagging model returns ${String(logits.dims[2])} scores per token but its config names ${String(numLabels)} labels.`,
    );
  const data = logits.data as Float32Array;
  return ids.map((_, i) => data.subarray(i * numLabels, (i + 1) * numLabels));
};

const predict = (row: Float32Array): TokenPrediction => {
  let label = 0;
  for (let k = 1; k < row.length; k++) if ((row[k] ?? -Infinity) > (row[label] ?? -Infinity)) label = k;
  const top = row[label] ?? 0;
  const exps = Array.from(row, (v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return { label, probs: exps.map((e) => e / sum) };
};

const loadParts = async (
  id: string,
  precision: TaggerPrecision,
  threads: number,
): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel }> => {
  try {
    const tokenizer = await AutoTokenizer.from_pretrained(id);
    const model = await AutoModelForTokenClassification.from_pretrained(id, {
      dtype: precision,
      ...cpuSession(threads),
    });
    return { tokenizer, model };
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The tagging model could not be loaded.', { cause: error });
  }
};

type Checked = { reader: WordPieceReader; scheme: BioScheme; numLabels: number; windowTokens: number };

/** Refuses a model the tagger cannot read: not WordPiece, labels not BIO, logits not as wide as the labels. */
const checkModel = async (tokenizer: PreTrainedTokenizer, model: PreTrainedModel): Promise<Checked> => {
  const config = configSchema.safeParse(model.config);
  if (!config.success)
    throw new AppError('MODEL_INVALID', 'The tagging model’s config has no id2label or max_position_embeddings.');
  const { id2label, max_position_embeddings: positions } = config.data;
  const numLabels = config.data.num_labels ?? Object.keys(id2label).length;
  const scheme = parseBioLabels(id2label, numLabels);
  const reader = wordPieceReader(tokenizer);
  const tokenizerLimit: unknown = tokenizer.model_max_length;
  const maxLength = Math.min(positions, typeof tokenizerLimit === 'number' ? tokenizerLimit : Infinity);
  const windowTokens = maxLength - reader.frame.before.length - reader.frame.after.length;
  if (windowTokens < 1) throw new AppError('MODEL_INVALID', 'The tagging model reads too few positions.');
  await runLogits(model, [...reader.frame.before, ...reader.frame.after], numLabels);
  return { reader, scheme, numLabels, windowTokens };
};

export const loadTokenTagger = async (options: TokenTaggerLoadOptions): Promise<TokenTagger> => {
  const modelDir = path.resolve(options.modelDir);
  const precision = options.precision ?? 'q8';
  assertFitsInMemory(graphBytes(modelDir, ['model'], precision), 'tagging model', options.maxMemoryBytes);
  const { tokenizer, model } = await loadParts(localModelId(modelDir), precision, options.threads ?? 1);
  let checked: Checked;
  try {
    checked = await checkModel(tokenizer, model);
  } catch (error) {
    await model.dispose();
    if (error instanceof AppError) throw error;
    throw new AppError('MODEL_INVALID', 'The tagging model failed on an empty sentence.', { cause: error });
  }
  const { reader, scheme, numLabels, windowTokens } = checked;
  const { before, after } = reader.frame;

  const readWindow = async (ids: readonly number[], window: TokenWindow): Promise<Float32Array[]> => {
    const rows = await runLogits(model, [...before, ...ids.slice(window.start, window.end), ...after], numLabels);
    return rows.slice(before.length, before.length + window.end - window.start);
  };

  return {
    async tag(text) {
      const { ids, offsets, wordStarts } = reader.read(text);
      const windows = planWindows(wordStarts, windowTokens);
      const owners = ownerWindows(windows, ids.length);
      const predictions = new Array<TokenPrediction>(ids.length);
      for (const [w, window] of windows.entries()) {
        let rows: Float32Array[];
        try {
          rows = await readWindow(ids, window);
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw new AppError('INFERENCE_FAILED', 'The tagging model failed on a text.', { cause: error });
        }
        rows.forEach((row, k) => {
          if (owners[window.start + k] === w) predictions[window.start + k] = predict(row);
        });
      }
      return bioSpans(text, scheme, offsets, wordStarts, predictions);
    },
    async dispose() {
      await model.dispose();
    },
  };
};

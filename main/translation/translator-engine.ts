/**
 * A sentence translator to English (Marian opus-mt, or NLLB-200 where the licence policy allows it) on
 * ONNX Runtime through transformers.js, inside the inference worker. Greedy decoding, one sentence at
 * a time so a visit's sentences come back in order and a cancel takes effect between sentences.
 * Models are read only from a local folder.
 */
import path from 'node:path';
import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { cpuSession, localModelId } from '../inference/local-model';
import { AppError } from '../../common/errors';
import { assertFitsInMemory, graphBytes } from '../inference/memory-fit';
import { NLLB_CODES } from './nllb-codes';

export const MT_PRECISIONS = ['fp32', 'q8', 'int8', 'fp16'] as const;
export type MtPrecision = (typeof MT_PRECISIONS)[number];

export type TranslatorLoadOptions = {
  modelDir: string;
  precision?: MtPrecision;
  threads?: number;
  maxMemoryBytes?: number;
};

export type TranslateOptions = { sourceLanguage: string; signal?: AbortSignal; onSentence?: (done: number) => void };

export type TranslatorEngine = {
  translate(sentences: readonly string[], options: TranslateOptions): Promise<string[]>;
  dispose(): Promise<void>;
};

/** Marian's positions end at 512; a sentence's English is rarely more than twice its source tokens. */
const MAX_SOURCE_TOKENS = 400;
const newTokenBudget = (sourceTokens: number): number => Math.min(512, 16 + 2 * sourceTokens);

type NllbTokenizer = PreTrainedTokenizer & {
  language_codes: string[];
  _build_translation_inputs(
    texts: string[],
    options: Record<string, unknown>,
    generate: Record<string, unknown>,
  ): { input_ids: Tensor; attention_mask: Tensor };
};

const isNllb = (tokenizer: PreTrainedTokenizer): tokenizer is NllbTokenizer =>
  Array.isArray((tokenizer as Partial<NllbTokenizer>).language_codes) &&
  typeof (tokenizer as Partial<NllbTokenizer>)._build_translation_inputs === 'function';

export const loadTranslator = async (options: TranslatorLoadOptions): Promise<TranslatorEngine> => {
  const modelDir = path.resolve(options.modelDir);
  const precision = options.precision ?? 'q8';
  assertFitsInMemory(
    graphBytes(modelDir, ['encoder_model', 'decoder_model_merged'], precision),
    'translation model',
    options.maxMemoryBytes,
  );
  const id = localModelId(modelDir);
  let tokenizer: PreTrainedTokenizer;
  let model: PreTrainedModel;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(id);
    model = await AutoModelForSeq2SeqLM.from_pretrained(id, {
      dtype: precision,
      ...cpuSession(options.threads),
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The translation model could not be loaded.', { cause: error });
  }
  if (!(model.config as { is_encoder_decoder?: boolean }).is_encoder_decoder) {
    await model.dispose();
    throw new AppError('MODEL_INVALID', 'This folder holds no translation (encoder-decoder) model.');
  }

  const encode = (
    sentence: string,
    sourceLanguage: string,
  ): { input_ids: Tensor; attention_mask: Tensor; extra: Record<string, unknown> } => {
    if (isNllb(tokenizer)) {
      const src = NLLB_CODES[sourceLanguage];
      if (!src || !tokenizer.language_codes.includes(src))
        throw new AppError('LANGUAGE_UNSUPPORTED', `The translation model does not read language "${sourceLanguage}".`);
      const extra: Record<string, unknown> = { src_lang: src, tgt_lang: NLLB_CODES.en };
      const inputs = tokenizer._build_translation_inputs(
        [sentence],
        { truncation: true, max_length: MAX_SOURCE_TOKENS },
        extra,
      );
      delete extra.src_lang;
      delete extra.tgt_lang;
      return { ...inputs, extra };
    }
    const inputs = tokenizer(sentence, { truncation: true, max_length: MAX_SOURCE_TOKENS }) as {
      input_ids: Tensor;
      attention_mask: Tensor;
    };
    return { ...inputs, extra: {} };
  };

  return {
    async translate(sentences, { sourceLanguage, signal, onSentence }) {
      const out: string[] = [];
      for (const sentence of sentences) {
        if (signal?.aborted) throw new AppError('JOB_CANCELLED', 'Translation was cancelled.');
        if (sentence.trim() === '') {
          out.push('');
          continue;
        }
        const { input_ids, attention_mask, extra } = encode(sentence, sourceLanguage);
        let ids: Tensor;
        try {
          ids = (await model.generate({
            input_ids,
            attention_mask,
            ...extra,
            max_new_tokens: newTokenBudget(input_ids.dims.at(-1) ?? 0),
            do_sample: false,
            num_beams: 1,
          })) as Tensor;
        } catch (error) {
          throw new AppError('INFERENCE_FAILED', 'The translation model failed on a sentence.', { cause: error });
        }
        out.push(tokenizer.batch_decode(ids, { skip_special_tokens: true })[0]?.trim() ?? '');
        onSentence?.(out.length);
      }
      return out;
    },
    async dispose() {
      await model.dispose();
    },
  };
};

/**
 * Whisper on ONNX Runtime through transformers.js, for one ≤ 30 s window at a time: log-mel features,
 * one encoder run, language detection from a single decoder step, then greedy decoding with timestamps
 * (transcribe, and translate for non-English speech) reusing that encoder output. Runs inside the
 * inference worker process; models are read only from a local folder (remote loading is switched off).
 */
import path from 'node:path';
import {
  AutoTokenizer,
  StoppingCriteria,
  StoppingCriteriaList,
  Tensor,
  WhisperForConditionalGeneration,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { cpuSession, localModelId } from '../inference/local-model';
import { AppError } from '../../common/errors';
import { computeLogMel, LOG_MEL_FRAMES } from './log-mel';
import { timedPieces, type TokenLayout } from './timestamps';
import { readWhisperLayout, type WhisperLayout } from './whisper-layout';

export type WhisperPrecision = 'fp32' | 'q8' | 'int8' | 'fp16' | 'q4';
export type WhisperTask = 'transcribe' | 'translate';

export type WhisperLoadOptions = {
  /** A folder in transformers.js layout (config.json, onnx/encoder_model*.onnx, ...). */
  modelDir: string;
  precision?: WhisperPrecision;
  /** ONNX Runtime intra-op threads (the app uses every core but one for a live visit). */
  threads?: number;
};

export type WindowOptions = {
  /** ISO code such as 'en' or 'hi'; null = detect (multilingual models only). */
  language?: string | null;
  /** Run the translate task too (non-English speech only). */
  translate?: boolean;
  /** Upper bound on generated tokens per task; random-weight models rarely emit an end token. */
  maxNewTokens?: number;
  signal?: AbortSignal;
};

export type TimedText = { startMs: number; endMs: number; text: string };

export type WindowResult = {
  language: string | null;
  languageProbability: number | null;
  pieces: TimedText[];
  /** English pieces from the translate task, when it ran. */
  english: TimedText[] | null;
  generatedTokens: number;
};

export type WhisperEngine = {
  readonly multilingual: boolean;
  readonly layout: WhisperLayout;
  /** Most probable language token after <|startoftranscript|>, with its softmax probability over languages. */
  detectLanguage(pcm: Float32Array): Promise<{ language: string; probability: number }>;
  transcribeWindow(pcm: Float32Array, options?: WindowOptions): Promise<WindowResult>;
  dispose(): Promise<void>;
};

export const WHISPER_SAMPLE_RATE = 16_000;
export const WINDOW_SECONDS = 30;

/** Stops generation between two tokens when the job is cancelled. */
class AbortCriteria extends StoppingCriteria {
  constructor(private readonly signal: AbortSignal | undefined) {
    super();
  }
  override _call(inputIds: number[][]): boolean[] {
    return inputIds.map(() => this.signal?.aborted === true);
  }
}

const cancelled = (): AppError => new AppError('JOB_CANCELLED', 'Transcription was cancelled.');

const lastHiddenState = async (model: WhisperForConditionalGeneration, features: Tensor): Promise<Tensor> => {
  // The encoder session alone: its output feeds language detection and both tasks.
  const session = (model as unknown as { sessions: Record<string, OrtSession | undefined> }).sessions['model'];
  if (!session) throw new AppError('MODEL_INVALID', 'The Whisper model has no encoder session.');
  const out = await session.run({ input_features: (features as unknown as { ort_tensor: unknown }).ort_tensor });
  const hidden = out['last_hidden_state'];
  if (!hidden) throw new AppError('MODEL_INVALID', 'The Whisper encoder has no last_hidden_state output.');
  // transformers.js wraps an onnxruntime tensor as-is (its constructor's one-argument form).
  return new (Tensor as unknown as new (ort: unknown) => Tensor)(hidden);
};

type OrtSession = { run(feeds: Record<string, unknown>): Promise<Record<string, unknown>> };

const toIds = (output: unknown): number[] => {
  const tensor = (output as { sequences?: Tensor }).sequences ?? (output as Tensor);
  return Array.from(tensor.data as BigInt64Array, (v) => Number(v));
};

export const loadWhisper = async (options: WhisperLoadOptions): Promise<WhisperEngine> => {
  const modelDir = path.resolve(options.modelDir);
  const layout = readWhisperLayout(modelDir);
  if (layout.melBins !== 80 && layout.melBins !== 128)
    throw new AppError('MODEL_INVALID', 'This Whisper model expects an unsupported number of mel bins.');
  const id = localModelId(modelDir);
  const precision = options.precision ?? 'fp32';
  let tokenizer: PreTrainedTokenizer;
  let model: WhisperForConditionalGeneration;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(id);
    // from_pretrained is typed as returning the base class; for this class it builds a Whisper model.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    model = (await WhisperForConditionalGeneration.from_pretrained(id, {
      dtype: precision,
      // Whisper's shapes change every decoding step, so memory-pattern planning only grows the peak.
      ...cpuSession(options.threads, { enableMemPattern: false }),
    })) as WhisperForConditionalGeneration;
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The Whisper model could not be loaded.', { cause: error });
  }
  const tokenLayout: TokenLayout = {
    firstSpecialId: layout.endOfTextId,
    timestampBegin: layout.noTimestampsId + 1,
    secondsPerStep: 0.02,
  };

  const features = (pcm: Float32Array): Tensor => {
    if (pcm.length === 0) throw new AppError('AUDIO_EMPTY', 'The audio window is empty.');
    if (pcm.length > WINDOW_SECONDS * WHISPER_SAMPLE_RATE)
      throw new AppError('VALIDATION_FAILED', 'An audio window is longer than 30 seconds.');
    // Our own extractor: the same numbers as transformers.js's (tests hold them to 1e-4), ~10× faster.
    const nMels = layout.melBins === 128 ? 128 : 80;
    return new Tensor('float32', computeLogMel(pcm, { nMels }), [1, nMels, LOG_MEL_FRAMES]);
  };

  const languageOf = async (encoded: Tensor): Promise<{ language: string; probability: number }> => {
    const ids = Object.values(layout.languageIds);
    if (ids.length === 0) throw new AppError('VALIDATION_FAILED', 'This Whisper model is English-only.');
    const start = new Tensor('int64', BigInt64Array.from([BigInt(layout.startOfTranscriptId)]), [1, 1]);
    const out = (await model({ encoder_outputs: encoded, decoder_input_ids: start })) as { logits: Tensor };
    const logits = out.logits.data as Float32Array;
    let best = '';
    let bestLogit = -Infinity;
    let max = -Infinity;
    for (const [code, tokenId] of Object.entries(layout.languageIds)) {
      const value = logits[tokenId] ?? -Infinity;
      max = Math.max(max, value);
      if (value > bestLogit) {
        bestLogit = value;
        best = code;
      }
    }
    let sum = 0;
    for (const tokenId of ids) sum += Math.exp((logits[tokenId] ?? -Infinity) - max);
    return { language: best, probability: Math.exp(bestLogit - max) / sum };
  };

  const decode = async (
    inputFeatures: Tensor,
    encoded: Tensor,
    task: WhisperTask,
    language: string | null,
    windowMs: number,
    options: WindowOptions,
  ): Promise<{ pieces: TimedText[]; tokens: number }> => {
    const stopping = new StoppingCriteriaList();
    stopping.push(new AbortCriteria(options.signal));
    const generated = await model.generate({
      inputs: inputFeatures,
      encoder_outputs: encoded,
      ...(layout.multilingual ? { language: language ?? 'en', task } : {}),
      return_timestamps: true,
      max_new_tokens: options.maxNewTokens ?? 224,
      stopping_criteria: stopping,
    } as unknown as Parameters<typeof model.generate>[0]);
    if (options.signal?.aborted) throw cancelled();
    const ids = toIds(generated);
    const pieces = timedPieces(ids, tokenLayout, windowMs).map((p) => ({
      startMs: p.startMs,
      endMs: p.endMs,
      text: tokenizer.decode(p.tokenIds, { skip_special_tokens: true }).trim(),
    }));
    const firstNew = ids.findIndex((id, i) => i > 0 && id >= tokenLayout.timestampBegin);
    return { pieces: pieces.filter((p) => p.text !== ''), tokens: ids.length - Math.max(0, firstNew) };
  };

  return {
    multilingual: layout.multilingual,
    layout,
    async detectLanguage(pcm) {
      return languageOf(await lastHiddenState(model, features(pcm)));
    },
    async transcribeWindow(pcm, options = {}) {
      if (options.signal?.aborted) throw cancelled();
      const inputFeatures = features(pcm);
      const encoded = await lastHiddenState(model, inputFeatures);
      if (options.signal?.aborted) throw cancelled();
      const windowMs = Math.round((pcm.length / WHISPER_SAMPLE_RATE) * 1000);
      let language = options.language ?? null;
      let languageProbability: number | null = null;
      if (layout.multilingual && language === null) {
        const detected = await languageOf(encoded);
        language = detected.language;
        languageProbability = detected.probability;
      }
      if (!layout.multilingual) language = 'en';
      const source = await decode(inputFeatures, encoded, 'transcribe', language, windowMs, options);
      let english: TimedText[] | null = null;
      let tokens = source.tokens;
      if (options.translate === true && layout.multilingual && language !== 'en') {
        const translated = await decode(inputFeatures, encoded, 'translate', language, windowMs, options);
        english = translated.pieces;
        tokens += translated.tokens;
      }
      return { language, languageProbability, pieces: source.pieces, english, generatedTokens: tokens };
    },
    async dispose() {
      await model.dispose();
    },
  };
};
